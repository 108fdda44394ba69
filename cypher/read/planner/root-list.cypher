// A root list (meetings, actors, search ...): the rows of its page statement {{page}} (key, id
// and the node {{node}}, in page order) collected with each node projected as the query selects
// it ({{projection}}), and its total ({{total}}, a subquery returning `total`, or null).
CALL () {
  CALL () {
    {{page}}
  }
  WITH collect({key: key, id: id, {{extra}}node: {{projection}}}) AS rows
  CALL () {
    {{total}}
  }
  RETURN {rows: rows, total: total} AS {{column}}
}
