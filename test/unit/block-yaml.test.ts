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

/** A chunk of a list file's items, as list-file.ts hands it over (entities, then a document). */
const ITEMS = `  - id: united-nations
    name: "United Nations"
    kind: "intergovernmental_organization"
    labels: { en: "United Nations", fr: "Organisation des Nations unies", vi: "Liên Hợp Quốc" }
    aliases:
      - { text: "UN", lang: en }
      - { text: "ONU, {the} [org]: #1", lang: fr }
    externalIds: { wikidata: Q1065 }
    evidence:
      - document: article-1975-01-3
        quote: "United Nations (UN) is an intergovernmental organization."
  - id: un-session-1975-1
    name: "UN Session"
    ordinal: 2
    start: "1975-01-05"
  - id: article-1975-01-0
    file: 000000_0b27b80647c7be38.txt
    title: null
    publisher: lumiere-daily-4ym
    sha256: 0b27b80647c7be384b0d716e23266c4842ea12a3d716525fc221a7d881b5991d
    evidence:
      - quote: "Lumière Daily — 3 January 1975"
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
  ', ',
  '}',
  '{ ',
  '0',
  '.',
  'e',
  'Null',
  '0b1',
];

describe('the block-layout YAML parser', () => {
  it('reads a facts file as js-yaml does', () => {
    const plain = FACTS.replace(/capacity: .*\n/, 'capacity: "Special Envoy"\n');
    expect(parseBlockYaml(plain)).toEqual(js(plain).value);
    expect(JSON.stringify(parseBlockYaml(plain))).toBe(JSON.stringify(js(plain).value));
    // An escape is js-yaml's to read.
    expect(parseBlockYaml(FACTS)).toBeUndefined();
  });

  it('reads a chunk of list items (flow mappings, null, integers, file names) as js-yaml does', () => {
    expect(parseBlockYaml(ITEMS)).toEqual(js(ITEMS).value);
    expect(JSON.stringify(parseBlockYaml(ITEMS))).toBe(JSON.stringify(js(ITEMS).value));
    expect((parseBlockYaml(ITEMS) as unknown[]).length).toBe(3);
  });

  it.each([
    ['a facts file', 'facts'],
    ['a chunk of list items', 'items'],
  ])('gives what js-yaml gives for %s whenever it does not decline', (_name, which) => {
    let state = which === 'facts' ? 42 : 7;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const base =
      which === 'facts' ? FACTS.replace(/capacity: .*\n/, 'capacity: "Special Envoy"\n') : ITEMS;
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

  it('declines repeated keys, empty lists, numbers other than small integers, and odd flow mappings', () => {
    expect(parseBlockYaml('a: x\na: y\n')).toBeUndefined();
    expect(parseBlockYaml('facts:\n')).toBeUndefined();
    for (const v of [
      '1e3',
      '0x1f',
      '.inf',
      '~',
      '2024-01-01',
      '1_000',
      '0b101',
      '0o17',
      '0xBEEF',
      '1.5e3',
      '-5',
      '007',
      '12345678901234567',
    ])
      expect(parseBlockYaml(`a: ${v}\n`), v).toBeUndefined();
    // What it reads as js-yaml does: null and booleans, small integers, digit-first strings.
    for (const v of [
      'Null',
      'TRUE',
      'false',
      '0',
      '42',
      '0b102',
      '0x1g',
      '1e5x',
      '2a.txt',
      'Q1065',
    ])
      expect(parseBlockYaml(`a: ${v}\n`), v).toEqual(js(`a: ${v}\n`).value);
    // Flow mappings only on one line, in the generator's spacing, without repeated keys.
    for (const v of [
      '{en: "x"}',
      '{ en: "x" ',
      '{ en: "x",fr: "y" }',
      '{ en: "x", en: "y" }',
      '{ }',
    ])
      expect(parseBlockYaml(`a: ${v}\n`), v).toBeUndefined();
    expect(parseBlockYaml('a: { en: "x",\n  fr: "y" }\n')).toBeUndefined();
    expect(parseBlockYaml('a: HELD_IN\nb: "x"')).toEqual({ a: 'HELD_IN', b: 'x' });
    expect(parseBlockYaml('')).toBeUndefined();
  });
});
