// The filters of the meeting list on m's own properties (see meeting-filter-links for the
// others); '' (or [] for $kinds) means no filter, so parameters
// keep one type and the plan stays cached. Date range: the meeting's period
// [startMin, endMax ?? startMax] must overlap [$dateFrom, $dateTo], days the caller has already
// widened to their precision (2021 -> 2021-01-01 .. 2021-12-31); undated meetings never match.
(size($kinds) = 0 OR m.kind IN $kinds)
AND (NOT $byText OR m.id IN $textIds)
AND ($dateFrom = '' OR toString(coalesce(m.endMax, m.startMax)) >= $dateFrom)
AND ($dateTo = '' OR toString(m.startMin) <= $dateTo)
