// A page of the facts the document {{document}} supports (the facts its quotes are about), in the
// order their first quote appears in its text ({{key}}: that offset, zero-padded to compare as
// text), then fact id, read {{order}} from the keyset bounds [{{lowerKey}}, {{lowerId}}] /
// [{{upperKey}}, {{upperId}}], one more than the page ({{limit}}). Each fact {{fact}} comes with
// its ends {{subject}} and {{object}} and the document's quotes for it ({{quotes}}, each bound
// to {{quote}} in turn); {{row}}
// projects what the query selects. {{types}} lists every relationship type, so each fact is
// found by an index seek on its id.
// No aggregation function appears (Neo4j refuses one inside a projection's subquery): the
// quotes are a COLLECT per fact and the first offset an ordered COLLECT.
{page: COLLECT {
  MATCH ({{evidence}}:Evidence)-[:CITED_IN]->({{document}})
  WITH DISTINCT {{evidence}}.about AS {{about}}
  MATCH ({{subject}}:Entity)-[{{fact}}:{{types}}]->({{object}}:Entity)
  WHERE {{fact}}.id = {{about}}
  WITH {{fact}}, {{subject}}, {{object}},
       COLLECT {
         MATCH ({{quote}}:Evidence {about: {{fact}}.id})-[:CITED_IN]->({{document}})
         RETURN {{quote}}
       } AS {{quotes}},
       right('000000000' + toString(coalesce(head(COLLECT {
         MATCH ({{quote}}:Evidence {about: {{fact}}.id})-[:CITED_IN]->({{document}})
         WHERE {{quote}}.offset IS NOT NULL
         RETURN {{quote}}.offset AS offset ORDER BY offset LIMIT 1
       }), 0)), 10) AS {{key}}
  WHERE ({{lowerId}} = '' OR [{{key}}, {{fact}}.id] > [{{lowerKey}}, {{lowerId}}])
    AND ({{upperId}} = '' OR [{{key}}, {{fact}}.id] < [{{upperKey}}, {{upperId}}])
  ORDER BY {{key}} {{order}}, {{fact}}.id {{order}}
  LIMIT toInteger({{limit}})
  RETURN {{row}}
}, total: {{total}}}
