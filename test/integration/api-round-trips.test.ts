import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUBQUERIES } from '../../src/read/planner/compile-operation.js';
import { startApi, type Api } from './api-harness.js';

// A query's Cypher round trips (extensions.cypherRoundTrips, counted by the request's Db). With
// the query planner, the fields it compiles cost one statement for the whole operation; on the
// batched path it falls back to (QUERY_PLANNER=off here), per-request DataLoaders batch every
// lookup and relationship field, so round trips follow a query's depth, not how many items each
// level holds.
let api: Api;
let planned: Api;
beforeAll(async () => {
  api = await startApi({ queryPlanner: false });
  planned = await startApi();
});
afterAll(async () => {
  await api.close();
  await planned.close();
});

async function roundTrips(query: string, variables: Record<string, unknown>) {
  const response = await api.query(query, variables);
  expect(response.errors).toEqual([]);
  return { trips: response.extensions.cypherRoundTrips, data: response.data };
}

describe('Cypher round trips with the query planner', () => {
  it('one statement for a lookup or a list and every level below it the planner compiles', async () => {
    const queries = [
      `{ meetings(first: 20, orderBy: { field: START, direction: DESC }) { totalCount edges { node {
          id chairs { edges { node { id ... on Actor { chaired { edges { node { id }
          evidence { quote document { id name } } } } } } } } } } } }`,
      `{ themes(first: 100) { totalCount edges { node { id meetings { edges { node { id
          participants { edges { node { id name } onBehalfOf { id name } } } } } } } } } }`,
      `{ person(id: "nguyen-xuan-phuc") { chaired { edges { node { chairs { totalCount } } } } } }`,
      `{ document(id: "vna-2019-12-asean-un-regional-dialogue") { facts(first: 100) { totalCount
          edges { node { id subject { id } object { id } } evidence { quote } } } } }`,
      `query { a: meeting(id: "asean-un-regional-dialogue-2019-12") { place { node { id } } }
               b: organization(id: "vietnam") { memberships(asOf: "2021-01-01") { totalCount } } }`,
    ];
    for (const query of queries) {
      const response = await planned.query(query);
      expect(response.errors, query).toEqual([]);
      expect(response.extensions.cypherRoundTrips, query).toBe(1);
    }
  });

  it('a root the planner does not compile shares the round trip of the planned statement', async () => {
    const response = await planned.query(
      `{ fact(id: "nguyen-xuan-phuc--chaired--unsc-debate-2021-04-regional-organizations") { id }
         meeting(id: "asean-un-regional-dialogue-2019-12") { name } }`,
    );
    expect(response.errors).toEqual([]);
    expect(response.extensions.cypherRoundTrips).toBe(1);
  });

  it('a field past the subquery budget is read by the loaders from its planned parent', async () => {
    const fields = Array.from(
      { length: MAX_SUBQUERIES + 2 },
      (_, i) => `c${i}: chairs(first: ${i + 1}) { totalCount }`,
    );
    const response = await planned.query(
      `{ meeting(id: "unsc-debate-2021-04-regional-organizations") { ${fields.join(' ')} } }`,
    );
    expect(response.errors).toEqual([]);
    const meeting = (response.data as { meeting: Record<string, { totalCount: number }> }).meeting;
    expect(Object.values(meeting).map((c) => c.totalCount)).toEqual(fields.map(() => 2));
    // The planned statement, then one batch of the two fields left over.
    expect(response.extensions.cypherRoundTrips).toBe(2);
  });
});

describe('Cypher round trips on the batched path (QUERY_PLANNER=off)', () => {
  it('meetings → chairs → their chaired meetings → evidence costs four, for 2 meetings or all', async () => {
    const query = `query ($n: Int) {
      meetings(first: $n, orderBy: { field: START, direction: DESC }) {
        edges { node { id chairs { edges { node { id
          ... on Actor { chaired { edges { node { id } evidence { quote document { id name } } } } }
        } } } } }
      }
    }`;
    const two = await roundTrips(query, { n: 2 });
    const all = await roundTrips(query, { n: 20 });
    const count = (r: typeof two) => JSON.stringify(r.data).match(/"quote"/g)?.length ?? 0;
    // The larger answer really is larger: 11 meetings instead of 2, more chairs and quotes.
    expect(JSON.stringify(all.data).match(/"chairs"/g)).toHaveLength(11);
    expect(JSON.stringify(two.data).match(/"chairs"/g)).toHaveLength(2);
    expect(count(all)).toBeGreaterThan(count(two));
    // meetings, chairs (Person and Organization alike), chaired, evidence (documents come with it)
    expect(two.trips).toBe(4);
    expect(all.trips).toBe(4);
  });

  it('themes (and their count) → meetings → participants → onBehalfOf costs four, for 2 themes or all', async () => {
    const query = `query ($n: Int) {
      themes(first: $n) { totalCount edges { node { id meetings { edges { node { id
        participants { edges { node { id name } onBehalfOf { id name } } }
      } } } } } }
    }`;
    const one = await roundTrips(query, { n: 2 });
    const all = await roundTrips(query, { n: 100 });
    expect((all.data as { themes: { totalCount: number } }).themes.totalCount).toBe(16);
    // The page of themes; their count (asked for) shares the meetings' round trip; then one per
    // level.
    expect(one.trips).toBe(4);
    expect(all.trips).toBe(4);
  });

  it('a root list counts its whole list only when totalCount is asked for', async () => {
    const query = (fields: string) => `{ meetings(first: 3) { ${fields} } }`;
    expect((await roundTrips(query('edges { cursor }'), {})).trips).toBe(1);
    expect((await roundTrips(query('totalCount edges { cursor }'), {})).trips).toBe(2);
    expect((await roundTrips(query('a: totalCount b: totalCount'), {})).trips).toBe(2);
  });

  it('a lookup of many ids is one round trip, and reaching an entity again costs nothing', async () => {
    const { trips, data } = await roundTrips(
      `query ($ids: [ID!]!) {
        nodes(ids: $ids) { id ... on Entity { name } }
        vietnam: organization(id: "vietnam") { name }
        hanoi: place(id: "hanoi") { name }
      }`,
      { ids: ['vietnam', 'hanoi', 'asean', 'united-nations', 'nguyen-xuan-phuc', 'un-charter'] },
    );
    expect((data as { nodes: unknown[] }).nodes).toHaveLength(6);
    expect(trips).toBe(1);
  });

  it('one level costs one round trip, however many fields and sets of arguments it asks', async () => {
    const { trips } = await roundTrips(
      `{ organizations(first: 100) { edges { node {
          all: memberships { totalCount }
          in2021: memberships(asOf: "2021-06-01") { totalCount }
          one: memberships(first: 1) { totalCount }
      } } } }`,
      {},
    );
    // The page of organizations, then the three sets of memberships in one statement.
    expect(trips).toBe(2);
  });

  it('a lookup by id shares its round trip with the fields that need only the id', async () => {
    const meeting = `query ($id: ID!) { meeting(id: $id) { name evidence { quote }
      chairs { totalCount edges { node { name } } }
      ...Themes
      participants(first: 2) { edges { node { name } } } } }
      fragment Themes on Meeting { themes { totalCount edges { node { name } } } }`;
    const { trips, data } = await roundTrips(meeting, {
      id: 'unsc-debate-2021-04-regional-organizations',
    });
    const answer = (data as { meeting: Record<string, { totalCount?: number }> }).meeting;
    expect(answer.chairs!.totalCount).toBe(2);
    expect(answer.themes!.totalCount).toBeGreaterThan(0);
    expect(trips).toBe(1);
    // Deeper fields wait for their parents: the chairs' own chaired meetings are a second trip.
    const deeper = await roundTrips(
      `{ person(id: "nguyen-xuan-phuc") { chaired { edges { node { chairs { totalCount } } } } } }`,
      {},
    );
    expect(deeper.trips).toBe(2);
  });

  it('a lookup of a missing or mistyped id still says NOT_FOUND, whatever it prefetched', async () => {
    for (const query of [
      '{ meeting(id: "no-such-meeting") { chairs { totalCount } evidence { quote } } }',
      '{ meeting(id: "vietnam") { chairs { totalCount } } }',
      '{ person(id: "Not An Id") { chaired { totalCount } } }',
    ]) {
      const response = await api.query(query);
      expect(Object.values(response.data ?? {})).toEqual([null]);
      expect(response.errors.map((e) => e.extensions.code)).toEqual([
        query.includes('Not An Id') ? 'BAD_USER_INPUT' : 'NOT_FOUND',
      ]);
    }
  });
});
