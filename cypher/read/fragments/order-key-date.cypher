// The sort key of a relationship page under orderBy DATE, for fact {{fact}} with the entity
// {{other}} at its other end: the other end's date when it has one (a meeting's start, a
// document's publication), else the fact's own (start, else attested). Dates are stored as given,
// so a year sorts before its months and a month before its days; undated is '', first ascending
// and last descending. Under each field's usual order this is the other end's sortKey
// (meetings: start; others: nameKey), as lists were ordered before orderBy existed.
coalesce(CASE
           WHEN {{other}}:Meeting THEN {{other}}.start
           WHEN {{other}}:Document THEN {{other}}.published
           ELSE coalesce({{fact}}.start, {{fact}}.attested)
         END, '')
