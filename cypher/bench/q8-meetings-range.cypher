// Benchmark, hand-written: query 8, meetings whose period overlaps [$dateFrom, $dateTo], of the
// kinds $kinds, with $participant among the participants: a page of 50 by start date, after the
// keyset ($afterKey, $afterId) ('' for the first page).
MATCH (m:Meeting)
WHERE m.startMin <= date($dateTo)
  AND coalesce(m.endMax, m.startMax) >= date($dateFrom)
  AND m.kind IN $kinds
  AND EXISTS { (m)<-[:PARTICIPATED_IN]-(:Entity {id: $participant}) }
  AND ($afterId = '' OR [m.sortKey, m.id] > [$afterKey, $afterId])
WITH m ORDER BY m.sortKey, m.id LIMIT 50
RETURN m.id AS id, m.name AS name, m.start AS start, m.sortKey AS key
