import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleTexts } from '../../src/seed/article-texts.js';
import { LineScanner } from '../../src/seed/line-scanner.js';

/**
 * The byte-level reading of the validator: the list-file splitter's line tests on bytes answer
 * as the regexes on decoded lines did (blank or comment, item start, a dash alone), for odd
 * whitespace, CRLF, comments holding U+2028 and a byte-order mark, across block boundaries; and a
 * quote searched in an article's bytes gives the offset the string search gave, in UTF-16 units.
 */

const ALPHABET = [
  ' ',
  ' ',
  ' ',
  '-',
  '-',
  '#',
  'a',
  '\t',
  '\r',
  '\u00a0',
  '\u2028',
  '\ufeff',
  'é',
  '😀',
];

function randomLines(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  return Array.from({ length: count }, () => {
    // Long lines now and then, so some cross the 64 KB blocks and one outgrows the buffer.
    const length = next(50) === 0 ? 70_000 : next(12);
    let line = '';
    for (let i = 0; i < length; i++) line += ALPHABET[next(ALPHABET.length)];
    return line;
  });
}

describe('reading seed files as bytes', () => {
  it('classifies lines as the regexes on their text do', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-lines-'));
    try {
      const lines = randomLines(3000, 7).map((l, i) => (i < 2999 ? `${l}\n` : l));
      const file = path.join(dir, 'lines.yaml');
      fs.writeFileSync(file, lines.join(''));
      const scanner = new LineScanner(file);
      const seen: string[] = [];
      while (scanner.next()) {
        const text = lines[scanner.line - 1]!;
        seen.push(scanner.text(scanner.offset, scanner.offset + Buffer.byteLength(text)));
        expect(scanner.indent).toBe(/^ */.exec(text)![0].length);
        expect(scanner.blankOrComment()).toBe(/^\s*(#.*)?\r?\n?$/.test(text));
        const item = /^ *-( |\r?\n|$)/.test(text);
        expect(scanner.itemStart()).toBe(item);
        if (item) expect(scanner.dashAlone()).toBe(/^ *-\s*$/.test(text));
      }
      scanner.close();
      expect(seen).toEqual(lines);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds quotes in article bytes at their UTF-16 offset in the NFC text', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-texts-'));
    try {
      const nfc = `${'Hà Nội 😀 '.repeat(40)}Liên Hợp Quốc ${'x'.repeat(100)} end`;
      fs.writeFileSync(path.join(dir, 'nfd.txt'), nfc.normalize('NFD'));
      fs.writeFileSync(path.join(dir, 'ascii.txt'), 'plain text, plain quote');
      const files: Record<string, string> = { a: 'nfd.txt', b: 'ascii.txt', c: 'missing.txt' };
      const texts = new ArticleTexts(dir, (id) =>
        files[id.slice(0, 1)]
          ? {
              file: files[id.slice(0, 1)]!,
              position: id.length === 1 ? 0 : 1 + Number(id.slice(1)),
            }
          : undefined,
      );
      // Twice: the second time the text is read again (a full cache), known to need normalizing.
      for (const round of [1, 2]) {
        for (const quote of ['Liên Hợp Quốc', '😀 Hà', 'end', 'Hà Nội', 'absent', '\ud800']) {
          expect(texts.find('a', quote), `${quote}, round ${round}`).toBe(nfc.indexOf(quote));
        }
        for (let i = 0; i < 300; i++) texts.find(`b${i}`, 'plain');
      }
      expect(texts.find('b', 'plain quote')).toBe(12);
      // The byte → UTF-16 table is filled only as far as each hit needs: hits forwards (each
      // extending it), then backwards (inside what is filled), on a text read afresh each time.
      for (const order of ['forwards', 'backwards']) {
        const fresh = new ArticleTexts(dir, () => ({ file: 'nfd.txt', position: 0 }));
        const starts = Array.from({ length: 60 }, (_, k) => Math.floor((k * nfc.length) / 61));
        if (order === 'backwards') starts.reverse();
        for (const start of starts) {
          const quote = nfc.slice(start, start + 9);
          expect(fresh.find('a', quote), `${order} ${start}`).toBe(nfc.indexOf(quote));
        }
      }
      expect(texts.find('c', 'anything')).toBeUndefined();
      expect(
        new ArticleTexts(undefined, () => ({ file: 'nfd.txt', position: 0 })).find('a', 'Hà'),
      ).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
