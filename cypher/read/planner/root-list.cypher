// A root list (meetings, actors, search ...): the rows of its page statement {{page}} (key, id
// and the node, in page order) collected as {{row}}, each node projected as the query selects it,
// and its total ({{total}}, a subquery returning `total`, or null), returned as {{value}}: lists
// in the order src/read/planner/row-layout.ts gives.
CALL () {
  CALL () {
    {{page}}
  }
  WITH collect({{row}}) AS rows
  CALL () {
    {{total}}
  }
  RETURN {{value}} AS {{column}}
}
