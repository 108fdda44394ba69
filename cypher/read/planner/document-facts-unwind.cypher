// The facts found once for a page with its total (read/planner/document-facts-with-total), read
// back from {{all}}: each [fact, subject, object] bound to {{fact}}, {{subject}} and {{object}}.
UNWIND {{all}} AS {{one}}
WITH {{one}}[0] AS {{fact}}, {{one}}[1] AS {{subject}}, {{one}}[2] AS {{object}}
