// One batch of entities of one label; SET n = replaces every property, so a reload is exact.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Person:Organization:Meeting:Theme:Place:Document
SET n:{{label}}
