// How many meetings pass the filters (asked for only when a client selects totalCount).
// columns: total
MATCH (m:Meeting)
WHERE {{> read/lists/fragments/meeting-filter-fields}}
WITH m
WHERE {{> read/lists/fragments/meeting-filter-links}}
RETURN count(m) AS total
