OPTIONAL MATCH (m:GraphMeta {id: 'seed'})
RETURN m.version AS version, toString(m.loadedAt) AS loadedAt
