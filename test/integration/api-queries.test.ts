import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.js';

// Lookups, filters, asOf, facts and search, against the seeded graph over HTTP.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

async function data(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const response = await api.query(query, variables);
  expect(response.errors).toEqual([]);
  return response.data;
}

/** Each aliased connection of an answer as its totalCount and node ids. */
function listed(answer: Json): Record<string, [number, string[]]> {
  return Object.fromEntries(
    Object.entries(answer).map(([alias, c]: [string, Json]) => [
      alias,
      [c.totalCount, c.edges.map((e: Json) => e.node.id)],
    ]),
  );
}

describe('lookups', () => {
  it('a person with names and aliases in their languages, and the quotes that attest them', async () => {
    const { person } = await data(`{ person(id: "nguyen-xuan-phuc") {
      id name names { text language } aliases { text language } wikidataId
      evidence { quote offset document { id } } } }`);
    expect(person).toMatchObject({
      id: 'nguyen-xuan-phuc',
      name: 'Nguyễn Xuân Phúc',
      names: [
        { text: 'Nguyen Xuan Phuc', language: 'en' },
        { text: 'Nguyên Xuân Phuc', language: 'fr' },
        { text: 'Nguyễn Xuân Phúc', language: 'vi' },
      ],
      aliases: [
        { text: 'Nguyen Xuan Phuc', language: 'vi' },
        { text: 'Nguyên Xuân Phuc', language: 'fr' },
      ],
      wikidataId: null,
    });
    // In reading order.
    expect(person.evidence.map((e: Json) => e.quote)).toEqual([
      'Cet évènement, qui sera dirigé virtuellement par le Président Nguyên Xuân Phuc',
      'le Président vietnamien, Nguyên Xuân Phuc',
    ]);
    expect(person.evidence[0].offset).toBeLessThan(person.evidence[1].offset);
  });

  it('organizations with their kind, Wikidata id, parent and parts', async () => {
    const answer = await data(`{
      un: organization(id: "united-nations") { kind wikidataId parentOrganization { node { id } }
        subOrganizations { totalCount edges { node { id } } } }
      unsc: organization(id: "un-security-council") { kind
        parentOrganization { node { id } evidence { quote } } }
      asean: organization(id: "asean") { subOrganizations { edges { node { id name } } } }
    }`);
    expect(answer.un).toEqual({
      kind: 'INTERGOVERNMENTAL_ORGANIZATION',
      wikidataId: 'Q1065',
      parentOrganization: null,
      subOrganizations: { totalCount: 1, edges: [{ node: { id: 'un-security-council' } }] },
    });
    expect(answer.unsc.kind).toBe('UN_ORGAN');
    expect(answer.unsc.parentOrganization.node.id).toBe('united-nations');
    expect(answer.unsc.parentOrganization.evidence.length).toBeGreaterThanOrEqual(3);
    expect(answer.asean.subOrganizations.edges).toEqual([
      { node: { id: 'aipr', name: 'ASEAN Institute for Peace and Reconciliation' } },
    ]);
  });

  it('node and nodes resolve any entity by id, in the order asked', async () => {
    const answer = await data(`{
      node(id: "hanoi") { __typename id ... on Place { name meetings { edges { node { id } } } } }
      nodes(ids: ["un-charter", "nguyen-quoc-dung", "vna-2019-12-asean-un-regional-dialogue"]) {
        __typename id
      }
    }`);
    expect(answer.node).toEqual({
      __typename: 'Place',
      id: 'hanoi',
      name: 'Hanoi',
      meetings: { edges: [{ node: { id: 'asean-un-regional-dialogue-2019-12' } }] },
    });
    expect(answer.nodes).toEqual([
      { __typename: 'Theme', id: 'un-charter' },
      { __typename: 'Person', id: 'nguyen-quoc-dung' },
      { __typename: 'Document', id: 'vna-2019-12-asean-un-regional-dialogue' },
    ]);
  });

  it('documents with their metadata, publisher and the meetings they attest', async () => {
    const answer = await data(`{
      vna: document(id: "vna-2019-12-asean-un-regional-dialogue") {
        title label language file sha256 published { value precision firstDay lastDay }
        publisher { node { id } evidence { quote } } }
      nhandan: document(id: "nhandan-2021-04-unsc-high-level-debate") { title name }
      vnaAgency: organization(id: "vietnam-news-agency") { published { edges { node { id } } } }
      dialogue: meeting(id: "asean-un-regional-dialogue-2019-12") { documents { edges { node { id } } } }
    }`);
    expect(answer.vna).toEqual({
      title: null,
      label:
        '5th ASEAN–UN Regional Dialogue on political and security cooperation opens in Hanoi (December 2019)',
      language: 'fr',
      file: '001_5d51021157d473e9.txt',
      sha256: '5bc5c7279bce23356a92d78ca148965ca4f8371f1b7e2e23120b225a27f0e83e',
      published: {
        value: '2019-12',
        precision: 'MONTH',
        firstDay: '2019-12-01',
        lastDay: '2019-12-31',
      },
      publisher: {
        node: { id: 'vietnam-news-agency' },
        evidence: [{ quote: 'Photo : VNA' }, { quote: 'Hanoï (VNA)' }],
      },
    });
    expect(answer.nhandan.title).toBe(
      'Renforcer la coopération, la confiance et le dialogue pour la paix et la sécurité internationales',
    );
    expect(answer.nhandan.name).toBe(answer.nhandan.title);
    expect(answer.vnaAgency.published.edges).toEqual([
      { node: { id: 'vna-2019-12-asean-un-regional-dialogue' } },
    ]);
    expect(answer.dialogue.documents.edges).toEqual([
      { node: { id: 'vna-2019-12-asean-un-regional-dialogue' } },
    ]);
  });

  it('meetings in series: parts and partOf, both ways', async () => {
    const answer = await data(`{
      dialogue: meeting(id: "asean-un-regional-dialogue-2019-12") {
        kind ordinal format end { value } partOf { edges { node { id } } } }
      series: meeting(id: "asean-un-workshop-series") { parts { edges { node { id } } } }
      debate: meeting(id: "unsc-debate-2021-04-regional-organizations") { format organizers { edges { node { id } } } }
    }`);
    expect(answer.dialogue).toEqual({
      kind: 'dialogue',
      ordinal: 5,
      format: null,
      end: { value: '2019-12-04' },
      // Both undated: in fact id order.
      partOf: {
        edges: [
          { node: { id: 'asean-un-regional-dialogue-series' } },
          { node: { id: 'asean-un-workshop-7' } },
        ],
      },
    });
    expect(answer.series.parts.edges).toEqual([{ node: { id: 'asean-un-workshop-7' } }]);
    expect(answer.debate.format).toBe('HYBRID');
    expect(answer.debate.organizers.edges).toEqual([{ node: { id: 'un-security-council' } }]);
  });

  it('a fact by id: why do we believe this edge?', async () => {
    const { fact } =
      await data(`{ fact(id: "nguyen-xuan-phuc--chaired--unsc-debate-2021-04-regional-organizations") {
      id type capacity subject { id ... on Person { name } } object { id ... on Meeting { kind } }
      evidence { quote document { id } } } }`);
    expect(fact).toMatchObject({
      type: 'CHAIRED',
      capacity: 'President of Viet Nam',
      subject: { id: 'nguyen-xuan-phuc', name: 'Nguyễn Xuân Phúc' },
      object: { id: 'unsc-debate-2021-04-regional-organizations', kind: 'high_level_debate' },
    });
    expect(fact.evidence).toHaveLength(3);
  });

  it('an edge leads to its whole fact', async () => {
    const { meeting } = await data(`{ meeting(id: "asean-un-regional-dialogue-2019-12") {
      place { factId type fact { id subject { id } object { id } } } } }`);
    expect(meeting.place).toEqual({
      factId: 'asean-un-regional-dialogue-2019-12--held-in--hanoi',
      type: 'HELD_IN',
      fact: {
        id: 'asean-un-regional-dialogue-2019-12--held-in--hanoi',
        subject: { id: 'asean-un-regional-dialogue-2019-12' },
        object: { id: 'hanoi' },
      },
    });
  });
});

describe('meeting filters', () => {
  it('date ranges respect precision: a month-precise meeting spans its month', async () => {
    const answer = await data(`{
      year2021: meetings(where: { dateFrom: "2021", dateTo: "2021" }) { ...m }
      aDayInApril: meetings(where: { dateFrom: "2021-04-19", dateTo: "2021-04-19" }) { ...m }
      lastDayOfDialogue: meetings(where: { dateFrom: "2019-12-04", dateTo: "2019-12-31" }) { ...m }
      afterDialogue: meetings(where: { dateFrom: "2019-12-05" }) { ...m }
      until2019: meetings(where: { dateTo: "2019" }) { ...m }
      march2021: meetings(where: { dateFrom: "2021-03", dateTo: "2021-03" }) { ...m }
      firstOfApril: meetings(where: { dateFrom: "2021-04-01", dateTo: "2021-04-01" }) { ...m }
      lastStartedBy2021: meetings(last: 1, where: { dateTo: "2021" }) { ...m }
    }
    fragment m on MeetingConnection { totalCount edges { node { id } } }`);
    expect(listed(answer)).toEqual({
      year2021: [1, ['unsc-debate-2021-04-regional-organizations']],
      aDayInApril: [1, ['unsc-debate-2021-04-regional-organizations']],
      lastDayOfDialogue: [1, ['asean-un-regional-dialogue-2019-12']],
      afterDialogue: [
        2,
        ['unsc-meeting-2020-01-asean-un-cooperation', 'unsc-debate-2021-04-regional-organizations'],
      ],
      until2019: [1, ['asean-un-regional-dialogue-2019-12']],
      march2021: [0, []],
      // "2021-04" starts on 2021-04-01: the page's index seek stops at the range's last day,
      // and a month sorts before its days there.
      firstOfApril: [1, ['unsc-debate-2021-04-regional-organizations']],
      lastStartedBy2021: [3, ['unsc-debate-2021-04-regional-organizations']],
    });
  });

  it('by kind, chair, participant, theme, place, series (transitively) and name', async () => {
    const answer = await data(`{
      sessions: meetings(where: { kind: "session" }) { ...m }
      chairedByPhuc: meetings(where: { chairedBy: "nguyen-xuan-phuc" }) { ...m }
      chairedByVietNamSince2020: meetings(where: { chairedBy: "vietnam", dateFrom: "2020" }) { ...m }
      withDung: meetings(where: { participant: "nguyen-quoc-dung" }) { ...m }
      onConflictPrevention: meetings(where: { theme: "conflict-prevention" }) { ...m }
      inHanoi: meetings(where: { place: "hanoi" }) { ...m }
      workshopSeries: meetings(where: { partOf: "asean-un-workshop-series" }) { ...m }
      regionalDialogue: meetings(where: { text: "dialogue regional" }) { ...m }
    }
    fragment m on MeetingConnection { totalCount edges { node { id } } }`);
    expect(listed(answer)).toEqual({
      sessions: [
        2,
        [
          'session-consequences-of-bombs-and-mines',
          'session-protection-of-essential-civilian-infrastructure',
        ],
      ],
      chairedByPhuc: [1, ['unsc-debate-2021-04-regional-organizations']],
      chairedByVietNamSince2020: [
        2,
        ['unsc-meeting-2020-01-asean-un-cooperation', 'unsc-debate-2021-04-regional-organizations'],
      ],
      withDung: [2, ['asean-senior-officials-meeting', 'asean-un-regional-dialogue-2019-12']],
      onConflictPrevention: [
        2,
        ['asean-un-regional-dialogue-2019-12', 'unsc-debate-2021-04-regional-organizations'],
      ],
      inHanoi: [1, ['asean-un-regional-dialogue-2019-12']],
      workshopSeries: [2, ['asean-un-workshop-7', 'asean-un-regional-dialogue-2019-12']],
      regionalDialogue: [
        3,
        [
          'asean-un-regional-dialogue-series',
          'asean-un-regional-dialogue-2019-12',
          'unsc-debate-2021-04-regional-organizations',
        ],
      ],
    });
  });
});

describe('actor filters and asOf', () => {
  it('actors by kind, membership (as of a day) and name', async () => {
    const answer = await data(`{
      states: organizations(where: { kind: [STATE] }) { ...o }
      media: actors(where: { kind: [NEWS_AGENCY, NEWSPAPER] }) { ...a }
      aseanMembers: actors(where: { memberOf: "asean" }) { ...a }
      unStaff: persons(where: { memberOf: "united-nations" }) { ...p }
      unStaffInApril2021: persons(where: { memberOf: "united-nations", asOf: "2021-04-15" }) { ...p }
      councilIn2020: organizations(where: { memberOf: "un-security-council", asOf: "2020-06-01" }) { ...o }
      councilIn2022: organizations(where: { memberOf: "un-security-council", asOf: "2022-01-01" }) { ...o }
      nations: organizations(where: { text: "nations" }) { ...o }
      nguyens: actors(where: { text: "nguyen" }) { ...a }
    }
    fragment o on OrganizationConnection { totalCount edges { node { id } } }
    fragment p on PersonConnection { totalCount edges { node { id } } }
    fragment a on ActorConnection { totalCount edges { node { id } } }`);
    expect(listed(answer)).toEqual({
      states: [1, ['vietnam']],
      media: [2, ['nhan-dan', 'vietnam-news-agency']],
      aseanMembers: [1, ['vietnam']],
      unStaff: [2, ['antonio-guterres', 'khaled-khiari']],
      unStaffInApril2021: [1, ['antonio-guterres']],
      councilIn2020: [1, ['vietnam']],
      councilIn2022: [0, []],
      nations: [3, ['asean', 'united-nations', 'un-security-council']],
      nguyens: [2, ['nguyen-quoc-dung', 'nguyen-xuan-phuc']],
    });
  });

  it('asOf keeps the posts and memberships that held that day', async () => {
    const answer = await data(`{
      un: organization(id: "united-nations") {
        all: positions { ...p }
        april2021: positions(asOf: "2021-04-10") { ...p }
        december2019: positions(asOf: "2019-12-10") { ...p }
      }
      council: organization(id: "un-security-council") {
        in2021: members(asOf: "2021-06-01") { ...o }
        in2019: members(asOf: "2019-06-01") { ...o }
      }
      vietnam: organization(id: "vietnam") {
        presidencies2020: presidencies(asOf: "2020-06-01") { ...o }
        memberships2022: memberships(asOf: "2022-01-01") { ...o }
      }
      dung: person(id: "nguyen-quoc-dung") {
        dialogueDay: positions(asOf: "2019-12-03") { ...o }
        later: positions(asOf: "2020-01-15") { ...o }
      }
    }
    fragment p on PersonFactConnection { totalCount edges { node { id } } }
    fragment o on OrganizationFactConnection { totalCount edges { node { id } } }`);
    expect(listed(answer.un)).toEqual({
      all: [2, ['antonio-guterres', 'khaled-khiari']],
      april2021: [1, ['antonio-guterres']],
      december2019: [1, ['khaled-khiari']],
    });
    expect(listed(answer.council)).toEqual({ in2021: [1, ['vietnam']], in2019: [0, []] });
    // ASEAN membership has no dates: an open interval holds at every date.
    expect(listed(answer.vietnam)).toEqual({
      presidencies2020: [1, ['asean']],
      memberships2022: [1, ['asean']],
    });
    expect(listed(answer.dung)).toEqual({
      dialogueDay: [2, ['vietnam-ministry-of-foreign-affairs', 'vietnam-som-asean-delegation']],
      later: [0, []],
    });
  });
});

describe('search', () => {
  it.each([
    ['Nguyen Xuan Phuc', 'nguyen-xuan-phuc', 'Nguyen Xuan Phuc'],
    ['Nguyên Xuân Phuc', 'nguyen-xuan-phuc', 'Nguyên Xuân Phuc'],
    ['nguyễn xuân phúc', 'nguyen-xuan-phuc', 'Nguyễn Xuân Phúc'],
    ['nations unies', 'united-nations', 'Nations Unies'],
    ['ONU', 'united-nations', 'ONU'],
    ['United Nations', 'united-nations', 'United Nations'],
    ['Guterres', 'antonio-guterres', 'Guterres'],
    ['antonio guterres', 'antonio-guterres', 'Antonio Guterres'],
    ['Hà Nội', 'hanoi', 'Hà Nội'],
    ['conseil de securite', 'un-security-council', 'Conseil de sécurité'],
  ])('"%s" finds %s first, matching "%s"', async (text, id, matched) => {
    const { search } = await data(
      `query ($text: String!) { search(text: $text, first: 3) {
        edges { node { id } score matchedName } } }`,
      { text },
    );
    expect(search.edges[0]).toMatchObject({ node: { id }, matchedName: matched });
    expect(search.edges[0].score).toBeGreaterThan(0);
  });

  it('the last word may be the start of a word', async () => {
    const { search } = await data(
      `{ search(text: "hano", types: [PLACE]) { edges { node { id } matchedName } } }`,
    );
    expect(search.edges).toEqual([{ node: { id: 'hanoi' }, matchedName: 'Hanoi' }]);
  });

  it('types narrow the hits', async () => {
    const { search } = await data(`{ search(text: "ONU", types: [MEETING]) {
      totalCount edges { node { __typename } } } }`);
    expect(search.totalCount).toBeGreaterThan(0);
    for (const edge of search.edges) expect(edge.node.__typename).toBe('Meeting');
  });

  it('Lucene syntax in the text is only text', async () => {
    for (const text of ['phuc) OR (*:*', 'name:ONU', 'ONU~2 AND NOT "x', 'a\\\\b [1 TO 2]']) {
      const response = await api.query(
        'query ($text: String!) { search(text: $text) { totalCount } }',
        { text },
      );
      expect(response.errors).toEqual([]);
    }
    const onlySyntax = await api.query('{ search(text: "*:*") { totalCount } }');
    expect(onlySyntax.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});
