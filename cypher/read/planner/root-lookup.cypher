// A root lookup by id (meeting(id:), node(id:) ...): the entity with id {{id}} when it has one
// of the labels {{labels}}, projected as the query selects it ({{projection}}, a list of values
// read from {{node}}); null when there is none. The unique constraint on :Entity(id) makes it
// an index seek.
CALL () {
  OPTIONAL MATCH ({{node}}:Entity {id: {{id}}})
  WHERE {{node}}:{{labels}}
  RETURN CASE WHEN {{node}} IS NULL THEN null ELSE {{projection}} END AS {{column}}
}
