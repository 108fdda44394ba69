// Whether entity x's own period overlaps [$dateFrom, $dateTo] (dates; null: open): a meeting's
// runs from its start's first day to its end's last day (its start's, without an end), a
// document's is its publication date. Undated entities (and persons, organizations, themes and
// places, which have no dates) always pass.
($dateTo IS NULL OR coalesce(x.startMin, x.publishedMin, $dateTo) <= $dateTo)
AND ($dateFrom IS NULL
     OR coalesce(x.endMax, x.startMax, x.publishedMax, $dateFrom) >= $dateFrom)
