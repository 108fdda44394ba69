MATCH (e:Evidence)
WHERE NOT e.id IN $ids
DETACH DELETE e
