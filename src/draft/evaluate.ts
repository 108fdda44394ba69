import fs from 'node:fs';
import path from 'node:path';
import { parsePartialDate } from '../model/partial-date.js';
import type { EntityRecord, SeedGraph } from '../seed/types.js';
import { draftArticle } from './draft-article.js';
import { foldKey } from './fold.js';
import { readArticle, titleOf } from './input.js';
import { withoutDocument } from './leave-one-out.js';
import { nameSimilarity } from './meetings.js';
import type { Draft } from './model.js';

/**
 * Leave-one-out: each seed article drafted against the seed graph without its own facts (the
 * entities another article names stay), compared with what the curators wrote.
 */

export interface Ratio {
  hit: number;
  of: number;
}

export interface LeaveOneOutResult {
  document: string;
  /** Known entities named in the curated quotes, resolved there. */
  knownMentions: Ratio;
  /** Known entities the curated article refers to, mentioned anywhere in the draft. */
  knownResolved: Ratio;
  duplicates: string[];
  curatedFound: Ratio;
  proposalsCorrect: Ratio;
  dates: Ratio;
  inventedDays: number;
  quotesVerbatim: Ratio;
  missed: string[];
  wrong: string[];
  dateMisses: string[];
}

function names(e: EntityRecord): string[] {
  return [e.name, ...e.labels.map((l) => l.text), ...e.aliases.map((a) => a.text)].map(foldKey);
}

/** The curated entity a proposed one is: same label, and a name equal or contained. */
function curatedFor(
  proposed: { label: string; name: string },
  full: SeedGraph,
): string | undefined {
  const key = foldKey(proposed.name);
  const same = full.entities.filter((e) => e.label === proposed.label);
  const exact = same.find((e) => names(e).includes(key));
  if (exact) return exact.id;
  let best: { id: string; length: number } | undefined;
  for (const e of same)
    for (const n of names(e)) {
      if (n.length < 8) continue;
      if (key.includes(n) || n.includes(key)) {
        const length = Math.min(n.length, key.length);
        if (!best || length > best.length) best = { id: e.id, length };
      }
    }
  if (best) return best.id;
  if (proposed.label === 'Meeting') {
    const similar = same.find((e) => names(e).some((n) => nameSimilarity(n, proposed.name) >= 0.5));
    if (similar) return similar.id;
  }
  return undefined;
}

export function evaluateDocument(
  full: SeedGraph,
  documentId: string,
  draft: Draft,
  text: string,
): LeaveOneOutResult {
  const loo = withoutDocument(full, documentId);
  const looIds = new Set(loo.entities.map((e) => e.id));
  const docEvidence = full.evidence.filter((e) => e.document === documentId);
  const curatedFacts = full.facts.filter((f) => docEvidence.some((e) => e.about === f.id));
  const referenced = new Set([
    ...curatedFacts.flatMap((f) => [f.from, f.to]),
    ...docEvidence.map((e) => e.about),
  ]);
  const knownReferenced = [...referenced].filter((id) => looIds.has(id) && id !== documentId);
  const mentioned = new Set(draft.mentions.map((m) => m.id));

  const map = new Map<string, string>([[draft.document.id, documentId]]);
  const duplicates: string[] = [];
  for (const p of draft.entities) {
    const curated = curatedFor(p, full);
    if (curated) map.set(p.id, curated);
    if (curated && looIds.has(curated)) duplicates.push(`${p.id} = ${curated}`);
  }
  const id = (x: string) => map.get(x) ?? x;
  const proposedKeys = new Set(draft.facts.map((f) => `${f.type} ${id(f.from)} ${id(f.to)}`));
  const curatedKeys = new Set(curatedFacts.map((f) => `${f.type} ${f.from} ${f.to}`));
  const missed = [...curatedKeys].filter((k) => !proposedKeys.has(k));
  const wrong = [...proposedKeys].filter((k) => !curatedKeys.has(k));

  // Dates: the curated dates of this document's facts and of the meetings only it names.
  let dateHits = 0;
  let dateCount = 0;
  let inventedDays = 0;
  const dateMisses: string[] = [];
  const drafted = new Map<string, Record<string, string>>();
  for (const f of draft.facts) drafted.set(`${f.type} ${id(f.from)} ${id(f.to)}`, f.dates);
  for (const e of draft.entities) {
    const props: Record<string, string> = {};
    for (const k of ['start', 'end'] as const)
      if (e.properties[k] !== undefined) props[k] = String(e.properties[k]);
    drafted.set(`meeting ${id(e.id)}`, props);
  }
  const expected: [string, Record<string, string>][] = [
    ...curatedFacts.map((f): [string, Record<string, string>] => [
      `${f.type} ${f.from} ${f.to}`,
      Object.fromEntries(Object.entries(f.dates).map(([k, v]) => [k, v.value])),
    ]),
    ...full.entities
      .filter((e) => e.label === 'Meeting' && !looIds.has(e.id) && referenced.has(e.id))
      .map((e): [string, Record<string, string>] => [
        `meeting ${e.id}`,
        Object.fromEntries(Object.entries(e.dates).map(([k, v]) => [k, v.value])),
      ]),
  ];
  for (const [key, dates] of expected) {
    const got = drafted.get(key) ?? {};
    for (const [k, v] of Object.entries(dates)) {
      dateCount++;
      if (got[k] === v) dateHits++;
      else dateMisses.push(`${key} ${k}: ${v}, drafted ${got[k] ?? 'none'}`);
    }
    for (const [k, v] of Object.entries(got)) {
      const mine = parsePartialDate(v);
      const theirs = dates[k] ? parsePartialDate(dates[k]) : undefined;
      if (mine?.precision === 'day' && theirs?.precision !== 'day') inventedDays++;
    }
  }

  const quotes = [
    ...draft.document.evidence.map((e) => e.quote),
    ...draft.entities.map((e) => e.quote),
    ...draft.entityEvidence.map((e) => e.quote),
    ...draft.facts.flatMap((f) => f.quotes),
  ];
  // Mentions: each known entity named inside a curated quote of this article (by one of its names),
  // resolved when the draft has a mention of it within that quote.
  const knownMentions: Ratio = { hit: 0, of: 0 };
  const looById = new Map(loo.entities.map((e) => [e.id, e]));
  const factById = new Map(full.facts.map((f) => [f.id, f]));
  for (const evidence of docEvidence) {
    if (evidence.offset === null) continue;
    const fact = factById.get(evidence.about);
    const about = fact ? [fact.from, fact.to] : [evidence.about];
    const quote = foldKey(evidence.quote);
    for (const entityId of new Set(about)) {
      const entity = looById.get(entityId);
      if (!entity || entity.label === 'Document') continue;
      if (!names(entity).some((n) => n.length > 0 && ` ${quote} `.includes(` ${n} `))) continue;
      knownMentions.of++;
      const end = evidence.offset + evidence.quote.length;
      if (
        draft.mentions.some((m) => m.id === entityId && m.start < end && evidence.offset! < m.end)
      )
        knownMentions.hit++;
    }
  }

  return {
    document: documentId,
    knownMentions,
    knownResolved: {
      hit: knownReferenced.filter((x) => mentioned.has(x)).length,
      of: knownReferenced.length,
    },
    duplicates,
    curatedFound: { hit: curatedKeys.size - missed.length, of: curatedKeys.size },
    proposalsCorrect: { hit: proposedKeys.size - wrong.length, of: proposedKeys.size },
    dates: { hit: dateHits, of: dateCount },
    inventedDays,
    quotesVerbatim: { hit: quotes.filter((q) => text.includes(q)).length, of: quotes.length },
    missed,
    wrong,
    dateMisses,
  };
}

/**
 * Drafts each seed article against the graph without it. What a curator gives on the command
 * line is given here too: the publisher's name as the article writes it and the publication date
 * when the text carries no date marker; the title is the text's first line as usual.
 */
export function leaveOneOut(full: SeedGraph, documentsDir: string): LeaveOneOutResult[] {
  const results: LeaveOneOutResult[] = [];
  for (const doc of full.entities.filter((e) => e.label === 'Document')) {
    const file = path.join(documentsDir, String(doc.properties.file));
    if (!fs.existsSync(file)) continue;
    const article = readArticle(file);
    const loo = withoutDocument(full, doc.id);
    const publisher = full.entities.find((e) => e.id === doc.properties.publisher)!;
    const publisherName =
      publisher.labels.find((l) => l.lang === doc.properties.language)?.text ?? publisher.name;
    const hasMarker = /(?:^|\s)date \d{4}/u.test(article.text);
    const draft = draftArticle(
      {
        text: article.text,
        file: String(doc.properties.file),
        sha256: article.sha256,
        language: String(doc.properties.language) as 'fr',
        title: titleOf(article.text, undefined),
        publisher: article.text.includes(publisherName) ? { name: publisherName } : undefined,
        published: hasMarker ? undefined : doc.dates.published,
      },
      loo,
    );
    results.push(evaluateDocument(full, doc.id, draft, article.text));
  }
  return results;
}

export function formatRatio(r: Ratio): string {
  return `${r.hit}/${r.of} (${r.of === 0 ? '–' : `${Math.round((100 * r.hit) / r.of)}%`})`;
}
