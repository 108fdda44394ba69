// The entity whose id is {{id}} (a fact's onBehalfOf organization), when it has one of the
// labels {{labels}}, projected by {{projection}} on {{node}}; null when there is none.
head(COLLECT {
  MATCH ({{node}}:Entity {id: {{id}}})
  WHERE {{node}}:{{labels}}
  RETURN {{projection}}
})
