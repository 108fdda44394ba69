// One batch of evidence, each tied to the document it quotes (the id hashes the document in,
// so an evidence node never changes document).
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MERGE (e:Evidence {id: row.id})
SET e = row
MERGE (e)-[:CITED_IN]->(d)
