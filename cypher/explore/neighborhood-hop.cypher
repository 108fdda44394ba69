// One level of a neighbourhood. For each entity of the frontier ($ids): itself, and at most
// $perNode of its facts of the types {{types}}, walked in either direction, whose other end has
// a label in {{labels}} and which pass the date range, best attested first, then by fact id (so
// the same call follows the same facts); `matching` counts them all, so the caller can tell
// that a hub was cut. Only fact types join entities, so Evidence and GraphMeta are never reached.
UNWIND $ids AS centerId
MATCH (x:Entity {id: centerId})
WITH centerId, x AS c, {{> explore/fragments/graph-node}} AS center
CALL (c) {
  MATCH (c)-[r:{{types}}]-(x:Entity)
  WHERE x:{{labels}}
    AND {{> explore/fragments/fact-in-range}}
    AND {{> explore/fragments/node-in-range}}
  WITH r, x
  ORDER BY r.evidenceCount DESC, r.id
  LIMIT toInteger($perNode)
  RETURN collect({edge: {{> explore/fragments/graph-edge}}, node: {{> explore/fragments/graph-node}}}) AS facts
}
RETURN centerId, center, facts,
       COUNT {
         MATCH (c)-[r:{{types}}]-(x:Entity)
         WHERE x:{{labels}}
           AND {{> explore/fragments/fact-in-range}}
           AND {{> explore/fragments/node-in-range}}
       } AS matching
