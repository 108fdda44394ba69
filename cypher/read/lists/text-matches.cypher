// Ids of the entities with the labels $labels whose names or aliases match the full-text query;
// `matched` counts all hits read (at most $limit), so the caller can tell when the cap was hit.
// columns: matched, ids
CALL db.index.fulltext.queryNodes('entityNames', $query, {limit: $limit}) YIELD node
WITH collect(node) AS hits
RETURN size(hits) AS matched,
       [n IN hits WHERE any(label IN labels(n) WHERE label IN $labels) | n.id] AS ids
