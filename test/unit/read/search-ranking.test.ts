import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/read/errors.js';
import { toEntity } from '../../../src/read/records.js';
import { escapeLucene, luceneQuery, nameMatcher } from '../../../src/read/search/ranking.js';

describe('the full-text query built from user text', () => {
  it('requires every word, as a phrase the index analyzer folds, the last one also as a prefix', () => {
    expect(luceneQuery('Nguyen Xuan Phuc')).toBe('+"Nguyen" +"Xuan" +("Phuc" OR phuc*)');
    // Prefixes skip the analyzer, so they are folded here.
    expect(luceneQuery('Nguyên Xuân Phúc')).toBe('+"Nguyên" +"Xuân" +("Phúc" OR phuc*)');
  });

  it('leaves Lucene syntax no meaning', () => {
    expect(luceneQuery('ONU AND NOT "x')).toBe('+"ONU" +"AND" +"NOT" +"\\"x"');
    expect(luceneQuery('name:ONU')).toBe('+"name:ONU"');
    expect(luceneQuery('a\\b')).toBe('+"a\\\\b"');
    expect(luceneQuery('(phuc) *:*')).toBe('+"(phuc)"');
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p',
    );
  });

  it('only hints at a last word the index leaves out, as it has no word to require', () => {
    expect(luceneQuery('Dang Tuan An')).toBe('+"Dang" +"Tuan" ("An" OR an*)');
    expect(luceneQuery('The Hague')).toBe('+"The" +("Hague" OR hague*)');
  });

  it('adds a prefix only for a plain word', () => {
    expect(luceneQuery('ASEAN-ONU')).toBe('+"ASEAN-ONU"');
    expect(luceneQuery('hano')).toBe('+("hano" OR hano*)');
  });

  it.each([
    ['', 'letter or a digit'],
    [' -- *:* ', 'letter or a digit'],
    ['x'.repeat(201), 'at most 200 characters'],
    ['a b c d e f g h i j k l m', 'at most 12 words'],
  ])('refuses %j', (text, message) => {
    expect(() => luceneQuery(text)).toThrow(BadInputError);
    expect(() => luceneQuery(text)).toThrow(message);
  });
});

describe('the name that matched', () => {
  const un = toEntity(
    {
      id: 'united-nations',
      name: 'United Nations',
      labelTexts: ['United Nations', 'Organisation des Nations unies', 'Liên Hợp Quốc'],
      labelLangs: ['en', 'fr', 'vi'],
      aliasTexts: ['UN', 'ONU', 'Nations Unies', 'Nations unies', 'Lien Hop Quoc'],
      aliasLangs: ['en', 'fr', 'fr', 'fr', 'vi'],
    },
    ['Entity', 'Organization'],
  );

  it.each([
    ['ONU', 'ONU', 'fr', 0],
    ['onu', 'ONU', 'fr', 0],
    ['united nations', 'United Nations', 'en', 0],
    ['nations unies', 'Nations Unies', 'fr', 0],
    ['Nations unies', 'Nations unies', 'fr', 0],
    ['lien hop quoc', 'Lien Hop Quoc', 'vi', 0],
    ['Liên Hợp Quốc', 'Liên Hợp Quốc', 'vi', 0],
    ['des nations', 'Organisation des Nations unies', 'fr', 2],
    ['unies organisation', 'Organisation des Nations unies', 'fr', 4],
    ['nat', 'Nations Unies', 'fr', 3],
    ['unies nat', 'Nations Unies', 'fr', 5],
  ])('"%s" matches "%s" (%s), tier %i', (text, name, language, tier) => {
    expect(nameMatcher(text)(un)).toEqual({ text: name, language, tier });
  });
});
