// The facts the document {{document}} supports, each bound to {{fact}} with its ends {{subject}}
// and {{object}}: the facts its quotes are about. {{types}} lists every relationship type, so
// each fact is found by an index seek on its id (one per type: the costly part of
// Document.facts, which is why a page with its total finds them once, see
// document-facts-with-total).
MATCH ({{evidence}}:Evidence)-[:CITED_IN]->({{document}})
WITH DISTINCT {{evidence}}.about AS {{about}}
MATCH ({{subject}}:Entity)-[{{fact}}:{{types}}]->({{object}}:Entity)
WHERE {{fact}}.id = {{about}}
