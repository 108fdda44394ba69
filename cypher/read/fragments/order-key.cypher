// The sort key of fact {{fact}}, with the entity {{other}} at its other end, under a relationship
// field's order {{by}} (a parameter, 'DATE' or 'NAME', so that every order shares one statement
// text and one cached plan). NAME: the other end's folded name. DATE: the other end's date when
// it has one (a meeting's start, a document's publication), else the fact's own (start, else
// attested); dates are stored as given, so a year sorts before its months and a month before its
// days. Undated is '': first ascending, last descending. Under each field's usual order this is
// the other end's sortKey (meetings: start; others: nameKey), as lists were ordered before.
coalesce(CASE
           WHEN {{by}} = 'NAME' THEN {{other}}.nameKey
           WHEN {{other}}:Meeting THEN {{other}}.start
           WHEN {{other}}:Document THEN {{other}}.published
           ELSE coalesce({{fact}}.start, {{fact}}.attested)
         END, '')
