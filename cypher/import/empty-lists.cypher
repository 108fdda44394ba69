// The offline importer stores no property for an empty list, where the loads' `SET n = row`
// stores []: give the entities without names per language or without aliases their empty lists,
// so an imported graph equals a loaded one. Runs as an auto-commit statement.
MATCH (n:Entity)
WHERE n.labelLangs IS NULL OR n.aliasLangs IS NULL
CALL (n) {
  SET n.labelLangs = coalesce(n.labelLangs, []), n.labelTexts = coalesce(n.labelTexts, []),
      n.aliasLangs = coalesce(n.aliasLangs, []), n.aliasTexts = coalesce(n.aliasTexts, [])
} IN TRANSACTIONS OF 10000 ROWS
