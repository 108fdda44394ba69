// The facts of the types {{types}} between two of the entities $ids that pass the date range,
// by fact id, at most $limit (the caller reads one more than it keeps, to tell when it cut).
MATCH (s:Entity)-[r:{{types}}]->(o:Entity)
WHERE s.id IN $ids AND o.id IN $ids AND {{> explore/fragments/fact-in-range}}
WITH r
ORDER BY r.id
LIMIT toInteger($limit)
RETURN {{> explore/fragments/graph-edge}} AS edge
