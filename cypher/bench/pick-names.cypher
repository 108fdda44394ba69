// Benchmark parameters: names of $count persons spread over the id order, for searches typed
// without diacritics.
MATCH (n:Person)
WITH n ORDER BY n.id
WITH collect(n.name) AS names
UNWIND range(0, toInteger($count) - 1) AS i
RETURN DISTINCT names[toInteger(i * size(names) / $count)] AS name
