// Full-text hits over names and aliases (index entityNames, analyzer standard-folding: case and
// diacritics folded), at most $limit, of the labels asked for. Ranking happens in code
// (src/read/search/ranking.ts), which knows which name matched. With $slim, a hit is read as
// what the ranking needs and the query asks for (id, name, its names and aliases), not whole:
// up to $limit hits are read for one page of them.
// columns: node, labels, score
CALL db.index.fulltext.queryNodes('entityNames', $query, {limit: $limit}) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels)
RETURN CASE WHEN $slim
         THEN node {.id, .name, .labelTexts, .labelLangs, .aliasTexts, .aliasLangs}
         ELSE properties(node)
       END AS node,
       labels(node) AS labels,
       score
