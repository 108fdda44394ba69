// How many entities with the labels {{labels}} pass the filters (only when totalCount is asked).
// columns: total
MATCH (n:{{labels}})
WHERE {{> read/lists/fragments/entity-filter}}
RETURN count(n) AS total
