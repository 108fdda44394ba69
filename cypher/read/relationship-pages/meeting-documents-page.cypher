// For each meeting id, one page of the documents that attest it or any fact it takes part in, in
// (sortKey, id) order, read {{order}} from keyset bounds as in relationship-page.cypher.
// columns: meetingId, page, total
UNWIND $ids AS meetingId
MATCH (m:Meeting {id: meetingId})
CALL (m) {
  UNWIND [m.id] + [(m)-[r]-(:Entity) | r.id] AS about
  MATCH (:Evidence {about: about})-[:CITED_IN]->(d:Document)
  RETURN collect(DISTINCT d) AS documents
}
CALL (documents) {
  UNWIND documents AS d
  WITH d, coalesce(d.sortKey, '') AS key
  WHERE ($lowerId = '' OR [key, d.id] > [$lowerKey, $lowerId])
    AND ($upperId = '' OR [key, d.id] < [$upperKey, $upperId])
  ORDER BY key {{order}}, d.id {{order}}
  LIMIT toInteger($limit)
  RETURN collect({key: key, id: d.id, node: properties(d), labels: labels(d)}) AS page
}
RETURN meetingId, page, size(documents) AS total
