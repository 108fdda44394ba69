// Full-text hits over names and aliases (index entityNames, analyzer standard-folding: case and
// diacritics folded), at most $limit, of the labels asked for. Ranking happens in code
// (src/read/search/ranking.ts), which knows which name matched.
// columns: node, labels, score
CALL db.index.fulltext.queryNodes('entityNames', $query, {limit: $limit}) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels)
RETURN properties(node) AS node, labels(node) AS labels, score
