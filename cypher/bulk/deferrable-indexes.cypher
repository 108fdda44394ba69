// Indexes a bulk load does not read while it writes: all but the constraints (MERGE finds nodes
// through them), the id lookups of each label (MATCH (d:Document {id: ...})) and the token
// lookup indexes. Dropping them for the load and creating them again after it (one bulk
// population each) is faster than updating them row by row at every commit.
SHOW INDEXES YIELD name, type, entityType, properties, owningConstraint
WHERE owningConstraint IS NULL
  AND type <> 'LOOKUP'
  AND NOT (entityType = 'NODE' AND properties = ['id'])
RETURN name
ORDER BY name
