import type { SeedGraph } from '../seed/types.js';

/**
 * The seed graph as it would be without one document: its own facts and evidence gone, and only
 * the entities that another document also names (by evidence or as a fact's endpoint) kept.
 */
export function withoutDocument(graph: SeedGraph, documentId: string): SeedGraph {
  const evidence = graph.evidence.filter((e) => e.document !== documentId);
  const supported = new Set(evidence.map((e) => e.about));
  const facts = graph.facts.filter((f) => supported.has(f.id));
  const named = new Set<string>([...supported, ...facts.flatMap((f) => [f.from, f.to])]);
  const entities = graph.entities.filter(
    (e) =>
      e.id !== documentId && (named.has(e.id) || (e.label === 'Document' && e.id !== documentId)),
  );
  return { ...graph, entities, facts, evidence };
}
