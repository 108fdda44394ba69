// Nodes of one entity label, from Neo4j's count store (no scan); joined to the other counts by UNION ALL.
MATCH (n:{{label}})
RETURN 'label' AS kind, '{{label}}' AS name, count(n) AS count
