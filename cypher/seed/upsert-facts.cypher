// One batch of facts of one relationship type.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:{{type}} {id: row.props.id}]->(b)
SET r = row.props
