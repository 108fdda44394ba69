// One page of a relationship field for each parent id: the facts of one type in one direction,
// each with the entity at its other end, in ({{orderKey}}, fact id) order ({{orderKey}}: one of
// read/fragments/order-key-*), read {{order}} from the keyset bounds [$lowerKey, $lowerId] /
// [$upperKey, $upperId] ($lowerId or $upperId '' for no bound).
// {{rel}} is `-[r:TYPE]->` or `<-[r:TYPE]-`, built from the allow-list (src/read/statements.ts).
// With $slim, the other end is read as {id, name} only (the query asks for nothing else of it).
// The total counts the parent's facts of the field (without $asOf, the node's degree); it is
// null unless $withTotal (a count under $asOf reads every fact of the field).
// columns: parentId, page, total
UNWIND $ids AS parentId
MATCH (p:Entity {id: parentId})
CALL (p) {
  MATCH (p){{rel}}(o:Entity)
  WHERE {{> read/fragments/as-of}}
  WITH r, o, {{orderKey}} AS key
  WHERE ($lowerId = '' OR [key, r.id] > [$lowerKey, $lowerId])
    AND ($upperId = '' OR [key, r.id] < [$upperKey, $upperId])
  ORDER BY key {{order}}, r.id {{order}}
  LIMIT toInteger($limit)
  RETURN collect({key: key, id: r.id, type: type(r), fact: properties(r),
                  subjectId: startNode(r).id, objectId: endNode(r).id,
                  node: CASE WHEN $slim THEN o {.id, .name} ELSE properties(o) END,
                  labels: labels(o)}) AS page
}
RETURN parentId, page,
       CASE WHEN NOT $withTotal THEN null
            WHEN $asOf IS NULL THEN COUNT { (p){{rel}}() }
            ELSE COUNT { (p){{rel}}() WHERE {{> read/fragments/as-of}} } END AS total
