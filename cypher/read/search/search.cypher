// Ranked search: full-text hits over names and aliases (index entityNames, analyzer
// standard-folding: case and diacritics folded), at most $limit, of the labels asked for ($labels,
// null for all), ranked by how closely one of the hit's names matches the text, then by score,
// then by id, and one page of them read after the keyset position $after ([tier, score, id] or
// null). The index alone would put "Atelier ASEAN-ONU" above the United Nations for "ONU", as
// its name field is shorter.
//
// The tier compares each stored search key (a name's folded words joined by one space) with the
// text's: 0 the whole name, 2 the words in a row, 4 all words somewhere, 6 none of that; one
// more when the last word only matches the start of a word. The parameters come padded with
// spaces so that a match is of whole words: $key (the words), $phrase (' ' + key + ' '), $start
// (' ' + key), $words and $head (each word, and each but the last, as ' ' + word + ' '),
// $lastStart (' ' + last word). src/read/search/ranking.ts ranks names the same way in code,
// for the matched name of each hit of the page; a test holds the two to the same order.
//
// Only the page's hits are read, whole ($slim null) or as the list of the $slim properties; the
// others cost their keys and id. A page row is [tier, score, node, labels].
// columns: total, page
CALL db.index.fulltext.queryNodes('entityNames', $query, {limit: $limit}) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
WITH node, score, reduce(tier = 6, key IN coalesce(node.searchKeys, []) |
  CASE
    WHEN key = $key THEN 0
    WHEN tier <= 1 THEN tier
    WHEN key STARTS WITH $key AND NOT substring(key, size($key)) CONTAINS ' ' THEN 1
    WHEN tier <= 2 THEN tier
    WHEN ' ' + key + ' ' CONTAINS $phrase THEN 2
    WHEN tier <= 3 THEN tier
    WHEN ' ' + key CONTAINS $start THEN 3
    WHEN tier <= 4 THEN tier
    WHEN all(word IN $words WHERE ' ' + key + ' ' CONTAINS word) THEN 4
    WHEN tier <= 5 THEN tier
    WHEN all(word IN $head WHERE ' ' + key + ' ' CONTAINS word)
      AND ' ' + key CONTAINS $lastStart THEN 5
    ELSE tier
  END) AS tier
WITH node, score, tier, node.id AS id
ORDER BY tier, score DESC, id
WITH collect([tier, score, id, node]) AS hits
RETURN size(hits) AS total,
       [hit IN [hit IN hits WHERE $after IS NULL
                  OR hit[0] > $after[0]
                  OR (hit[0] = $after[0] AND (hit[1] < $after[1]
                      OR (hit[1] = $after[1] AND hit[2] > $after[2])))][0..$first] |
         [hit[0], hit[1],
          CASE WHEN $slim IS NULL THEN properties(hit[3]) ELSE [p IN $slim | hit[3][p]] END,
          labels(hit[3])]] AS page
