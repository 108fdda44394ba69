// Entities by id, any label (the unique constraint on :Entity(id) makes each an index seek).
// columns: id, node, labels
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS node, labels(n) AS labels
