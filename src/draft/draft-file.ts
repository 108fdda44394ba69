import { Document, isScalar, visit, type Node } from 'yaml';
import type { EntityLabel } from '../model/graph-model.js';
import type { Draft, ProposedEntity } from './model.js';

/**
 * The draft file: the seed format's parts (document, entities by file, facts, evidence for known
 * entities), plus what the review needs and accepting leaves out (confidence, cue, status,
 * reason, the mentions). Written beside the seeds in seeds/drafts/, which no loader reads.
 */

export const ENTITY_KEYS: Record<Exclude<EntityLabel, 'Document'>, string> = {
  Person: 'persons',
  Organization: 'organizations',
  Meeting: 'meetings',
  Theme: 'themes',
  Place: 'places',
};

/** Values the seed files write in double quotes: quotes (any text) and dates (never YAML dates). */
const QUOTED_KEYS = new Set(['quote', 'start', 'end', 'attested', 'published']);

/** Gives a node the seed files' quoting: quotes and dates in double quotes. */
export function seedQuoting(node: Node | Document): void {
  visit(node, {
    Pair(_, pair) {
      if (isScalar(pair.key) && QUOTED_KEYS.has(String(pair.key.value)) && isScalar(pair.value))
        pair.value.type = 'QUOTE_DOUBLE';
    },
  });
}

/** Keys of a draft that are for the review only, never merged into the seeds. */
export const REVIEW_KEYS = ['confidence', 'cue', 'status', 'reason'] as const;

function entityEntry(entity: ProposedEntity, documentId: string): Record<string, unknown> {
  const { kind, format, ordinal, start, end } = entity.properties;
  return {
    id: entity.id,
    name: entity.name,
    ...(kind !== undefined ? { kind } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(ordinal !== undefined ? { ordinal } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    labels: entity.labels,
    ...(entity.aliases.length > 0 ? { aliases: entity.aliases } : {}),
    evidence: [{ document: documentId, quote: entity.quote }],
    reason: entity.reason,
  };
}

export function draftToYaml(draft: Draft, source: string, url: string | undefined): string {
  const documentId = draft.document.id;
  const entities: Record<string, unknown[]> = {};
  for (const entity of draft.entities) {
    const key = ENTITY_KEYS[entity.label as keyof typeof ENTITY_KEYS];
    (entities[key] ??= []).push(entityEntry(entity, documentId));
  }
  const body = {
    source,
    ...(url ? { url } : {}),
    ...(draft.alreadyInSeeds ? { alreadyInSeeds: true } : {}),
    document: draft.document,
    entities,
    entityEvidence: draft.entityEvidence,
    facts: draft.facts.map((f) => ({
      type: f.type,
      from: f.from,
      to: f.to,
      ...f.qualifiers,
      ...f.dates,
      evidence: f.quotes.map((quote) => ({ quote })),
      confidence: Number(f.confidence.toFixed(2)),
      cue: f.cue,
      status: f.status,
    })),
    mentions: draft.mentions.map((m) => `${m.start}: ${m.text} → ${m.id} (${m.via})`),
  };
  const header = [
    `# Draft of the seed entries for ${draft.document.title ?? draft.document.label}.`,
    '# Review it: edit or delete what is wrong, then merge what is left with',
    `#   npm run draft -- --accept <this file>`,
    '# Nothing in seeds/drafts/ is loaded by npm run seed or npm start. confidence, cue, status',
    '# and reason are for the review and are left out when the draft is accepted; so are the',
    '# mentions, listed last. status add-evidence: the graph already holds the fact (from',
    '# another article), and this article becomes one more piece of evidence for it.',
    ...(draft.alreadyInSeeds
      ? ['# This article is already in the seeds: the draft proposes only new evidence.']
      : []),
    ...draft.warnings.map((w) => `# warning: ${w}`),
    '',
  ].join('\n');
  const doc = new Document(body);
  seedQuoting(doc);
  return header + doc.toString({ lineWidth: 0 });
}
