// The filters of the meeting list, on m; '' (or [] for $kinds) means no filter, so parameters
// keep one type and the plan stays cached. Date range: the meeting's period
// [startMin, endMax ?? startMax] must overlap [$dateFrom, $dateTo], days the caller has already
// widened to their precision (2021 -> 2021-01-01 .. 2021-12-31); undated meetings never match.
// partOf follows PART_OF through any number of levels (a session of a meeting of a series).
(size($kinds) = 0 OR m.kind IN $kinds)
AND (NOT $byText OR m.id IN $textIds)
AND ($dateFrom = '' OR toString(coalesce(m.endMax, m.startMax)) >= $dateFrom)
AND ($dateTo = '' OR toString(m.startMin) <= $dateTo)
AND ($chairedBy = '' OR EXISTS { (m)<-[:CHAIRED]-(:Entity {id: $chairedBy}) })
AND ($participant = '' OR EXISTS { (m)<-[:PARTICIPATED_IN]-(:Entity {id: $participant}) })
AND ($theme = '' OR EXISTS { (m)-[:COVERED]->(:Theme {id: $theme}) })
AND ($place = '' OR EXISTS { (m)-[:HELD_IN]->(:Place {id: $place}) })
AND ($partOf = '' OR EXISTS { (m)-[:PART_OF*1..]->(:Meeting {id: $partOf}) })
