// The filters of entity lists, on n: organization $kinds ([] for any), ids whose names matched
// the text ($textIds, when $byText), and membership of $memberOf ('' for none: MEMBER_OF, or
// HELD_POSITION for persons) holding on $asOf.
(size($kinds) = 0 OR n.kind IN $kinds)
AND (NOT $byText OR n.id IN $textIds)
AND ($memberOf = '' OR EXISTS {
  MATCH (n)-[r:MEMBER_OF|HELD_POSITION]->(:Organization {id: $memberOf})
  WHERE {{> read/fragments/as-of}}
})
