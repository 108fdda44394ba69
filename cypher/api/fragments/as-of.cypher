// Whether fact r holds on day $asOf ('' for any day): its effective interval runs from
// (start ?? attested).firstDay to (end ?? attested).lastDay, and a missing bound is open. Days
// compare as ISO strings, so every parameter keeps one type and one cached plan.
($asOf = ''
 OR (coalesce(toString(r.startMin), toString(r.attestedMin), $asOf) <= $asOf
     AND coalesce(toString(r.endMax), toString(r.attestedMax), $asOf) >= $asOf))
