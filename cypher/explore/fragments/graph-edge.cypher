// Fact r as src/explore/graph.ts reads it (EdgeRow): its type, its properties (qualifiers,
// dates, evidenceCount) and its subject and object ids.
{type: type(r), fact: properties(r), source: startNode(r).id, target: endNode(r).id}
