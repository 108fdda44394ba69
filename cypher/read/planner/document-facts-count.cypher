// How many facts the document {{document}} supports: its Document.facts totalCount, counted
// only when the query selects it.
COUNT {
  MATCH ({{evidence}}:Evidence)-[:CITED_IN]->({{document}})
  WITH DISTINCT {{evidence}}.about AS {{about}}
  MATCH (:Entity)-[{{fact}}:{{types}}]->(:Entity)
  WHERE {{fact}}.id = {{about}}
  RETURN {{fact}}
}
