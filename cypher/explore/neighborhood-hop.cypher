// One level of a neighbourhood. For each entity of the frontier ($ids): itself, and at most
// $perNode of its facts of the types {{types}}, walked in either direction, whose other end has
// a label in {{labels}} and which pass the date range, best attested first, then by fact id (so
// the same call follows the same facts); `cut` says that it had more (one more is read rather
// than counting them all: a hub's count would read its facts a second time). Only fact types join entities, so Evidence and GraphMeta are never reached.
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
  LIMIT toInteger($perNode) + 1
  RETURN collect({edge: {{> explore/fragments/graph-edge}}, node: {{> explore/fragments/graph-node}}}) AS found
}
RETURN centerId, center, found[0..toInteger($perNode)] AS facts,
       size(found) > toInteger($perNode) AS cut
