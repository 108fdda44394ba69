import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.js';

// The exploration fields (schema/explore.graphql) over HTTP against the seeded graph: the
// answers a person would check by reading the two articles, the bounds, the filters, and the
// database round trips, which follow the traversal's depth, not the answer's size.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

async function answer(query: string, variables: Record<string, unknown> = {}) {
  const response = await api.query<Json>(query, variables);
  expect(response.errors).toEqual([]);
  return { data: response.data, trips: response.extensions.cypherRoundTrips };
}

async function data(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  return (await answer(query, variables)).data;
}

/** The error code a query fails with. */
async function codeOf(query: string, variables: Record<string, unknown> = {}) {
  const response = await api.query(query, variables);
  expect(response.errors).toHaveLength(1);
  return response.errors[0]!.extensions.code;
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);
const DEBATE = 'unsc-debate-2021-04-regional-organizations';
const DIALOGUE = 'asean-un-regional-dialogue-2019-12';
const GRAPH = `nodes { id label type properties } edges { id source target type properties }`;

describe('neighborhood', () => {
  it("Guterres's ego network: the UN and the April 2021 debate, with qualifiers, dates and quotes", async () => {
    const { neighborhood } = await data(`{ neighborhood(id: "antonio-guterres") {
      truncated ${GRAPH.replace('edges {', 'edges { evidence { quote document { title published { value } } }')}
      nodes2: nodes { entity { __typename ... on Person { name } } } } }`);
    expect(neighborhood.truncated).toBe(false);
    // The centre first, then the others by id.
    expect(ids(neighborhood.nodes)).toEqual(['antonio-guterres', 'united-nations', DEBATE]);
    expect(neighborhood.nodes[0]).toEqual({
      id: 'antonio-guterres',
      label: 'António Guterres',
      type: 'PERSON',
      properties: { wikidataId: 'Q311440', degree: 2, evidenceCount: 1 },
    });
    expect(neighborhood.nodes2[0].entity).toEqual({
      __typename: 'Person',
      name: 'António Guterres',
    });
    // A month stays a month, with the days it spans.
    expect(neighborhood.nodes[2].properties).toMatchObject({
      kind: 'high_level_debate',
      format: 'HYBRID',
      start: '2021-04',
      startPrecision: 'MONTH',
      startFirstDay: '2021-04-01',
      startLastDay: '2021-04-30',
    });
    const participation = neighborhood.edges.find((e: Json) => e.type === 'PARTICIPATED_IN');
    expect(participation).toMatchObject({
      id: `antonio-guterres--participated-in--${DEBATE}`,
      source: 'antonio-guterres',
      target: DEBATE,
      properties: {
        role: 'participant',
        capacity: 'Secretary-General of the United Nations',
        onBehalfOf: 'united-nations',
        evidenceCount: 1,
      },
    });
    expect(participation.evidence).toEqual([
      {
        quote:
          'le débat de haut niveau verra la participation du Secrétaire général des Nations Unies, António Guterres',
        document: {
          title:
            'Renforcer la coopération, la confiance et le dialogue pour la paix et la sécurité internationales',
          published: { value: '2021-04' },
        },
      },
    ]);
    const position = neighborhood.edges.find((e: Json) => e.type === 'HELD_POSITION');
    expect(position.properties).toEqual({
      title: 'Secretary-General',
      attested: '2021-04',
      attestedPrecision: 'MONTH',
      attestedFirstDay: '2021-04-01',
      attestedLastDay: '2021-04-30',
      evidenceCount: 1,
    });
  });

  it('gives the same ids in the same order on every call (nodes: entity ids, edges: fact ids)', async () => {
    const query = `{ neighborhood(id: "antonio-guterres", depth: 2) { ${GRAPH} } }`;
    const [first, second] = [await data(query), await data(query)];
    expect(second).toEqual(first);
    expect(first.neighborhood.nodes).toHaveLength(22);
    expect(first.neighborhood.edges).toHaveLength(42);
    // Every edge id is the id of a fact, as `fact(id)` knows it.
    const { fact } = await data(`query ($id: ID!) { fact(id: $id) { id type } }`, {
      id: first.neighborhood.edges[0].id,
    });
    expect(fact.id).toBe(first.neighborhood.edges[0].id);
  });

  it('two levels from Guterres reach the other chair of the debate and the UN official of the 2019 dialogue', async () => {
    const { neighborhood } = await data(
      `{ neighborhood(id: "antonio-guterres", depth: 2) { nodes { id } edges { id } } }`,
    );
    expect(ids(neighborhood.nodes)).toEqual(
      expect.arrayContaining(['nguyen-xuan-phuc', 'vietnam', 'khaled-khiari', DIALOGUE]),
    );
    // Facts among the entities found count too, such as Nguyễn Xuân Phúc's post in Viet Nam,
    // both two facts away from Guterres.
    expect(ids(neighborhood.edges)).toContain('nguyen-xuan-phuc--held-position--vietnam');
  });

  it('a hub is cut, not walked whole: limits per entity and in all, with truncated', async () => {
    const full = await data(
      `{ neighborhood(id: "united-nations", depth: 3, limit: 500) { truncated nodes { id } } }`,
    );
    expect(full.neighborhood.truncated).toBe(false);
    const cut =
      await data(`{ neighborhood(id: "united-nations", depth: 3, perNodeLimit: 2, limit: 8) {
      truncated nodes { id properties } edges { source target } } }`);
    expect(cut.neighborhood.truncated).toBe(true);
    expect(cut.neighborhood.nodes.length).toBeLessThanOrEqual(8);
    expect(cut.neighborhood.nodes.length).toBeLessThan(full.neighborhood.nodes.length);
    // The UN's own facts: only its 2 best attested were followed, though its degree says 10.
    const un = cut.neighborhood.nodes[0];
    expect(un).toMatchObject({ id: 'united-nations', properties: { degree: 10 } });
    const firstLevel = new Set(
      cut.neighborhood.edges
        .filter((e: Json) => e.source === 'united-nations' || e.target === 'united-nations')
        .map((e: Json) => (e.source === 'united-nations' ? e.target : e.source)),
    );
    expect(firstLevel.size).toBeLessThanOrEqual(4);
    // Every edge joins two entities of the answer.
    const inGraph = new Set(ids(cut.neighborhood.nodes));
    for (const e of cut.neighborhood.edges) {
      expect(inGraph.has(e.source) && inGraph.has(e.target)).toBe(true);
    }
  });

  it('follows facts only: a document neighbours its publisher, not what its quotes support', async () => {
    const { neighborhood } =
      await data(`{ neighborhood(id: "nhandan-2021-04-unsc-high-level-debate", depth: 3) {
      nodes { id type } edges { type } } }`);
    expect(neighborhood.nodes).toEqual([
      { id: 'nhandan-2021-04-unsc-high-level-debate', type: 'DOCUMENT' },
      { id: 'nhan-dan', type: 'ORGANIZATION' },
    ]);
    expect(neighborhood.edges).toEqual([{ type: 'PUBLISHED' }]);
  });

  it('filters by relationship type, entity type and date range (precision respected, undated kept)', async () => {
    const answer = await data(`{
      positions: neighborhood(id: "antonio-guterres", relationshipTypes: [HELD_POSITION]) { nodes { id } }
      meetings: neighborhood(id: "antonio-guterres", nodeTypes: [MEETING]) { nodes { id } }
      in2021: neighborhood(id: "vietnam", dateFrom: "2021", dateTo: "2021") { nodes { id } edges { id } }
      april: neighborhood(id: "vietnam", dateFrom: "2021-04", dateTo: "2021-04") { nodes { id } }
      all: neighborhood(id: "vietnam") { nodes { id } edges { id } }
    }`);
    expect(ids(answer.positions.nodes)).toEqual(['antonio-guterres', 'united-nations']);
    expect(ids(answer.meetings.nodes)).toEqual(['antonio-guterres', DEBATE]);
    const in2021 = ids(answer.in2021.nodes);
    // The January 2020 meeting is out; the undated sessions and the undated ASEAN membership stay.
    expect(in2021).not.toContain('unsc-meeting-2020-01-asean-un-cooperation');
    expect(in2021).toEqual(
      expect.arrayContaining([DEBATE, 'session-consequences-of-bombs-and-mines', 'asean']),
    );
    // Viet Nam's 2020 ASEAN chairmanship (PRESIDED 2020) is out, its 2020–2021 Council seat in.
    const factIds = ids(answer.in2021.edges);
    expect(factIds).not.toContain('vietnam--presided--asean');
    expect(factIds).toContain('vietnam--member-of--un-security-council');
    expect(ids(answer.all.edges)).toContain('vietnam--presided--asean');
    expect(ids(answer.april.nodes)).toContain(DEBATE);
  });

  it('refuses what it would not bound, and names what is missing', async () => {
    expect(await codeOf(`{ neighborhood(id: "asean", depth: 4) { truncated } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(`{ neighborhood(id: "asean", limit: 501) { truncated } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(`{ neighborhood(id: "asean", perNodeLimit: 0) { truncated } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await codeOf(`{ neighborhood(id: "asean", dateFrom: "2021", dateTo: "2020") { truncated } }`),
    ).toBe('BAD_USER_INPUT');
    expect(await codeOf(`{ neighborhood(id: "Not An Id") { truncated } }`)).toBe('BAD_USER_INPUT');
    expect(await codeOf(`{ neighborhood(id: "nobody") { truncated } }`)).toBe('NOT_FOUND');
  });
});

describe('subgraph', () => {
  it('the facts among a set of entities, unknown ids left out, filters applied', async () => {
    const answer = await data(`{
      all: subgraph(ids: ["asean", "united-nations", "${DIALOGUE}", "vietnam", "nobody"]) { ${GRAPH} }
      chairs: subgraph(ids: ["vietnam", "${DEBATE}", "unsc-meeting-2020-01-asean-un-cooperation"],
        dateFrom: "2021-01", dateTo: "2021-12") { nodes { id } edges { id } }
    }`);
    expect(ids(answer.all.nodes)).toEqual(['asean', 'united-nations', DIALOGUE, 'vietnam']);
    expect(ids(answer.all.edges)).toEqual([
      'asean--cooperated-with--united-nations',
      `asean--participated-in--${DIALOGUE}`,
      'united-nations--cooperated-with--asean',
      `united-nations--participated-in--${DIALOGUE}`,
      'vietnam--contributed-to--united-nations',
      'vietnam--member-of--asean',
      'vietnam--presided--asean',
    ]);
    expect(ids(answer.chairs.nodes)).toEqual(['vietnam', DEBATE]);
    expect(ids(answer.chairs.edges)).toEqual([`vietnam--chaired--${DEBATE}`]);
    expect(await codeOf(`{ subgraph(ids: []) { truncated } }`)).toBe('BAD_USER_INPUT');
  });
});

describe('shortestPaths', () => {
  it('Guterres to Nguyễn Quốc Dũng: through the UN and the 2019 dialogue, in order', async () => {
    // Two paths of three facts: through the 2019 dialogue, and through the ASEAN expert group
    // Nguyễn Quốc Dũng proposed and the UN committed to.
    const { shortestPaths } =
      await data(`{ shortestPaths(from: "antonio-guterres", to: "nguyen-quoc-dung") {
      paths { length nodes { id } edges { source target type properties } }
      graph { truncated nodes { id } edges { id } } } }`);
    expect(shortestPaths.paths).toHaveLength(2);
    expect(shortestPaths.paths.map((p: Json) => ids(p.nodes)[2]).sort()).toEqual([
      'asean-expert-group-for-aipr',
      DIALOGUE,
    ]);
    const path = shortestPaths.paths.find((p: Json) => ids(p.nodes)[2] === DIALOGUE);
    expect(path.length).toBe(3);
    expect(ids(path.nodes)).toEqual([
      'antonio-guterres',
      'united-nations',
      DIALOGUE,
      'nguyen-quoc-dung',
    ]);
    // edges[i] joins nodes[i] and nodes[i+1], in the fact's own direction.
    path.edges.forEach((edge: Json, i: number) => {
      expect([edge.source, edge.target].sort()).toEqual(
        [path.nodes[i].id, path.nodes[i + 1].id].sort(),
      );
    });
    expect(path.edges.map((e: Json) => e.type)).toEqual([
      'HELD_POSITION',
      'PARTICIPATED_IN',
      'PARTICIPATED_IN',
    ]);
    expect(path.edges[2].properties).toMatchObject({
      role: 'opening_speaker',
      onBehalfOf: 'vietnam',
    });
    expect(shortestPaths.graph.truncated).toBe(false);
    expect(ids(shortestPaths.graph.nodes).sort()).toEqual(
      [...ids(path.nodes), 'asean-expert-group-for-aipr'].sort(),
    );
  });

  it('all shortest paths, bounded by maxHops and first, over the types asked for', async () => {
    const answer = await data(`{
      chairs: shortestPaths(from: "nguyen-xuan-phuc", to: "vietnam") { paths { length nodes { id } } }
      one: shortestPaths(from: "nguyen-xuan-phuc", to: "un-security-council", first: 1) {
        paths { length } graph { truncated } }
      two: shortestPaths(from: "nguyen-xuan-phuc", to: "un-security-council") { paths { nodes { id } } }
      short: shortestPaths(from: "antonio-guterres", to: "nguyen-quoc-dung", maxHops: 2) { paths { length } }
      onlyChairs: shortestPaths(from: "antonio-guterres", to: "nguyen-xuan-phuc", relationshipTypes: [CHAIRED]) {
        paths { length } }
    }`);
    // Nguyễn Xuân Phúc held a post in Viet Nam: one fact.
    expect(answer.chairs.paths).toEqual([
      { length: 1, nodes: [{ id: 'nguyen-xuan-phuc' }, { id: 'vietnam' }] },
    ]);
    // To the Council: through Viet Nam (MEMBER_OF, PRESIDED, CONTRIBUTED_TO) or through the
    // debate (ORGANIZED).
    expect(answer.two.paths.length).toBe(4);
    expect(answer.one.paths).toEqual([{ length: 2 }]);
    expect(answer.one.graph.truncated).toBe(true);
    expect(answer.short.paths).toEqual([]);
    expect(answer.onlyChairs.paths).toEqual([]);
    expect(await codeOf(`{ shortestPaths(from: "asean", to: "asean") { paths { length } } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await codeOf(
        `{ shortestPaths(from: "asean", to: "vietnam", maxHops: 7) { paths { length } } }`,
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(
        `{ shortestPaths(from: "asean", to: "vietnam", first: 0) { paths { length } } }`,
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(`{ shortestPaths(from: "asean", to: "nobody") { paths { length } } }`),
    ).toBe('NOT_FOUND');
  });
});

describe('connections', () => {
  it('what links ASEAN and the UN: their cooperation, then the dialogue both joined, the AIPR and Viet Nam', async () => {
    const { connections } = await data(`{ connections(between: ["asean", "united-nations"]) {
      truncated nodes { id type } edges { id } } }`);
    expect(connections.truncated).toBe(false);
    // The two shortest lengths: one fact (COOPERATED_WITH, both ways), then two: the dialogue
    // both took part in, the AIPR (part of ASEAN; the UN pledged to work with it), Viet Nam
    // (member and president of ASEAN, contributor to the UN's work).
    expect(connections.nodes).toEqual([
      { id: 'asean', type: 'ORGANIZATION' },
      { id: 'united-nations', type: 'ORGANIZATION' },
      { id: 'aipr', type: 'ORGANIZATION' },
      { id: DIALOGUE, type: 'MEETING' },
      { id: 'vietnam', type: 'ORGANIZATION' },
    ]);
    expect(connections.edges).toHaveLength(9);
    const limited = await data(
      `{ connections(between: ["asean", "united-nations"], maxHops: 1) { nodes { id } } }`,
    );
    expect(ids(limited.connections.nodes)).toEqual(['asean', 'united-nations']);
    expect(await codeOf(`{ connections(between: ["asean"]) { truncated } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(`{ connections(between: ["asean", "nobody"]) { truncated } }`)).toBe(
      'NOT_FOUND',
    );
  });
});

describe('coParticipants', () => {
  it('who chaired or attended the same meetings, with the meetings and a count, strongest first', async () => {
    const answer = await data(`{
      vietnam: coParticipants(actorId: "vietnam") { count actor { id name } meetings { id start { value } } }
      asean: coParticipants(actorId: "asean") { count actor { id } meetings { id } }
    }`);
    expect(answer.vietnam).toEqual([
      {
        count: 1,
        actor: { id: 'antonio-guterres', name: 'António Guterres' },
        meetings: [{ id: DEBATE, start: { value: '2021-04' } }],
      },
      {
        count: 1,
        actor: { id: 'nguyen-xuan-phuc', name: 'Nguyễn Xuân Phúc' },
        meetings: [{ id: DEBATE, start: { value: '2021-04' } }],
      },
    ]);
    expect(answer.asean.map((c: Json) => [c.actor.id, c.count])).toEqual([
      ['khaled-khiari', 1],
      ['nguyen-quoc-dung', 1],
      ['united-nations', 1],
    ]);
    expect(await codeOf(`{ coParticipants(actorId: "un-charter") { count } }`)).toBe('NOT_FOUND');
  });
});

describe('timeline', () => {
  it("Viet Nam's meetings, memberships and presidencies in date order, at the sources' precision", async () => {
    const { timeline } = await data(`{ timeline(actorId: "vietnam") { totalCount
      edges { type node { id } date { value precision } endDate { value } capacity role
        evidence { quote } } } }`);
    expect(timeline.totalCount).toBe(8);
    expect(
      timeline.edges.map((e: Json) => [
        e.type,
        e.node.id,
        e.date?.value ?? null,
        e.endDate?.value ?? null,
      ]),
    ).toEqual([
      ['CHAIRED', 'unsc-meeting-2020-01-asean-un-cooperation', '2020-01', '2020-01'],
      ['PRESIDED', 'asean', '2020', '2020'],
      ['MEMBER_OF', 'un-security-council', '2020', '2021'],
      ['CHAIRED', DEBATE, '2021-04', '2021-04'],
      ['PRESIDED', 'un-security-council', '2021-04', '2021-04'],
      // Undated last, by fact id.
      ['CHAIRED', 'session-consequences-of-bombs-and-mines', null, null],
      ['CHAIRED', 'session-protection-of-essential-civilian-infrastructure', null, null],
      ['MEMBER_OF', 'asean', null, null],
    ]);
    expect(timeline.edges[1].date.precision).toBe('YEAR');
    expect(timeline.edges[4].capacity).toBe('President of the Security Council');
    expect(timeline.edges[4].evidence[0].quote).toContain(
      'en tant que président du Conseil de sécurité',
    );
  });

  it('pages with cursors and narrows to the types asked for', async () => {
    const first =
      await data(`{ timeline(actorId: "vietnam", first: 3) { pageInfo { hasNextPage endCursor }
      edges { factId } } }`);
    expect(first.timeline.pageInfo.hasNextPage).toBe(true);
    const next = await data(
      `query ($after: String) { timeline(actorId: "vietnam", first: 10, after: $after) {
      pageInfo { hasNextPage } edges { factId } } }`,
      { after: first.timeline.pageInfo.endCursor },
    );
    const all = await data(`{ timeline(actorId: "vietnam") { edges { factId } } }`);
    expect([...first.timeline.edges, ...next.timeline.edges]).toEqual(all.timeline.edges);
    expect(next.timeline.pageInfo.hasNextPage).toBe(false);
    const posts = await data(`{ timeline(actorId: "nguyen-xuan-phuc", types: [HELD_POSITION]) {
      edges { title date { value } node { id } } } }`);
    expect(posts.timeline.edges).toEqual([
      { title: 'President', date: { value: '2021-04' }, node: { id: 'vietnam' } },
    ]);
    expect(await codeOf(`{ timeline(actorId: "vietnam", types: [COVERED]) { totalCount } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(`{ timeline(actorId: "hanoi") { totalCount } }`)).toBe('NOT_FOUND');
  });
});

describe('round trips', () => {
  const query = (id: string) => `{ neighborhood(id: "${id}", depth: 2) {
    nodes { entity { name } }
    edges { fact { subject { id } } evidence { quote document { title } } } } }`;

  it('follow the depth, not the size: the levels, the facts among them, then one per nested field', async () => {
    // Nhân Dân's neighbourhood is its one article; the debate's, two levels of a hub meeting.
    const small = await answer(query('nhan-dan'));
    const large = await answer(query(DEBATE));
    expect(small.data.neighborhood.edges).toHaveLength(1);
    expect(large.data.neighborhood.edges.length).toBeGreaterThan(20);
    // 2 levels + the facts among the entities found + one for the nested fields: evidence
    // (documents come with it) and fact subjects (a batched entity lookup) share a statement;
    // GraphNode.entity costs nothing.
    expect(small.trips).toBe(4);
    expect(large.trips).toBe(4);
    const deeper = await answer(query(DEBATE).replace('depth: 2', 'depth: 3'));
    expect(deeper.trips).toBe(5);
  });

  it('paths, connections, co-participants and timelines are one read each', async () => {
    const { trips } = await answer(`{
      shortestPaths(from: "antonio-guterres", to: "nguyen-quoc-dung") { paths { length } }
      connections(between: ["asean", "united-nations"]) { truncated }
      coParticipants(actorId: "vietnam") { count }
      timeline(actorId: "vietnam") { totalCount }
    }`);
    expect(trips).toBe(4);
  });
});
