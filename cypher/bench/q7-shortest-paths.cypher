// Benchmark, hand-written: query 7, the shortest paths (at most 10, at most 4 facts long, any
// direction, facts only) between two entities.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)-[:CHAIRED|PARTICIPATED_IN|ORGANIZED|HOSTED|COVERED|HELD_IN|PART_OF|HELD_POSITION|MEMBER_OF|PRESIDED|PUBLISHED]-{1,4}(b)
WITH p ORDER BY [r IN relationships(p) | r.id] LIMIT 10
RETURN [x IN nodes(p) | {id: x.id, name: x.name}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r)}] AS edges
