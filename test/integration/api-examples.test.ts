import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphql/playground.js';
import { startApi, type Api } from './api-harness.js';

// Answers are walked as plain JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// Every example operation of the playground (examples/*.graphql), run over HTTP against the
// seeded graph, with the answer the seed gives.
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const examples = new Map(loadExamples().map((e) => [e.file, e.query]));

async function run(file: string): Promise<Json> {
  const query = examples.get(file);
  if (query === undefined) throw new Error(`no example ${file}`);
  const response = await api.query(query);
  expect(response.errors).toEqual([]);
  expect(response.status).toBe(200);
  return response.data;
}

const ids = (connection: Json) => connection.edges.map((e: Json) => e.node.id);

describe('the playground examples', () => {
  it('are the six documented operations, each one tab of GraphiQL', async () => {
    expect([...examples.keys()]).toEqual([
      '1-who-chaired-what.graphql',
      '2-organizations-at-a-meeting.graphql',
      '3-themes-of-a-meeting.graphql',
      '4-everything-an-actor-did.graphql',
      '5-search-without-diacritics.graphql',
      '6-facts-an-article-supports.graphql',
    ]);
    const page = await fetch(`${api.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const operation of [
      'WhoChairedWhat',
      'OrganizationsAtAMeeting',
      'ThemesOfAMeeting',
      'EverythingAnActorDid',
      'SearchWithoutDiacritics',
      'FactsAnArticleSupports',
    ]) {
      expect(html).toContain(operation);
    }
  });

  it('who chaired what: Nguyễn Xuân Phúc and Viet Nam chaired the April 2021 debate', async () => {
    const { meetings } = await run('1-who-chaired-what.graphql');
    expect(meetings.totalCount).toBe(11);
    const chairs = meetings.edges.map((e: Json) => [
      e.node.id,
      e.node.start?.value ?? null,
      e.node.chairs.edges.map((c: Json) => [c.node.__typename, c.node.name, c.capacity]),
    ]);
    // Undated meetings first (by id), then by start date as given.
    expect(chairs).toEqual([
      ['asean-senior-officials-meeting', null, []],
      ['asean-un-regional-dialogue-series', null, []],
      ['asean-un-workshop-7', null, []],
      ['asean-un-workshop-series', null, []],
      ['cpv-13th-national-congress', null, []],
      ['cpv-national-congress', null, []],
      ['session-consequences-of-bombs-and-mines', null, [['Organization', 'Viet Nam', null]]],
      [
        'session-protection-of-essential-civilian-infrastructure',
        null,
        [['Organization', 'Viet Nam', null]],
      ],
      ['asean-un-regional-dialogue-2019-12', '2019-12-03', []],
      [
        'unsc-meeting-2020-01-asean-un-cooperation',
        '2020-01',
        [['Organization', 'Viet Nam', null]],
      ],
      [
        'unsc-debate-2021-04-regional-organizations',
        '2021-04',
        [
          ['Person', 'Nguyễn Xuân Phúc', 'President of Viet Nam'],
          ['Organization', 'Viet Nam', 'President of the Security Council for April 2021'],
        ],
      ],
    ]);
    const debate = meetings.edges.at(-1).node;
    expect(debate.start.precision).toBe('MONTH');
    const phuc = debate.chairs.edges[0];
    expect(phuc.evidence.map((q: Json) => q.quote)).toContain(
      'Ce débat de haut niveau, présidé par le Président vietnamien Nguyên Xuân Phuc',
    );
    expect(phuc.evidence).toHaveLength(3);
    expect(new Set(phuc.evidence.map((q: Json) => q.document.id))).toEqual(
      new Set(['nhandan-2021-04-unsc-high-level-debate']),
    );
  });

  it('organizations at a meeting: ASEAN and the UN, and Viet Nam through its deputy minister', async () => {
    const { meeting } = await run('2-organizations-at-a-meeting.graphql');
    expect(meeting.name).toBe(
      '5th ASEAN–UN Regional Dialogue on Political and Security Cooperation',
    );
    expect(meeting.start.value).toBe('2019-12-03');
    expect(meeting.place.node.name).toBe('Hanoi');
    expect(meeting.participants.totalCount).toBe(4);
    expect(
      meeting.participants.edges.map((e: Json) => [
        e.node.__typename,
        e.node.id,
        e.node.kind ?? null,
        e.role,
        e.capacity,
        e.onBehalfOf?.id ?? null,
      ]),
    ).toEqual([
      ['Organization', 'asean', 'INTERGOVERNMENTAL_ORGANIZATION', 'participant', null, null],
      [
        'Person',
        'khaled-khiari',
        null,
        'speaker',
        'Assistant Secretary-General of the United Nations',
        'united-nations',
      ],
      [
        'Person',
        'nguyen-quoc-dung',
        null,
        'opening_speaker',
        'Deputy Minister of Foreign Affairs of Viet Nam',
        'vietnam',
      ],
      [
        'Organization',
        'united-nations',
        'INTERGOVERNMENTAL_ORGANIZATION',
        'participant',
        null,
        null,
      ],
    ]);
    expect(meeting.organizers.edges).toEqual([]);
  });

  it('themes of a meeting: the eight themes of the April 2021 debate, each with its quote', async () => {
    const { meeting } = await run('3-themes-of-a-meeting.graphql');
    expect(meeting.start).toEqual({
      value: '2021-04',
      precision: 'MONTH',
      firstDay: '2021-04-01',
      lastDay: '2021-04-30',
    });
    expect(meeting.themes.totalCount).toBe(8);
    expect(ids(meeting.themes)).toEqual([
      'un-charter',
      'confidence-building-and-dialogue-in-conflict-prevention',
      'conflict-prevention',
      'un-regional-organizations-cooperation',
      'international-law',
      'international-peace-and-security',
      'partnership-for-sustainable-peace',
      'peaceful-settlement-of-conflicts',
    ]);
    for (const edge of meeting.themes.edges) expect(edge.evidence.length).toBeGreaterThan(0);
    expect(meeting.themes.edges[0].evidence).toEqual([
      { quote: 'conformément à la Charte des Nations Unies et au droit international' },
    ]);
  });

  it('everything an actor did: Viet Nam chaired four meetings, presided twice, is a member twice', async () => {
    const { node } = await run('4-everything-an-actor-did.graphql');
    expect(node.__typename).toBe('Organization');
    expect(node.name).toBe('Viet Nam');
    expect(node.chaired.totalCount).toBe(4);
    expect(ids(node.chaired)).toEqual([
      'session-consequences-of-bombs-and-mines',
      'session-protection-of-essential-civilian-infrastructure',
      'unsc-meeting-2020-01-asean-un-cooperation',
      'unsc-debate-2021-04-regional-organizations',
    ]);
    expect(node.participations.totalCount).toBe(0);
    expect(node.organized.totalCount).toBe(0);
    const dated = (e: Json) => [
      e.node.id,
      e.role ?? e.capacity,
      e.start?.value ?? null,
      e.end?.value ?? null,
    ];
    expect(node.presidencies.edges.map(dated)).toEqual([
      ['asean', 'ASEAN Chair', '2020', '2020'],
      ['un-security-council', 'President of the Security Council', '2021-04', '2021-04'],
    ]);
    expect(node.memberships.edges.map(dated)).toEqual([
      ['asean', 'member', null, null],
      ['un-security-council', 'non_permanent_member', '2020', '2021'],
    ]);
    // One fact stated by both articles: its evidence quotes both.
    const council = node.memberships.edges[1];
    expect(council.evidence).toHaveLength(4);
    expect(new Set(council.evidence.map((q: Json) => q.document.id))).toEqual(
      new Set(['nhandan-2021-04-unsc-high-level-debate', 'vna-2019-12-asean-un-regional-dialogue']),
    );
    for (const connection of [node.chaired, node.presidencies, node.memberships]) {
      for (const edge of connection.edges) expect(edge.evidence.length).toBeGreaterThan(0);
    }
  });

  it('search without diacritics: plain ASCII and French find the right entity first', async () => {
    const data = await run('5-search-without-diacritics.graphql');
    const top = (hits: Json) => [
      hits.edges[0].node.id,
      hits.edges[0].matchedName,
      hits.edges[0].matchedLanguage,
    ];
    expect(top(data.phuc)).toEqual(['nguyen-xuan-phuc', 'Nguyen Xuan Phuc', 'en']);
    expect(data.phuc.edges[0].node.name).toBe('Nguyễn Xuân Phúc');
    expect(top(data.onu)).toEqual(['united-nations', 'ONU', 'fr']);
    expect(top(data.nationsUnies)).toEqual(['united-nations', 'Nations Unies', 'fr']);
    expect(ids(data.nationsUnies)).toEqual(['united-nations', 'un-charter', 'un-security-council']);
    expect(top(data.hanoi)).toEqual(['hanoi', 'Ha Noi', 'vi']);
    expect(data.hanoi.totalCount).toBe(1);
  });

  it('facts an article supports: the VNA report states 36 facts, in reading order', async () => {
    const { document } = await run('6-facts-an-article-supports.graphql');
    expect(document.name).toBe(
      '5th ASEAN–UN Regional Dialogue on political and security cooperation opens in Hanoi (December 2019)',
    );
    expect(document.published.value).toBe('2019-12');
    expect(document.publisher.node.name).toBe('Vietnam News Agency');
    expect(document.facts.totalCount).toBe(36);
    const facts = document.facts.edges.map(
      (e: Json) => `${e.node.subject.id} ${e.node.type} ${e.node.object.id}`,
    );
    expect(facts.slice(0, 4)).toEqual([
      'vietnam-news-agency PUBLISHED vna-2019-12-asean-un-regional-dialogue',
      'asean-un-regional-dialogue-2019-12 PART_OF asean-un-regional-dialogue-series',
      'asean PARTICIPATED_IN asean-un-regional-dialogue-2019-12',
      'asean-un-regional-dialogue-2019-12 COVERED asean-un-cooperation',
    ]);
    expect(facts).toContain('asean-un-regional-dialogue-2019-12 HELD_IN hanoi');
    expect(facts).toContain('vietnam MEMBER_OF un-security-council');
    // Reading order: each fact's first quote comes no earlier than the previous fact's.
    const firstOffsets = document.facts.edges.map((e: Json) => e.evidence[0].offset);
    expect(firstOffsets).toEqual([...firstOffsets].sort((a, b) => a - b));
    // Only this article's quotes: the Security Council membership has one here (four in all).
    const council = document.facts.edges.find(
      (e: Json) => e.node.id === 'vietnam--member-of--un-security-council',
    );
    expect(council.evidence.map((q: Json) => q.quote)).toEqual([
      'en tant que membre non permanent du Conseil de sécurité des Nations unies pour la période 2020-2021',
    ]);
  });
});
