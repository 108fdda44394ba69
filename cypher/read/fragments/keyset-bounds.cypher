// A page's keyset bounds: only the rows strictly between [{{lowerKey}}, {{lowerId}}] and
// [{{upperKey}}, {{upperId}}] in ({{key}}, {{fact}}.id) order ('' ids for no bound). The planner
// leaves it out of a page read without a cursor, which every row passes.
WHERE ({{lowerId}} = '' OR [{{key}}, {{fact}}.id] > [{{lowerKey}}, {{lowerId}}])
  AND ({{upperId}} = '' OR [{{key}}, {{fact}}.id] < [{{upperKey}}, {{upperId}}])
