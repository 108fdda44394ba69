import fc from 'fast-check';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../../src/graphql/playground.js';
import { buildSchema } from '../../../src/graphql/schema.js';
import { startApi, type Api, type ApiResponse } from '../api-harness.js';

// The query planner (one statement per operation) and the batched DataLoader path it falls back
// to must give the same answers: every example, a set of queries at the edges (aliases,
// fragments, interfaces, backward pages, asOf, bad input), and random selections over the schema.
let planned: Api;
let loaded: Api;
beforeAll(async () => {
  planned = await startApi();
  loaded = await startApi({ queryPlanner: false });
});
afterAll(async () => {
  await planned.close();
  await loaded.close();
});

/** A cursor as the API makes them (src/read/cursor.ts), for a position of one's choosing. */
function cursor(position: readonly string[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** An answer without what may differ: the request id and the round trips. */
function comparable(response: ApiResponse<unknown>) {
  return {
    status: response.status,
    data: response.data,
    errors: response.errors
      .map((e) => ({ message: e.message, path: e.path, code: e.extensions.code }))
      .sort((a, b) => String(JSON.stringify(a.path)).localeCompare(String(JSON.stringify(b.path)))),
  };
}

async function both(query: string, variables: Record<string, unknown> = {}) {
  const t0 = Date.now();
  const a = await planned.query(query, variables);
  const t1 = Date.now();
  const b = await loaded.query(query, variables);
  if (process.env.PLANNER_TIMES)
    console.log(
      `planned ${t1 - t0} ms (${a.extensions?.cypherRoundTrips}) loaded ${Date.now() - t1} ms (${b.extensions?.cypherRoundTrips}) ${query.length} chars`,
    );
  return { planned: a, loaded: b };
}

async function expectSame(query: string, variables: Record<string, unknown> = {}) {
  const answers = await both(query, variables);
  expect(comparable(answers.planned), query).toEqual(comparable(answers.loaded));
  return answers;
}

/** The examples whose every field the planner answers (the others have a fallback field). */
const PLANNED_EXAMPLES = new Set([
  '2-organizations-at-a-meeting.graphql',
  '3-themes-of-a-meeting.graphql',
  '4-everything-an-actor-did.graphql',
]);

describe('the query planner answers as the batched loaders do', () => {
  it('for every example operation, in one statement where the example is a lookup', async () => {
    for (const example of loadExamples()) {
      const { planned: answer } = await expectSame(example.query);
      expect(answer.errors).toEqual([]);
      if (PLANNED_EXAMPLES.has(example.file)) {
        expect(answer.extensions.cypherRoundTrips, example.file).toBe(1);
      }
    }
  });

  const EDGE_CASES: Array<[string, string, Record<string, unknown>?]> = [
    [
      'aliases of one relationship field with different pages',
      `{ meeting(id: "asean-un-regional-dialogue-2019-12") {
          a: participants(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
          b: participants(last: 2) { pageInfo { hasPreviousPage startCursor } edges { node { id name } role } } } }`,
    ],
    [
      'a page after a cursor and a page before one',
      `query($after: String, $before: String) { meeting(id: "asean-un-regional-dialogue-2019-12") {
          next: participants(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } }
          previous: participants(last: 3, before: $before) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } } }`,
      { after: null, before: null },
    ],
    [
      'interfaces: fragments on Actor, Person and Organization under node(id:)',
      `query($id: ID!) { node(id: $id) { __typename id ... on Entity { name names { text language } }
          ... on Actor { chaired { totalCount edges { node { id start { value precision } } } } }
          ... on Organization { kind memberships(asOf: "2020-06-01") { edges { role start { value } node { id } } } }
          ... on Person { positions { edges { title node { id name } } } } } }`,
      { id: 'vietnam' },
    ],
    [
      'one response key meaning different fields on different types',
      `{ node(id: "vietnam") { ... on Person { x: positions { totalCount } }
          ... on Organization { x: members { totalCount } } } }`,
    ],
    [
      'a fact with its ends, evidence with documents, onBehalfOf',
      `{ meeting(id: "asean-un-regional-dialogue-2019-12") { participants(first: 20) { edges {
          factId type onBehalfOf { id name kind } evidence { id quote offset document { id title language published { value } } }
          fact { id type subject { id ... on Person { name } } object { id }
            evidence { quote doc: document { id } again: document { name } } } } } } }`,
    ],
    [
      'single edges: place, publisher, parent organization',
      `{ meeting(id: "asean-un-regional-dialogue-2019-12") { place { factId node { id name } evidence { quote } } }
         document(id: "vna-2019-12-asean-un-regional-dialogue") { publisher { node { id kind } } }
         organization(id: "un-security-council") { parentOrganization { node { id } } } }`,
    ],
    [
      'asOf on presidencies and members',
      `query($day: Date) { organization(id: "asean") { members(asOf: $day) { totalCount edges { node { id } start { value } end { value } attested { value } } } presidedBy(asOf: $day) { edges { node { id } } } } }`,
      { day: '2020-06-30' },
    ],
    [
      '@skip and @include with variables',
      `query($with: Boolean!, $without: Boolean!) { meeting(id: "asean-un-regional-dialogue-2019-12") {
          id chairs @include(if: $with) { edges { node { id } } } themes @skip(if: $without) { totalCount } } }`,
      { with: true, without: true },
    ],
    [
      'an id that names nothing',
      `{ meeting(id: "no-such-meeting") { id } person(id: "vietnam") { id } }`,
    ],
    ['a malformed id', `{ meeting(id: "Not An Id!") { id } }`],
    [
      'a bad cursor and a page too large deep in the query',
      `{ meeting(id: "asean-un-regional-dialogue-2019-12") { chairs(after: "nonsense") { totalCount } themes(first: 5) { totalCount } } }`,
    ],
    [
      'orderBy: each order under an alias, by date and by name, both ways, with a fact date',
      `{ organization(id: "vietnam") {
          usual: chaired(first: 3) { pageInfo { hasNextPage endCursor } edges { cursor factId node { id start { value } } } }
          latest: chaired(orderBy: { field: DATE, direction: DESC }, first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
          byName: chaired(orderBy: { field: NAME }, last: 2) { pageInfo { hasPreviousPage startCursor } edges { cursor node { name } } }
          memberships(orderBy: { field: DATE, direction: DESC }) { edges { cursor start { value } node { id } } }
          presidencies(asOf: "2020-06-30", orderBy: { field: NAME, direction: DESC }) { totalCount edges { node { id } } } }
         person(id: "nguyen-quoc-dung") { participations(orderBy: { field: DATE, direction: DESC }) { edges { node { id } } }
          positions(orderBy: { field: DATE }) { edges { cursor attested { value } node { id } } } } }`,
    ],
    [
      'orderBy and cursors from variables, an explicit null order, a cursor of another order',
      `query($order: RelationshipOrder, $after: String, $before: String, $other: String) { organization(id: "vietnam") {
          next: chaired(orderBy: $order, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage } }
          previous: chaired(orderBy: $order, last: 1, before: $before) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage } }
          usual: chaired(orderBy: null) { edges { node { id } } } }
         other: organization(id: "vietnam") { refused: chaired(orderBy: { field: NAME }, after: $other) { edges { node { id } } } } }`,
      {
        order: { field: 'DATE', direction: 'DESC' },
        after: cursor(['2021-04', 'zzz', 'DATE_DESC']),
        before: cursor(['', 'zzz', 'DATE_DESC']),
        other: cursor(['', 'x', 'DATE_DESC']),
      },
    ],
    [
      'fields the planner leaves to the loaders under planned parents',
      `{ meeting(id: "asean-un-regional-dialogue-2019-12") { documents { edges { node { id } } }
          participants(first: 3) { edges { node { id ... on Organization { published { totalCount } } } } } }
         document(id: "vna-2019-12-asean-un-regional-dialogue") { facts(first: 3) { edges { node { id subject { id } } evidence { quote } } } } }`,
    ],
  ];

  it.each(EDGE_CASES)('for %s', async (_what, query, variables) => {
    await expectSame(query, variables ?? {});
  });

  it('for the relation types the articles added, from both ends', async () => {
    const edges = '{ totalCount edges { node { id } role capacity evidence { quote } } }';
    const { planned: answer } = await expectSame(
      `{ debate: meeting(id: "unsc-debate-2021-04-regional-organizations") { firstSince ${edges} contributedTo ${edges} }
         congress: meeting(id: "cpv-13th-national-congress") { firstAfter ${edges} adopted ${edges} }
         january: meeting(id: "unsc-meeting-2020-01-asean-un-cooperation") { contributions ${edges} }
         vietnam: organization(id: "vietnam") { contributedTo ${edges} commitments ${edges} mottos ${edges} }
         un: organization(id: "united-nations") { contributors ${edges} cooperatesWith ${edges} cooperationFrom ${edges} commitments ${edges} }
         dung: person(id: "nguyen-quoc-dung") { proposals ${edges} }
         expertGroup: theme(id: "asean-expert-group-for-aipr") { proposedBy ${edges} committedBy ${edges} }
         motto: theme(id: "partnership-for-sustainable-peace") { mottoOf ${edges} }
         orientation: theme(id: "vietnam-development-orientation") { adoptedBy ${edges} } }`,
    );
    expect(answer.errors).toEqual([]);
    type Page = { edges: { node: { id: string }; role: string | null }[] };
    const ids = (c: Page) => c.edges.map((e) => e.node.id);
    const d = answer.data as Record<string, Record<string, Page>>;
    expect(ids(d.debate!.firstSince!)).toEqual(['cpv-13th-national-congress']);
    expect(ids(d.congress!.firstAfter!)).toEqual(['unsc-debate-2021-04-regional-organizations']);
    expect(ids(d.debate!.contributedTo!)).toEqual(['unsc-meeting-2020-01-asean-un-cooperation']);
    expect(ids(d.vietnam!.contributedTo!).sort()).toEqual([
      'un-security-council',
      'united-nations',
    ]);
    expect(ids(d.un!.cooperatesWith!).sort()).toEqual(['aipr', 'asean']);
    expect(d.un!.cooperatesWith!.edges.map((e) => e.role)).toEqual(['pledged', 'pledged']);
    expect(ids(d.un!.cooperationFrom!)).toEqual(['asean']);
    expect(ids(d.dung!.proposals!).sort()).toEqual([
      'asean-expert-group-for-aipr',
      'asean-un-cooperation',
    ]);
    expect(ids(d.expertGroup!.committedBy!)).toEqual(['united-nations']);
    expect(ids(d.motto!.mottoOf!)).toEqual(['vietnam']);
    expect(ids(d.orientation!.adoptedBy!)).toEqual(['cpv-13th-national-congress']);
  });

  it('with @skip/@include variables that change the plan between requests', async () => {
    const query = `query($a: Boolean!) { meeting(id: "asean-un-regional-dialogue-2019-12") {
      id chairs @include(if: $a) { totalCount } themes @skip(if: $a) { totalCount } } }`;
    for (const a of [true, false, true]) await expectSame(query, { a });
  });

  it('for random selections over the schema (property-based)', async () => {
    const schema = buildSchema();
    const ids = await seedIds();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const query = randomQuery(schema, ids, seed);
        await expectSame(query);
      }),
      // Each random shape is a new statement for Neo4j to plan (about a second on a busy CI
      // machine), so the runs are few and the time generous.
      { numRuns: 30 },
    );
  }, 400_000);
});

/** Ids of every entity of the seed graph, by type. */
async function seedIds(): Promise<Record<string, string[]>> {
  const { data } = await loaded.query<Record<string, { edges: Array<{ node: { id: string } }> }>>(
    `{ persons(first: 100) { edges { node { id } } } organizations(first: 100) { edges { node { id } } }
       meetings(first: 100) { edges { node { id } } } themes(first: 100) { edges { node { id } } }
       places(first: 100) { edges { node { id } } } documents(first: 100) { edges { node { id } } } }`,
  );
  return Object.fromEntries(
    Object.entries(data!).map(([list, c]) => [list, c.edges.map((e) => e.node.id)]),
  );
}

/** A small seeded random generator (mulberry32), so a failing seed can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

const ROOTS: Array<[string, string]> = [
  ['meeting', 'meetings'],
  ['person', 'persons'],
  ['organization', 'organizations'],
  ['theme', 'themes'],
  ['place', 'places'],
  ['document', 'documents'],
  ['node', 'organizations'],
];

/** Fields the random selections leave out: they need arguments the generator does not make. */
const SKIPPED = new Set(['facts', 'documents']);

function randomQuery(schema: GraphQLSchema, ids: Record<string, string[]>, seed: number): string {
  const r = random(seed);
  const roots = Array.from({ length: r.int(1, 2) }, (_, i) => {
    const [field, list] = r.pick(ROOTS);
    const id = r.chance(0.1) ? 'no-such-entity' : r.pick(ids[list]!);
    const type = getNamedType(schema.getQueryType()!.getFields()[field]!.type);
    return `r${i}: ${field}(id: "${id}") ${selection(schema, type, r, 3)}`;
  });
  return `{ ${roots.join(' ')} }`;
}

function selection(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  r: ReturnType<typeof random>,
  depth: number,
): string {
  const parts: string[] = [];
  if (isAbstractType(type)) {
    parts.push('__typename id');
    for (const possible of schema.getPossibleTypes(type)) {
      if (r.chance(0.5))
        parts.push(`... on ${possible.name} ${selection(schema, possible, r, depth)}`);
    }
    return `{ ${parts.join(' ')} }`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values((type as GraphQLObjectType).getFields()) as Array<
    GraphQLField<unknown, unknown>
  >;
  for (const field of fields) {
    if (SKIPPED.has(field.name) || !r.chance(0.3)) continue;
    const named = getNamedType(field.type);
    const alias = r.chance(0.15) ? `a${r.int(0, 9)}_${field.name}: ` : '';
    if (isLeafType(named) || isEnumType(named)) {
      parts.push(`${alias}${field.name}`);
      continue;
    }
    if (depth === 0) continue;
    const args: string[] = [];
    if (field.args.some((a) => a.name === 'first')) {
      args.push(r.chance(0.3) ? `last: ${r.int(0, 3)}` : `first: ${r.int(0, 4)}`);
    }
    if (field.args.some((a) => a.name === 'orderBy') && r.chance(0.4)) {
      args.push(
        `orderBy: { field: ${r.pick(['DATE', 'NAME'])}, direction: ${r.pick(['ASC', 'DESC'])} }`,
      );
    }
    if (field.args.some((a) => a.name === 'asOf') && r.chance(0.4)) {
      args.push(`asOf: "${r.pick(['2019-12-04', '2020-06-30', '2021-04-19', '2022-01-01'])}"`);
    }
    const sub = named.name.endsWith('Connection')
      ? `{ totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges ${selection(
          schema,
          getNamedType((named as GraphQLObjectType).getFields().edges!.type),
          r,
          depth - 1,
        )} }`
      : selection(schema, named, r, depth - 1);
    if (sub === '' || sub === '{  }') continue;
    parts.push(`${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sub}`);
  }
  if (parts.length === 0) parts.push('__typename');
  return `{ ${parts.join(' ')} }`;
}
