// --reset of a bulk load: everything the loader owns, in batches (a graph of millions of facts
// cannot be deleted in one transaction). Runs as an auto-commit statement.
MATCH (n)
WHERE n:Entity OR n:Evidence OR n:GraphMeta
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS
