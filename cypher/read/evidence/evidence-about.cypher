// The quotes supporting each fact or entity id, with the documents they are quoted from, in
// document then reading order. Evidence.about is indexed.
// columns: about, evidence, documentId, document, documentLabels
UNWIND $ids AS about
MATCH (e:Evidence {about: about})-[:CITED_IN]->(d:Document)
RETURN about, properties(e) AS evidence, d.id AS documentId, properties(d) AS document,
       labels(d) AS documentLabels
ORDER BY about, d.id, e.offset, e.id
