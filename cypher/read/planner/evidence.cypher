// The quotes ({{evidence}}) supporting the fact or entity whose id is {{about}}, with the
// documents ({{document}}) they are quoted from, in document then reading order; {{row}}
// projects what the query selects. Evidence.about is indexed.
COLLECT {
  MATCH ({{evidence}}:Evidence {about: {{about}}})-[:CITED_IN]->({{document}}:Document)
  WITH {{evidence}}, {{document}}
  ORDER BY {{document}}.id, {{evidence}}.offset, {{evidence}}.id
  RETURN {{row}}
}
