// How many meetings pass the filters (asked for only when a client selects totalCount).
// columns: total
MATCH (m:Meeting)
WHERE {{> api/fragments/meeting-filter}}
RETURN count(m) AS total
