MERGE (m:GraphMeta {id: 'seed'})
SET m.version = $version, m.loadedAt = datetime(), m.entities = $entities, m.facts = $facts, m.evidence = $evidence
