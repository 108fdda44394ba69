// Benchmark, hand-written: query 6, the depth-2 neighbourhood of an entity with the API's bounds
// (at most 25 facts followed out of each entity, best attested first; at most 500 entities),
// then every fact among the entities kept.
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[r]-(x:Entity)
  WITH x ORDER BY r.evidenceCount DESC, r.id LIMIT 25
  RETURN collect(DISTINCT x) AS first
}
CALL (first) {
  UNWIND first AS f
  CALL (f) {
    MATCH (f)-[r]-(y:Entity)
    WITH y ORDER BY r.evidenceCount DESC, r.id LIMIT 25
    RETURN collect(y) AS next
  }
  UNWIND next AS y
  RETURN collect(DISTINCT y) AS second
}
WITH [c] + first + [y IN second WHERE NOT y IN first AND y <> c] AS reached
WITH reached[0..500] AS kept
RETURN [n IN kept | {id: n.id, name: n.name, labels: labels(n)}] AS nodes,
       COLLECT {
         UNWIND kept AS s
         MATCH (s)-[r]->(o:Entity)
         WHERE o IN kept
         RETURN {id: r.id, source: s.id, target: o.id, type: type(r)}
       } AS edges
