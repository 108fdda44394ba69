// Entity x as src/explore/graph.ts reads it (NodeRow): its properties and labels, its degree in
// the whole graph over the fact types ({{all}}: every relationship type of the model, so
// CITED_IN never counts) and how many quotes attest it (an index lookup on Evidence.about).
{node: properties(x), labels: labels(x), degree: COUNT { (x)-[:{{all}}]-() },
 evidenceCount: COUNT { (:Evidence {about: x.id}) }}
