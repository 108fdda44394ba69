// --reset: everything the loader owns, inside the load's own transaction.
MATCH (n)
WHERE n:Entity OR n:Evidence OR n:GraphMeta
DETACH DELETE n
