// Whether fact {{fact}} holds on day {{day}} ('' for any day): its effective interval runs from
// (start ?? attested).firstDay to (end ?? attested).lastDay, and a missing bound is open. Days
// compare as ISO strings, so every parameter keeps one type and one cached plan.
({{day}} = ''
 OR (coalesce(toString({{fact}}.startMin), toString({{fact}}.attestedMin), {{day}}) <= {{day}}
     AND coalesce(toString({{fact}}.endMax), toString({{fact}}.attestedMax), {{day}}) >= {{day}}))
