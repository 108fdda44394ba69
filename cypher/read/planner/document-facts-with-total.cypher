// A Document.facts page ({{page}}: read/planner/document-facts-page) with its totalCount, as
// [page, total], when the query selects the total: the document's facts are found once
// ({{found}}: read/planner/document-facts-found) into {{all}}, as [fact, subject, object] each,
// and the page reads them from there, each bound to {{one}} in turn, rather than finding them
// again for the count (about 40 % of example 6's db hits).
head([{{all}} IN [COLLECT {
  {{found}}
  RETURN [{{fact}}, {{subject}}, {{object}}]
}] | [{{page}}, size({{all}})]])
