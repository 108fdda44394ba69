// Benchmark, hand-written: query 8, meetings whose period overlaps [$dateFrom, $dateTo], of the
// kinds $kinds, with $participant among the participants: a page of 50 by start date, after the
// keyset ($afterKey, $afterId) ('' for the first page). The start-date index is read in order
// and only up to $dateTo (a meeting starting later cannot overlap; sortKey is the start as
// given, and "2021" sorts before "2021-04-19"), the meeting's own properties are tested before
// the participant's edge (a hub has tens of thousands; as a plain WHERE, the planner tested it
// first).
MATCH (m:Meeting)
WHERE m.sortKey >= $afterKey AND m.sortKey <= $dateTo AND m.id IS NOT NULL
  AND ($afterId = '' OR [m.sortKey, m.id] > [$afterKey, $afterId])
WITH m
WHERE m.startMin <= date($dateTo)
  AND coalesce(m.endMax, m.startMax) >= date($dateFrom)
  AND m.kind IN $kinds
CALL (m) {
  WITH m WHERE EXISTS { (m)<-[:PARTICIPATED_IN]-(:Entity {id: $participant}) }
  RETURN m AS kept
}
WITH kept AS m ORDER BY m.sortKey, m.id LIMIT 50
RETURN m.id AS id, m.name AS name, m.start AS start, m.sortKey AS key
