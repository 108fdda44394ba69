// Whether fact {{fact}} holds on day {{day}} (a date; null for any day): its effective interval
// runs from (start ?? attested).firstDay to (end ?? attested).lastDay, and a missing bound is
// open. The stored bounds are dates and compare as dates, with no conversion per row.
({{day}} IS NULL
 OR (coalesce({{fact}}.startMin, {{fact}}.attestedMin, {{day}}) <= {{day}}
     AND coalesce({{fact}}.endMax, {{fact}}.attestedMax, {{day}}) >= {{day}}))
