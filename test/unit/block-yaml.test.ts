import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseBlockYaml } from '../../src/seed/block-yaml.js';

/**
 * The seed files' block-layout parser gives exactly what js-yaml gives, or declines: checked on a
 * facts file and on thousands of copies of it with a character or word put in somewhere (quotes,
 * escapes, comments, line breaks, tabs, numbers, null, flow style, control characters...).
 */

const FACTS = `document: article-1975-01-0
facts:
  - type: PUBLISHED
    from: etoile-daily-o0
    to: article-1975-01-0
    evidence:
      - quote: "Étoile Daily — 7 January 1975"
  - type: PARTICIPATED_IN
    from: luong-thanh-vy-1j
    to: unesco-meeting-1975-1
    role: "observer"
    capacity: "Special Envoy: of the #1 \\"org\\""
    onBehalfOf: "world-health-organization"
    start: "1974"
    evidence:
      - quote: "Lương Thanh Vy attended: 😀 as observer."
      - quote: "A second quote, with a tab\there."
`;

function js(text: string): { ok: boolean; value?: unknown } {
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

const INSERTS = [
  '\r',
  '#',
  '"',
  ' ',
  '\\',
  ':',
  'null',
  'True',
  '1',
  '\n',
  '\t',
  '- ',
  '  ',
  '{',
  '[',
  '\u2028',
  '\u0001',
  '\u0000',
  '\ud800',
  '\ufeff',
  '~',
  "'",
  ': x',
  'é',
  '0x1',
  '.5',
  '&a',
  '*a',
  '!!str ',
  '---\n',
  '...\n',
  '? ',
  '|',
  '>',
];

describe('the block-layout YAML parser', () => {
  it('reads a facts file as js-yaml does', () => {
    const plain = FACTS.replace(/capacity: .*\n/, 'capacity: "Special Envoy"\n');
    expect(parseBlockYaml(plain)).toEqual(js(plain).value);
    expect(JSON.stringify(parseBlockYaml(plain))).toBe(JSON.stringify(js(plain).value));
    // An escape is js-yaml's to read.
    expect(parseBlockYaml(FACTS)).toBeUndefined();
  });

  it('gives what js-yaml gives whenever it does not decline', () => {
    let state = 42;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const base = FACTS.replace(/capacity: .*\n/, 'capacity: "Special Envoy"\n');
    let parsed = 0;
    for (let i = 0; i < 4000; i++) {
      let text = base;
      for (let k = 1 + next(2); k > 0; k--) {
        const at = next(text.length + 1);
        text = text.slice(0, at) + INSERTS[next(INSERTS.length)] + text.slice(at);
      }
      if (i % 5 === 0) text = text.slice(0, next(text.length + 1));
      const mine = parseBlockYaml(text);
      if (mine === undefined) continue;
      parsed++;
      const theirs = js(text);
      expect(theirs.ok, JSON.stringify(text)).toBe(true);
      expect(JSON.stringify(mine), JSON.stringify(text)).toBe(JSON.stringify(theirs.value));
    }
    expect(parsed).toBeGreaterThan(200);
  });

  it('declines repeated keys, empty lists and values the core schema does not read as strings', () => {
    expect(parseBlockYaml('a: x\na: y\n')).toBeUndefined();
    expect(parseBlockYaml('facts:\n')).toBeUndefined();
    for (const v of [
      'null',
      'NULL',
      'true',
      'False',
      '12',
      '1e3',
      '0x1f',
      '.inf',
      '~',
      '2024-01-01',
    ])
      expect(parseBlockYaml(`a: ${v}\n`), v).toBeUndefined();
    expect(parseBlockYaml('a: HELD_IN\nb: "x"')).toEqual({ a: 'HELD_IN', b: 'x' });
    expect(parseBlockYaml('')).toBeUndefined();
  });
});
