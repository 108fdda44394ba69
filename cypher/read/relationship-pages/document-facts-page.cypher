// For each document id, one page of the facts it supports (the facts its quotes are about), in
// the order their first quote appears in its text, then fact id, each with those quotes; read
// {{order}} from keyset bounds as in relationship-page.cypher. {{types}} lists every
// relationship type, so each fact is found by an index seek on its id.
// columns: documentId, page, total
UNWIND $ids AS documentId
MATCH (d:Document {id: documentId})
CALL (d) {
  MATCH (e:Evidence)-[:CITED_IN]->(d)
  // The key is the first quote's offset, zero-padded so that keys compare as text.
  WITH e.about AS about, collect(e) AS quotes,
       right('000000000' + toString(coalesce(min(e.offset), 0)), 10) AS key
  MATCH (:Entity)-[r:{{types}}]->(:Entity)
  WHERE r.id = about
  WITH r, quotes, key
  WHERE ($lowerId = '' OR [key, r.id] > [$lowerKey, $lowerId])
    AND ($upperId = '' OR [key, r.id] < [$upperKey, $upperId])
  ORDER BY key {{order}}, r.id {{order}}
  LIMIT toInteger($limit)
  RETURN collect({key: key, id: r.id, type: type(r), fact: properties(r),
                  subjectId: startNode(r).id, objectId: endNode(r).id,
                  quotes: [q IN quotes | properties(q)]}) AS page
}
CALL (d) {
  MATCH (e:Evidence)-[:CITED_IN]->(d)
  WITH DISTINCT e.about AS about
  MATCH (:Entity)-[r:{{types}}]->(:Entity)
  WHERE r.id = about
  RETURN count(r) AS total
}
RETURN documentId, page, total
