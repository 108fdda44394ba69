// Evidence nodes, from Neo4j's count store (no scan); joined to the other counts by UNION ALL.
MATCH (e:Evidence)
RETURN 'label' AS kind, 'Evidence' AS name, count(e) AS count
