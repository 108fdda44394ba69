import { foldedWords, foldName } from '../../model/graph-model.js';
import { BadInputError } from '../errors.js';
import type { EntityRecord } from '../records.js';

const MAX_TEXT_LENGTH = 200;
const MAX_WORDS = 12;

/**
 * The words the full-text index's analyzer (standard-folding) leaves out, in names and in
 * queries alike: a test holds this list to the one Neo4j reports.
 */
export const ANALYZER_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/** Characters the Lucene query parser gives a meaning to. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Words of a text as the user typed them (whitespace-separated, NFC). */
function typedWords(text: string): string[] {
  return text.normalize('NFC').split(/\s+/u).filter(Boolean);
}

/**
 * Builds the full-text query for user text. Each word becomes a required phrase clause (quoted,
 * so Lucene syntax and operators such as AND or NOT in the text are only words, and the index's
 * analyzer folds case and diacritics the same way on both sides); the last word may also be the
 * start of a word, folded here because the parser does not analyze prefixes. A last word the
 * analyzer leaves out ("Đặng Tuấn An") is only a hint: the index holds no word for it, so
 * requiring its start would miss the name that ends with it.
 */
export function luceneQuery(text: string): string {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new BadInputError(`search text must be at most ${MAX_TEXT_LENGTH} characters`);
  }
  const words = typedWords(text).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) throw new BadInputError('search text must contain a letter or a digit');
  if (words.length > MAX_WORDS) {
    throw new BadInputError(`search text must have at most ${MAX_WORDS} words`);
  }
  return words
    .map((word, i) => {
      const phrase = `"${word.replace(/["\\]/g, (c) => `\\${c}`)}"`;
      const prefix = foldName(word);
      const isLast = i === words.length - 1;
      if (!isLast || !/^[\p{L}\p{N}]+$/u.test(prefix)) return `+${phrase}`;
      const clause = `(${phrase} OR ${escapeLucene(prefix)}*)`;
      return ANALYZER_STOP_WORDS.has(prefix) ? clause : `+${clause}`;
    })
    .join(' ');
}

export interface NameMatch {
  text: string;
  language: string | null;
  /**
   * How closely the name matches, best first: 0 the whole name, 2 the words in a row, 4 all
   * words somewhere, 6 none of that (the index matched it another way); one more when the last
   * word only matches the start of a word ("UN" is 0 for "UN", 1 for "UNSC").
   */
  tier: number;
}

/**
 * Folded words of names, kept for the names seen: the same entities come back in search after
 * search, and folding (NFKD, then four regular expressions) was most of the ranking's time.
 * Bounded: emptied when full, so it holds at most NAME_WORDS_LIMIT names.
 */
const NAME_WORDS_LIMIT = 20_000;
const nameWords = new Map<string, string[]>();

function foldedNameWords(name: string): string[] {
  let words = nameWords.get(name);
  if (words === undefined) {
    if (nameWords.size >= NAME_WORDS_LIMIT) nameWords.clear();
    words = foldedWords(name);
    nameWords.set(name, words);
  }
  return words;
}

/**
 * For the search text, which of an entity's names matches it best, comparing folded words (the
 * text is folded once, for all the hits).
 */
export function nameMatcher(text: string): (entity: EntityRecord) => NameMatch {
  const query = foldedWords(text);
  // Among equally good names, the one written as typed ("Nguyen Xuan Phuc" rather than
  // "Nguyễn Xuân Phúc"; "Nations unies" rather than "Nations Unies"), then the shortest.
  const typed = text.normalize('NFC').trim();
  const typedLower = typed.toLowerCase();
  const asTyped = (name: string) =>
    name === typed ? 0 : name.toLowerCase() === typedLower ? 1 : 2;
  return (entity) => bestName(entity, query, asTyped);
}

function bestName(
  entity: EntityRecord,
  query: readonly string[],
  asTyped: (name: string) => number,
): NameMatch {
  const candidates = [
    {
      text: entity.name,
      language: entity.names.find((n) => n.text === entity.name)?.language ?? null,
    },
    ...entity.names,
    ...entity.aliases,
  ];
  let best: NameMatch | undefined;
  let bestRank: readonly number[] = [];
  for (const candidate of candidates) {
    const words = foldedNameWords(candidate.text);
    const tier = Math.min(
      2 * matchTier(query, words, false),
      2 * matchTier(query, words, true) + 1,
    );
    const rank = [tier, asTyped(candidate.text), candidate.text.length];
    if (!best || compareTuples(rank, bestRank) < 0) {
      best = { text: candidate.text, language: candidate.language, tier };
      bestRank = rank;
    }
  }
  return best ?? { text: entity.name, language: null, tier: 6 };
}

/** 0: the whole name; 1: the words in a row; 2: all words somewhere; 3: none of that. */
function matchTier(
  query: readonly string[],
  name: readonly string[],
  lastIsPrefix: boolean,
): number {
  const last = query.length - 1;
  const same = (q: number, word: string | undefined) =>
    word !== undefined &&
    (word === query[q] || (lastIsPrefix && q === last && word.startsWith(query[q] ?? '')));
  const run = (from: number) => query.every((_, q) => same(q, name[from + q]));
  if (query.length === name.length && run(0)) return 0;
  for (let from = 0; from + query.length <= name.length; from += 1) if (run(from)) return 1;
  if (query.every((_, q) => name.some((word) => same(q, word)))) return 2;
  return 3;
}

export function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
