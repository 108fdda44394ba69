// Facts by id, whatever their type: {{types}} lists every relationship type, so the planner
// seeks each type's fact-id index.
// columns: factId, type, fact, subject, subjectLabels, object, objectLabels
UNWIND $ids AS factId
MATCH (s:Entity)-[r:{{types}}]->(o:Entity)
WHERE r.id = factId
RETURN factId, type(r) AS type, properties(r) AS fact,
       properties(s) AS subject, labels(s) AS subjectLabels,
       properties(o) AS object, labels(o) AS objectLabels
