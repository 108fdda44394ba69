// Full-text hits over names and aliases (index entityNames, analyzer standard-folding: case and
// diacritics folded), at most $limit, of the labels asked for. Ranking happens in code
// (src/read/search/ranking.ts), which knows which name matched. With $slim (the names of the
// properties the ranking needs and the query asks for: id, name, its names and aliases), a hit
// is read as the list of those values rather than whole, as up to $limit hits are read for one
// page of them; a list, not a map, as the driver decodes a map key by key into a slow object.
// columns: node, labels, score
CALL db.index.fulltext.queryNodes('entityNames', $query, {limit: $limit}) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels)
RETURN CASE WHEN $slim IS NULL
         THEN properties(node)
         ELSE [property IN $slim | node[property]]
       END AS node,
       labels(node) AS labels,
       score
