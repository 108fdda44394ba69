// Entities no longer in the seed files.
MATCH (n:Entity)
WHERE NOT n.id IN $ids
DETACH DELETE n
