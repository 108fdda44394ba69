// One page of entities with the labels {{labels}} in (sortKey, id) order (sortKey: the folded
// name), read {{order}} from a keyset bound through the range index on :Entity(sortKey, id).
// columns: key, id, node, labels
MATCH (x:Entity)
WHERE {{> read/fragments/keyset-seek}} AND x:{{labels}}
WITH x AS n
WHERE {{> read/lists/fragments/entity-filter}}
WITH n
ORDER BY n.{{key}} {{order}}, n.id {{order}}
LIMIT toInteger($limit)
WITH n.{{key}} AS key, n.id AS id, n AS node
// {{returned}}: properties(node) AS node, labels(node) AS labels; or node, for the query planner
RETURN key, id, {{returned}}
