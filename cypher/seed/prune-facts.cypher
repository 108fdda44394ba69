// Facts no longer in the seed files (entity-to-entity relationships only).
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.id IN $ids
DELETE r
