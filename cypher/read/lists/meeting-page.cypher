// One page of meetings in ({{key}}, id) order (sortKey: start date as given, '' when undated;
// nameKey: folded name), read {{order}} from a keyset bound, so a page deep in the list is as
// cheap as the first: the range index on (key, id) gives the order and LIMIT stops the read.
// columns: key, id, node, labels
MATCH (x:Meeting)
WHERE {{> read/fragments/keyset-seek}}
WITH x AS m
WHERE {{> read/lists/fragments/meeting-filter-fields}}
// The relationship filters come second, so they run only for meetings of the right kind and
// dates: before the split, the planner checked a hub participant's edge for every meeting.
WITH m
WHERE {{> read/lists/fragments/meeting-filter-links}}
WITH m
ORDER BY m.{{key}} {{order}}, m.id {{order}}
LIMIT toInteger($limit)
WITH m.{{key}} AS key, m.id AS id, m AS node
// {{returned}}: properties(node) AS node, labels(node) AS labels; or node, for the query planner
RETURN key, id, {{returned}}
