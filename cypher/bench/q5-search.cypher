// Benchmark, hand-written: query 5, names and aliases matching a Lucene query (built from the
// user's words as the API builds it), ten best by score.
CALL db.index.fulltext.queryNodes('entityNames', $query, {limit: 10}) YIELD node, score
RETURN node.id AS id, node.name AS name, labels(node) AS labels, score
