// The entities $ids, in that order, that have a label in {{labels}} and pass the date range.
UNWIND $ids AS id
MATCH (x:Entity {id: id})
WHERE x:{{labels}} AND {{> explore/fragments/node-in-range}}
RETURN {{> explore/fragments/graph-node}} AS node
