/**
 * Folding for matching names the way articles spell them: case, diacritics (Nguyễn = Nguyên =
 * Nguyen), apostrophes (’ = '), hyphens and dashes (ASEAN–UN = ASEAN - UN = ASEAN-UN) and runs
 * of spaces are all ignored. The folded text keeps a map back to the original offsets, so every
 * match found in the folded text is cut from the original, byte for byte.
 */

export interface FoldedText {
  /** The folded text: lower case, no diacritics, dashes as spaces, single spaces. */
  text: string;
  /** For each folded character, the offset of the original character it came from. */
  origin: number[];
  /** The original text's length (the end of the last original character). */
  originalLength: number;
}

const DASHES = /[-‐‑‒–—―−]/u;
const APOSTROPHES = /['’ʼ‘`´]/u;

/** Folds one original character (a code point); may return '' (a combining mark) or several. */
function foldChar(ch: string): string {
  if (DASHES.test(ch)) return ' ';
  if (APOSTROPHES.test(ch)) return "'";
  if (/\s/u.test(ch)) return ' ';
  if (ch === 'đ' || ch === 'Đ') return 'd';
  if (ch === 'œ' || ch === 'Œ') return 'oe';
  return ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Folds a text and records where each folded character came from. */
export function foldText(original: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const folded = foldChar(ch);
    for (const f of folded) {
      // Collapse runs of spaces (dashes count as spaces): "ASEAN - ONU" folds as "asean onu".
      if (f === ' ' && (text.length === 0 || text.endsWith(' '))) continue;
      text += f;
      origin.push(offset);
    }
    offset += ch.length;
  }
  return dropArticles({ text, origin, originalLength: original.length });
}

/**
 * Definite articles are left out, so "la paix et la sécurité mondiales" is "paix et sécurité
 * mondiales" (an alias) and "l'ASEAN" is "ASEAN".
 */
function dropArticles(folded: FoldedText): FoldedText {
  let text = '';
  const origin: number[] = [];
  let from = 0;
  for (const m of folded.text.matchAll(
    /(?<![\p{L}\p{N}'])(?:(?:la|le|les|the) |l')(?=[\p{L}\p{N}])/gu,
  )) {
    text += folded.text.slice(from, m.index);
    origin.push(...folded.origin.slice(from, m.index));
    from = m.index + m[0].length;
  }
  text += folded.text.slice(from);
  origin.push(...folded.origin.slice(from));
  return { text, origin, originalLength: folded.originalLength };
}

/** Folds a name for comparison (no offsets kept); trims the ends. */
export function foldKey(name: string): string {
  return foldText(name).text.trim();
}

/** The original range of the folded range [start, end). */
export function originalRange(folded: FoldedText, start: number, end: number): [number, number] {
  const from = folded.origin[start]!;
  // The end is the start of the character after the last one matched, or the text's end.
  const last = folded.origin[end - 1]!;
  let to = folded.origin[end] ?? folded.originalLength;
  // Several folded characters may come from one original one (œ -> oe): cut after it.
  if (to <= last) to = last + 1;
  return [from, to];
}
