import crypto from 'node:crypto';
import fs from 'node:fs';

/**
 * The article a curator hands the drafter, checked before anything is read into the draft: each
 * problem is a DraftError with a code and the command's exit code (2 bad arguments, 3 an article
 * the drafter cannot read).
 */

export class DraftError extends Error {
  override name = 'DraftError';
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The largest article drafted: news reports are a few kilobytes; a megabyte is a book. */
export const MAX_ARTICLE_BYTES = 1_000_000;

export interface Article {
  /** The text, NFC (quotes are checked against NFC text). */
  text: string;
  sha256: string;
  bytes: Buffer;
}

export function readArticle(file: string): Article {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new DraftError('NOT_FOUND', `${file}: no such file`, 3);
  }
  if (!stat.isFile()) throw new DraftError('NOT_A_FILE', `${file}: not a file`, 3);
  if (stat.size > MAX_ARTICLE_BYTES)
    throw new DraftError(
      'TOO_LARGE',
      `${file}: ${stat.size} bytes is over the limit of ${MAX_ARTICLE_BYTES} bytes for one article`,
      3,
    );
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0))
    throw new DraftError(
      'BINARY',
      `${file}: a binary file (it has NUL bytes), not an article's text`,
      3,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DraftError('NOT_UTF8', `${file}: not UTF-8 text (save the article as UTF-8)`, 3);
  }
  if (text.trim().length === 0) throw new DraftError('EMPTY', `${file}: the file is empty`, 3);
  return {
    text: text.replace(/^\uFEFF/u, '').normalize('NFC'),
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    bytes,
  };
}

/** The article's title: given, or its first line (when it reads like one). */
export function titleOf(text: string, given: string | undefined): string | null {
  if (given !== undefined) return given.trim() || null;
  const first = text.trim().split('\n')[0]!.trim();
  if (first.length === 0 || first.length > 200 || /[.:]$/u.test(first)) return null;
  return first;
}
