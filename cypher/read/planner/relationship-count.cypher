// How many facts {{rel}} (bound to {{fact}}) of {{parent}} hold ({{holds}}): a relationship
// field's totalCount, counted only when the query selects it (without asOf, the node's degree).
COUNT { ({{parent}}){{rel}}() WHERE {{holds}} }
