MATCH (n)
WHERE n:Entity OR n:Evidence
UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
RETURN label, count(*) AS count
ORDER BY label
