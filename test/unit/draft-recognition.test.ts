import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { defaultDocumentsDir, projectRoot } from '../../src/config/env.js';
import { findDates } from '../../src/draft/dates.js';
import { draftArticle } from '../../src/draft/draft-article.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
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
  const values = (text: string, language: 'fr' | 'en' | 'vi', published = month) =>
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
    const [date] = findDates('the debate was held on Monday', 'en', day);
    expect(parsePartialDate(date!.value)?.precision).toBe('day');
  });

  it('a weekday or a day without a year goes the way the tense points', () => {
    const on = (text: string, language: 'fr' | 'en', published: string) =>
      findDates(text, language, parsePartialDate(published)).map((d) => d.value);
    // Published on Thursday 2021-04-15: the coming Monday, or the last one.
    expect(on('Le Vietnam mènera ce lundi un débat', 'fr', '2021-04-15')).toEqual(['2021-04-19']);
    expect(on('Viet Nam will chair a debate on Monday', 'en', '2021-04-15')).toEqual([
      '2021-04-19',
    ]);
    expect(on('Le Vietnam a présidé lundi un débat', 'fr', '2021-04-15')).toEqual(['2021-04-12']);
    expect(on('Viet Nam chaired a debate on Monday', 'en', '2021-04-15')).toEqual(['2021-04-12']);
    // No tense: no day; the month both Mondays fall in.
    expect(on('le débat de lundi', 'fr', '2021-04-15')).toEqual(['2021-04']);
    // A day of last December in a January report.
    expect(on("s'est ouvert à Hanoï le 3 décembre", 'fr', '2020-01')).toEqual(['2019-12-03']);
    expect(on('opened in Hanoi on December 3', 'en', '2020-01-10')).toEqual(['2019-12-03']);
    expect(on('se tiendra le 10 janvier', 'fr', '2019-12-20')).toEqual(['2020-01-10']);
  });

  it('months, years and periods', () => {
    expect(values('présidée par le Vietnam en janvier 2020', 'fr')).toEqual([['2020-01', null]]);
    expect(values('en avril', 'fr')).toEqual([['2019-04', null]]);
    expect(values('En 2020, le Vietnam', 'fr')).toEqual([['2020', null]]);
    expect(values('pour la période 2020-2021', 'fr')).toEqual([['2020', '2021']]);
    expect(values('for the period 2020-2021', 'en')).toEqual([['2020', '2021']]);
    // A presidency's year ("la présidence de l'Année 2020 de l'ASEAN").
    expect(values('le succès de la présidence de l’Année 2020 de l’ASEAN', 'fr')).toEqual([
      ['2020', null],
    ]);
  });

  it('Vietnamese days and months ("ngày 12/3", "tháng 4/2021")', () => {
    expect(values('đã khai mạc tại Hà Nội ngày 3/12', 'vi')).toEqual([['2019-12-03', null]]);
    expect(values('ngày 3 tháng 12 năm 2019', 'vi')).toEqual([['2019-12-03', null]]);
    expect(values('Việt Nam chủ trì vào tháng 4/2021', 'vi')).toEqual([['2021-04', null]]);
    expect(values('diễn ra vào ngày 31/2', 'vi')).toEqual([]);
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

describe('statements the drafter splits', () => {
  const graph = readSeeds({
    seedsDir: path.join(projectRoot, 'seeds'),
    documentsDir: defaultDocumentsDir(),
    requireTexts: false,
  });
  const draft = (body: string) =>
    draftArticle(
      {
        text: `Un titre\n\n${body}`,
        file: 'x.txt',
        sha256: '0'.repeat(64),
        language: 'fr',
        title: 'Un titre',
        published: parsePartialDate('2025-06'),
      },
      graph,
    );
  const facts = (d: ReturnType<typeof draft>) =>
    d.facts.map((f) => `${f.type} ${f.from} ${f.to}`).sort();

  it('"deux sessions … sur X et Y": one meeting per topic, each chaired and covering its topic', () => {
    const d = draft(
      'En plus des deux sessions, présidées par le Vietnam, sur la gestion des crues et des sécheresses et la protection des civils, le sommet a eu lieu.',
    );
    const sessions = d.entities.filter((e) => e.label === 'Meeting').map((e) => e.name);
    expect(sessions).toEqual([
      'Session sur la gestion des crues et des sécheresses',
      'Session sur la protection des civils',
    ]);
    expect(facts(d)).toEqual(
      expect.arrayContaining([
        'CHAIRED vietnam session-sur-gestion-des-crues-et-des-secheresses',
        'CHAIRED vietnam session-sur-protection-des-civils',
        'COVERED session-sur-gestion-des-crues-et-des-secheresses gestion-des-crues-et-des-secheresses',
        'COVERED session-sur-protection-des-civils protection-des-civils',
      ]),
    );
  });

  it('no split when the topics do not divide into the count', () => {
    const d = draft('Le Vietnam a présidé trois sessions sur la paix et la sécurité.');
    expect(d.entities.filter((e) => e.label === 'Meeting')).toEqual([]);
  });

  it('one fact per coordinated object, the subject of "Il" being the person named before', () => {
    const d = draft(
      "Les Nations Unies sont prêtes à coopérer avec l'ASEAN et l'AIPR. Le vice-ministre des Affaires étrangères, Nguyen Quoc Dung, a pris la parole. Il a également proposé la création d'un groupe d'experts de l'ASEAN.",
    );
    expect(facts(d)).toEqual(
      expect.arrayContaining([
        'COOPERATED_WITH united-nations aipr',
        'COOPERATED_WITH united-nations asean',
        'PROPOSED nguyen-quoc-dung asean-expert-group-for-aipr',
      ]),
    );
    const pledge = d.facts.find((f) => f.to === 'aipr' && f.type === 'COOPERATED_WITH')!;
    expect(pledge.qualifiers.role).toBe('pledged');
    expect(pledge.quotes).toEqual(["Nations Unies sont prêtes à coopérer avec l'ASEAN et l'AIPR"]);
  });
});
