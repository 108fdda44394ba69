import AhoCorasick from 'modern-ahocorasick';
import type { EntityLabel } from '../model/graph-model.js';
import { foldKey, foldText, originalRange, type FoldedText } from './fold.js';

/**
 * The gazetteer: every name, per-language label and alias of the entities the graph knows,
 * matched at once (Aho–Corasick over the folded text) so a mention is found whatever its case,
 * diacritics, apostrophes or dashes.
 */

export interface GazetteerEntry {
  id: string;
  label: EntityLabel;
  /** The name as written in the seed (for the case rule of short names). */
  name: string;
}

export interface NameSource {
  id: string;
  label: EntityLabel;
  names: string[];
}

export interface Mention {
  start: number;
  end: number;
  /** The original text of the mention. */
  text: string;
  id: string;
  label: EntityLabel;
  /**
   * How it was recognised: a name or alias, a short form after a full mention, a new entity, a
   * reference back to a meeting, or a name nested inside a longer one.
   */
  via: 'name' | 'short-form' | 'new' | 'anaphor' | 'nested';
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * A short name (one word: an acronym such as UN, or a word such as Parti) is a mention only when
 * written with its capitals: "UN" is the United Nations, "un" is a French article.
 */
function caseAgrees(name: string, original: string): boolean {
  if (/\s/.test(name.trim())) return true;
  const strip = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
  return strip(name) === strip(original);
}

export class Gazetteer {
  private readonly matcher: AhoCorasick<GazetteerEntry[]> | undefined;

  constructor(sources: NameSource[]) {
    const byKey = new Map<string, GazetteerEntry[]>();
    for (const source of sources) {
      for (const name of new Set(source.names)) {
        const key = foldKey(name);
        if (key.length < 2) continue;
        // Vietnamese names of syllables are also written as one word: Hà Nội = Hanoi, Viet Nam = Vietnam.
        const words = key.split(' ');
        const keys =
          words.length > 1 && words.length <= 3 && words.every((w) => w.length <= 4)
            ? [key, words.join('')]
            : [key];
        for (const k of keys) {
          const entries = byKey.get(k) ?? [];
          if (!entries.some((e) => e.id === source.id && e.name === name))
            entries.push({ id: source.id, label: source.label, name });
          byKey.set(k, entries);
        }
      }
    }
    const patterns = [...byKey].map(([pattern, data]) => ({ pattern, data }));
    this.matcher = patterns.length > 0 ? new AhoCorasick(patterns) : undefined;
  }

  /**
   * Every mention in the text: whole words only, the longest leftmost match winning where two
   * overlap. `inner` lists the matches nested inside a chosen one ("Nations Unies" inside
   * "Conseil de sécurité des Nations Unies"), which say how organizations are nested.
   */
  find(
    text: string,
    folded: FoldedText = foldText(text),
  ): { mentions: Mention[]; inner: Mention[] } {
    if (!this.matcher) return { mentions: [], inner: [] };
    const all: Mention[] = [];
    for (const match of this.matcher.search(folded.text)) {
      if (isWordChar(folded.text[match.start - 1]) || isWordChar(folded.text[match.end])) continue;
      const [start, end] = originalRange(folded, match.start, match.end);
      const original = text.slice(start, end);
      const entry = (match.data ?? []).find((e) => caseAgrees(e.name, original));
      if (!entry) continue;
      all.push({ start, end, text: original, id: entry.id, label: entry.label, via: 'name' });
    }
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const mentions: Mention[] = [];
    const inner: Mention[] = [];
    for (const m of all) {
      const last = mentions[mentions.length - 1];
      if (last && m.start < last.end) {
        if (m.end <= last.end) inner.push(m);
        continue;
      }
      mentions.push(m);
    }
    return { mentions, inner };
  }
}

/** Inserts mentions into a sorted list, dropping any that overlaps one already there. */
export function addMentions(into: Mention[], more: Mention[]): Mention[] {
  const result = [...into];
  for (const m of more) {
    if (result.some((r) => m.start < r.end && r.start < m.end)) continue;
    result.push(m);
  }
  return result.sort((a, b) => a.start - b.start);
}

/**
 * Short forms after a full mention: a person's last name alone ("Guterres" after "António
 * Guterres") and an acronym defined in parentheses ("Institut … (AIPR)" then "l'AIPR").
 */
export function shortForms(text: string, mentions: Mention[]): Mention[] {
  const forms = new Map<string, { id: string; label: EntityLabel; after: number }>();
  for (const m of mentions) {
    if (m.label === 'Person' && m.via !== 'short-form') {
      const last = m.text.trim().split(/\s+/).pop() ?? '';
      if (last.length >= 3 && last !== m.text.trim() && !forms.has(last))
        forms.set(last, { id: m.id, label: m.label, after: m.end });
    }
    const acronym =
      m.label !== 'Organization'
        ? null
        : /^\s*\(([\p{Lu}][\p{Lu}\p{N}-]{1,9})\)/u.exec(text.slice(m.end));
    if (acronym && !forms.has(acronym[1]!))
      forms.set(acronym[1]!, { id: m.id, label: m.label, after: m.end });
  }
  const found: Mention[] = [];
  for (const [form, entity] of forms) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      if (match.index < entity.after) continue;
      found.push({
        start: match.index,
        end: match.index + form.length,
        text: form,
        id: entity.id,
        label: entity.label,
        via: 'short-form',
      });
    }
  }
  return found;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
