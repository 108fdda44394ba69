// Benchmark parameters: $count ids of entities with label {{label}}, spread evenly over the id
// order (deterministic, same graph -> same ids), among those with at least one fact.
MATCH (n:{{label}})
WHERE EXISTS { (n)-[]-(:Entity) }
WITH n.id AS id ORDER BY id
WITH collect(id) AS ids
UNWIND range(0, toInteger($count) - 1) AS i
RETURN DISTINCT ids[toInteger(i * size(ids) / $count)] AS id
