// Benchmark parameters: up to $count organizations that have members (MEMBER_OF, incoming), the
// ones with most members first.
MATCH (o:Organization)
WITH o, COUNT { (o)<-[:MEMBER_OF]-() } AS members
WHERE members > 0
RETURN o.id AS id
ORDER BY members DESC, id
LIMIT toInteger($count)
