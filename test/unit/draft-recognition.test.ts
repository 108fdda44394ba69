import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/draft/dates.js';
import { foldKey } from '../../src/draft/fold.js';
import { Gazetteer } from '../../src/draft/gazetteer.js';
import { detectLanguage } from '../../src/draft/language.js';
import { splitSentences } from '../../src/draft/sentences.js';
import { parsePartialDate } from '../../src/model/partial-date.js';

const gazetteer = new Gazetteer([
  { id: 'nguyen-quoc-dung', label: 'Person', names: ['Nguyễn Quốc Dũng'] },
  {
    id: 'united-nations',
    label: 'Organization',
    names: ['United Nations', 'UN', 'ONU', 'Nations Unies'],
  },
  { id: 'hanoi', label: 'Place', names: ['Hà Nội'] },
  { id: 'asean-un-workshop', label: 'Meeting', names: ['ASEAN-UN Workshop'] },
]);

describe('known names, whatever the spelling', () => {
  it.each([
    ['Nguyen Quoc Dung a affirmé', 'nguyen-quoc-dung', 'Nguyen Quoc Dung'],
    ['le vice-ministre Nguyên Quôc Dung', 'nguyen-quoc-dung', 'Nguyên Quôc Dung'],
    ['NGUYỄN QUỐC DŨNG', 'nguyen-quoc-dung', 'NGUYỄN QUỐC DŨNG'],
    ["le Secrétaire général de l'ONU", 'united-nations', 'ONU'],
    ['les Nations unies', 'united-nations', 'Nations unies'],
    ['the United Nations said', 'united-nations', 'United Nations'],
    ['à Hanoï le 3 décembre', 'hanoi', 'Hanoï'],
    ['in Hanoi on Tuesday', 'hanoi', 'Hanoi'],
    ['the ASEAN – UN Workshop opened', 'asean-un-workshop', 'ASEAN – UN Workshop'],
    ['l’ASEAN‑UN workshop', 'asean-un-workshop', 'ASEAN‑UN workshop'],
  ])('%s', (text, id, mention) => {
    const found = gazetteer.find(text).mentions;
    expect(found.map((m) => [m.id, m.text])).toContainEqual([id, mention]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('a one-word name only with its capitals: "un" is no UN', () => {
    expect(gazetteer.find('un débat de haut niveau').mentions).toEqual([]);
    expect(gazetteer.find('Unies').mentions).toEqual([]);
  });

  it('folds articles, apostrophes and dashes', () => {
    expect(foldKey('la paix et la sécurité mondiales')).toBe(foldKey('paix et sécurité mondiales'));
    expect(foldKey("l’Institut de l'ASEAN")).toBe(foldKey('Institut de ASEAN'));
  });
});

describe('dates at the precision the text gives', () => {
  const month = parsePartialDate('2019-12')!;
  const day = parsePartialDate('2019-12-05')!;
  const values = (text: string, language: 'fr' | 'en', published = month) =>
    findDates(text, language, published).map((d) => [d.value, d.until ?? null]);

  it('a day and month take the year of publication', () => {
    expect(values("s'est ouvert à Hanoï le 3 décembre", 'fr')).toEqual([['2019-12-03', null]]);
    expect(values('opened in Hanoi on December 3', 'en')).toEqual([['2019-12-03', null]]);
  });

  it('a weekday stays the month when the publication gives only the month', () => {
    expect(values('mènera ce lundi un débat', 'fr')).toEqual([['2019-12', null]]);
    expect(values('will chair a debate on Tuesday', 'en')).toEqual([['2019-12', null]]);
  });

  it('a weekday is a day when the publication date makes it certain', () => {
    const [date] = findDates('the debate on Monday', 'en', day);
    expect(parsePartialDate(date!.value)?.precision).toBe('day');
  });

  it('months, years and periods', () => {
    expect(values('présidée par le Vietnam en janvier 2020', 'fr')).toEqual([['2020-01', null]]);
    expect(values('en avril', 'fr')).toEqual([['2019-04', null]]);
    expect(values('En 2020, le Vietnam', 'fr')).toEqual([['2020', null]]);
    expect(values('pour la période 2020-2021', 'fr')).toEqual([['2020', '2021']]);
    expect(values('for the period 2020-2021', 'en')).toEqual([['2020', '2021']]);
  });

  it('no date from words that only sound like one ("de deux jours")', () => {
    expect(values('Le dialogue de deux jours', 'fr')).toEqual([]);
  });
});

describe('sentences and language', () => {
  it('splits sentences, not abbreviations or headlines', () => {
    const text = 'Un titre\n\nM. Dupont est arrivé. Il a parlé.';
    expect(splitSentences(text, 'fr').map((s) => s.text)).toEqual([
      'Un titre',
      'M. Dupont est arrivé.',
      'Il a parlé.',
    ]);
  });

  it('tells French from English', () => {
    expect(
      detectLanguage('Le Vietnam, en tant que président du Conseil de sécurité, mènera un débat'),
    ).toBe('fr');
    expect(
      detectLanguage('Viet Nam will chair the Security Council debate on cooperation on Monday'),
    ).toBe('en');
  });
});
