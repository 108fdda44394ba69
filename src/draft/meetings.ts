import type { PartialDate } from '../model/partial-date.js';
import type { SeedGraph } from '../seed/types.js';
import { foldKey } from './fold.js';

/**
 * Meeting resolution: a meeting an article names is a meeting the graph holds when their kinds and
 * ordinals agree, their dates overlap at their precision, and they belong to the same series or
 * have similar names (in any of the languages the graph names them in).
 */

export interface MeetingCandidate {
  kind: string;
  ordinal: number | undefined;
  name: string;
  date: PartialDate | undefined;
  /** The id of the series it belongs to, when it has an ordinal. */
  series: string | undefined;
}

/** Words that say nothing about which meeting it is. */
const STOP_WORDS = new Set(
  'le la les l de du des d un une sur et en a au aux pour the of on and a an for in to th st nd rd e er'.split(
    ' ',
  ),
);

const SYNONYMS: Record<string, string> = {
  onu: 'un',
  nations: 'un',
  unies: 'un',
  united: 'un',
  anase: 'asean',
  atelier: 'workshop',
  dialogue: 'dialogue',
  regional: 'regional',
  cooperation: 'cooperation',
  politique: 'political',
  securite: 'security',
  reunion: 'meeting',
  debat: 'debate',
  conseil: 'council',
  congres: 'congress',
  national: 'national',
  parti: 'party',
  haut: 'high',
  niveau: 'level',
  sommet: 'summit',
  conference: 'conference',
  hauts: 'senior',
  fonctionnaires: 'officials',
};

function tokens(name: string): Set<string> {
  return new Set(
    foldKey(name)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
      .map((w) => SYNONYMS[w] ?? w),
  );
}

/** Share of the words of two names in common (Jaccard), after folding and a small lexicon. */
export function nameSimilarity(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

function overlaps(a: PartialDate, b: { min: string; max: string }): boolean {
  return a.min <= b.max && b.min <= a.max;
}

/** The id of the known meeting the candidate is, or undefined for a new meeting. */
export function resolveMeeting(candidate: MeetingCandidate, graph: SeedGraph): string | undefined {
  let best: { id: string; score: number } | undefined;
  const partOf = new Set(
    graph.facts.filter((f) => f.type === 'PART_OF' && f.to === candidate.series).map((f) => f.from),
  );
  for (const e of graph.entities) {
    if (e.label !== 'Meeting' || e.properties.kind !== candidate.kind) continue;
    const ordinal = e.properties.ordinal ?? undefined;
    if ((ordinal ?? undefined) !== candidate.ordinal) continue;
    const start = e.dates.start;
    const end = e.dates.end ?? start;
    if (
      candidate.date &&
      start &&
      end &&
      !overlaps(candidate.date, { min: start.min, max: end.max })
    )
      continue;
    const names = [e.name, ...e.labels.map((l) => l.text), ...e.aliases.map((a) => a.text)];
    const similarity = Math.max(...names.map((n) => nameSimilarity(n, candidate.name)));
    const sameSeries = candidate.series !== undefined && partOf.has(e.id);
    const score = (sameSeries ? 1 : 0) + similarity;
    if (!sameSeries && similarity < 0.5) continue;
    if (!best || score > best.score) best = { id: e.id, score };
  }
  return best?.id;
}
