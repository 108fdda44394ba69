// How the entities $ids are linked. `found`: those of them that exist. `paths`: for every pair
// of them ($pairs), the paths of the two shortest lengths between the two over the fact types
// {{types}}, walked in either direction (SHORTEST 2 GROUPS: between ASEAN and the UN, the
// meeting both took part in, then the persons and states one step longer), at most $maxHops
// long (the quantifier's literal 6 is MAX_HOPS, as in shortest-paths.cypher), at most $limit
// per pair, shortest first, then by fact ids.
CALL () {
  UNWIND $ids AS id
  MATCH (x:Entity {id: id})
  RETURN collect({{> explore/fragments/graph-node}}) AS found
}
CALL () {
  UNWIND $pairs AS pair
  MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
  CALL (a, b) {
    MATCH p = SHORTEST 2 GROUPS (a)-[:{{types}}]-{1,6}(b)
    WITH p
    WHERE length(p) <= $maxHops
    WITH p
    ORDER BY length(p), [r IN relationships(p) | r.id]
    LIMIT toInteger($limit)
    RETURN p
  }
  RETURN collect({
    nodes: [x IN nodes(p) | {{> explore/fragments/graph-node}}],
    edges: [r IN relationships(p) | {{> explore/fragments/graph-edge}}]
  }) AS paths
}
RETURN found, paths
