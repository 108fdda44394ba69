// A page of the facts the document {{document}} supports ({{found}}: read/planner/document-facts-found,
// or the same facts found once for the page and its total, see document-facts-with-total), in
// the order their first quote appears in its text ({{key}}: that offset, zero-padded to compare
// as text), then fact id, read {{order}} from the keyset {{bounds}} (read/fragments/keyset-bounds,
// or nothing for a page without a cursor), one more than the page ({{limit}}). Each fact {{fact}}
// comes with its ends {{subject}} and {{object}} and the document's quotes for it ({{quotes}},
// each bound to {{quote}} in turn); {{row}} projects what the query selects.
// No aggregation function appears (Neo4j refuses one inside a projection's subquery): the
// quotes are one COLLECT per fact, in offset order (undated last), so the first offset is the
// first quote's. Each fact's quotes are found from the fact (the index on Evidence.about) and
// checked against the document: written as a path from the document, Neo4j expanded all of the
// document's quotes for every fact (16,805 db hits against 2,117 for example 6).
COLLECT {
  {{found}}
  WITH {{fact}}, {{subject}}, {{object}},
       COLLECT {
         MATCH ({{quote}}:Evidence {about: {{fact}}.id})
         WHERE ({{quote}})-[:CITED_IN]->({{document}})
         RETURN {{quote}} ORDER BY {{quote}}.offset
       } AS {{quotes}}
  WITH {{fact}}, {{subject}}, {{object}}, {{quotes}},
       right('000000000' + toString(coalesce(head({{quotes}}).offset, 0)), 10) AS {{key}}
  {{bounds}}
  ORDER BY {{key}} {{order}}, {{fact}}.id {{order}}
  LIMIT toInteger({{limit}})
  RETURN {{row}}
}
