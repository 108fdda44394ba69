// The filters of the meeting list on m's own properties (see meeting-filter-links for the
// others); [] for $kinds and null for a date mean no filter. Date range: the meeting's period
// [startMin, endMax ?? startMax] must overlap [$dateFrom, $dateTo], dates the caller has already
// widened to their precision (2021 -> 2021-01-01 .. 2021-12-31); undated meetings never match.
(size($kinds) = 0 OR m.kind IN $kinds)
AND (NOT $byText OR m.id IN $textIds)
AND ($dateFrom IS NULL OR coalesce(m.endMax, m.startMax) >= $dateFrom)
AND ($dateTo IS NULL OR m.startMin <= $dateTo)
