// How many meetings pass the filters (asked for only when a client selects totalCount).
// columns: total
MATCH (m:Meeting)
WHERE {{> api/fragments/meeting-filter-fields}}
WITH m
WHERE {{> api/fragments/meeting-filter-links}}
RETURN count(m) AS total
