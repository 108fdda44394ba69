// The sort key of a relationship page under orderBy NAME: the folded name of the entity {{other}}
// at the fact's other end. Each order has its own fragment, chosen when the statement is
// written: a key decided per row (a CASE on the order) cost q1 about 60 % more time in Neo4j.
coalesce({{other}}.nameKey, '')
