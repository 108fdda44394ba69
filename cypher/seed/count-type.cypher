// Relationships of one fact type, from Neo4j's count store (no scan; facts join entities only);
// joined to the other counts by UNION ALL.
MATCH ()-[r:{{type}}]->()
RETURN 'type' AS kind, '{{type}}' AS name, count(r) AS count
