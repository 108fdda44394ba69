// Whether fact r may hold within [$dateFrom, $dateTo] (dates, already widened to their
// precision; null: open). Its interval runs from (start ?? attested).firstDay to
// (end ?? attested).lastDay, as in read/fragments/as-of.cypher; a missing bound is open, so an
// undated fact always passes: the sources give nothing to test it against.
($dateTo IS NULL OR coalesce(r.startMin, r.attestedMin, $dateTo) <= $dateTo)
AND ($dateFrom IS NULL OR coalesce(r.endMax, r.attestedMax, $dateFrom) >= $dateFrom)
