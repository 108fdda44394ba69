// The shortest paths between $from and $to over the fact types {{types}}, walked in either
// direction: ALL SHORTEST searches breadth-first and stops at the shortest length. A
// quantifier must be a literal, so it is the largest bound any call may ask for (MAX_HOPS in
// src/explore/limits.ts) and $maxHops is applied to the paths found, which are all of one
// length. At most $limit paths, in the order of their fact ids, so the same call gives the same
// paths. fromFound/toFound tell a missing entity from a missing path.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  MATCH p = ALL SHORTEST (a)-[:{{types}}]-{1,6}(b)
  WITH p
  WHERE length(p) <= $maxHops
  WITH p
  ORDER BY [r IN relationships(p) | r.id]
  LIMIT toInteger($limit)
  RETURN collect({
    nodes: [x IN nodes(p) | {{> explore/fragments/graph-node}}],
    edges: [r IN relationships(p) | {{> explore/fragments/graph-edge}}]
  }) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths
