// One page of the whole graph, for exports: at most $limit entities in id order after $afterId
// (the unique index on :Entity(id) gives the order), each with its outgoing facts. {{types}}
// is every relationship type of the model, so Evidence, CITED_IN and GraphMeta never come in.
MATCH (x:Entity)
WHERE x.id > $afterId
WITH x
ORDER BY x.id
LIMIT toInteger($limit)
RETURN {{> explore/fragments/graph-node}} AS node,
       COLLECT {
         MATCH (x)-[r:{{types}}]->(:Entity)
         RETURN {{> explore/fragments/graph-edge}}
       } AS edges
