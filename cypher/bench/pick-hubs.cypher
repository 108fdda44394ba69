// Benchmark parameters: the $count entities with label {{label}} that take part in the most
// facts (the hubs), most connected first. Only facts touch entities (quotes hang off
// documents), so the degree counts facts.
MATCH (n:{{label}})
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.id
LIMIT toInteger($count)
RETURN n.id AS id, degree
