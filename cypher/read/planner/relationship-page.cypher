// A page of a relationship field of {{parent}} (its rows; the planner pairs them with
// read/planner/relationship-count when the query selects the total): the facts {{rel}} (bound
// to {{fact}}), each with the entity {{other}} at its other end (labelled {{otherLabel}}: the
// field's type when it names one, else Entity), in ({{orderKey}}, fact id) order
// ({{orderKey}}: one of read/fragments/order-key-*), read {{order}} from the keyset {{bounds}}
// (read/fragments/keyset-bounds, or nothing for a page without a cursor), one more than the
// page ({{limit}}) to tell whether more follow. {{holds}} keeps the facts that hold on the
// field's asOf day; {{row}} projects what the query selects of each fact and entity.
COLLECT {
  MATCH ({{parent}}){{rel}}({{other}}:{{otherLabel}})
  WHERE {{holds}}
  WITH {{fact}}, {{other}}, {{orderKey}} AS {{key}}
  {{bounds}}
  ORDER BY {{key}} {{order}}, {{fact}}.id {{order}}
  LIMIT toInteger({{limit}})
  RETURN {{row}}
}
