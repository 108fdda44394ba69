import { luceneQuery } from '../../src/read/search/ranking.js';
import { foldName } from '../../src/model/graph-model.js';

/**
 * The eight queries of the benchmark (issue 6), each written three ways: for this project's API,
 * for @neo4j/graphql over bench/neo4j-graphql/type-defs.graphql, and as one hand-written Cypher
 * statement (cypher/bench/<raw>.cypher). Each asks for the same data as far as the system can
 * express it; where it cannot, `gap` says what is missing (a finding reported in the table), and
 * `unsupported` that the query was not run.
 */

export type System = 'ours' | 'neo4j-graphql' | 'raw';
export const SYSTEMS: System[] = ['ours', 'neo4j-graphql', 'raw'];

/** Parameter pools drawn from the loaded graph (see params.ts). */
export interface Pools {
  meetings: string[];
  persons: string[];
  themes: string[];
  organizationsWithMembers: string[];
  hubs: string[];
  personNames: string[];
  years: number[];
  kinds: string[][];
  participants: string[];
}

export type Params = Record<string, unknown>;

/** One request: a GraphQL operation and its variables, or a raw statement's parameters. */
export interface Request {
  path: string;
  body: string;
}

export interface SystemQuery {
  build(p: Params): Request;
  /** Something the system cannot express, when it answers a smaller question. */
  gap?: string;
}

export interface QueryDef {
  id: string;
  title: string;
  params(pools: Pools): Params[];
  systems: Partial<Record<System, SystemQuery>> & { unsupported?: Partial<Record<System, string>> };
  /** Turns a first answer into the parameters of a follow-up (query 8's next page). */
  followUp?: { of: string; next(system: System, p: Params, answer: unknown): Params | undefined };
}

const gql = (query: string, variables: (p: Params) => Params): SystemQuery => ({
  build: (p) => ({ path: '/graphql', body: JSON.stringify({ query, variables: variables(p) }) }),
});
const raw = (name: string, params: (p: Params) => Params = (p) => p): SystemQuery => ({
  build: (p) => ({ path: `/q/${name}`, body: JSON.stringify(params(p)) }),
});
const withGap = (query: SystemQuery, gap: string): SystemQuery => ({ ...query, gap });

const EVIDENCE = 'evidence { quote document { id } }';
const N4J_EVIDENCE = 'evidence { quote documents { id } }';
const isoDay = (year: number) => `${year}-06-30`;
/** A fact holds on $asOf: a missing bound is open (null tested with `eq: null`). */
const N4J_AS_OF = `{ AND: [
  { OR: [{ startMin: { lte: $asOf } }, { startMin: { eq: null } }] },
  { OR: [{ endMax: { gte: $asOf } }, { endMax: { eq: null } }] } ] }`;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

function q8Where(p: Params): Params {
  return {
    where: {
      dateFrom: p.dateFrom,
      dateTo: p.dateTo,
      kind: p.kinds,
      participant: p.participant,
    },
  };
}

function q8N4jWhere(p: Params): Params {
  return {
    where: {
      // The period [startMin, endMax ?? startMax] overlaps [dateFrom, dateTo].
      startMin: { lte: p.dateTo },
      OR: [
        { endMax: { gte: p.dateFrom } },
        { AND: [{ endMax: { eq: null } }, { startMax: { gte: p.dateFrom } }] },
      ],
      kind: { in: p.kinds },
      // The participants drawn are organizations (hubs): one member of the union to test.
      participantsConnection: { some: { Organization: { node: { id: { eq: p.participant } } } } },
    },
  };
}

const Q8_OURS = `query Q8($where: MeetingFilter!, $after: String) {
  meetings(where: $where, first: 50, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id name start { value } } } } }`;

const Q8_N4J = `query Q8($where: MeetingWhere!, $after: String) {
  meetingsConnection(where: $where, first: 50, after: $after, sort: [{ sortKey: ASC }, { id: ASC }]) {
    pageInfo { hasNextPage endCursor } edges { node { id name start } } } }`;

export const QUERIES: QueryDef[] = [
  {
    id: 'q1',
    title: 'meeting by id: chairs, participants, themes, evidence',
    params: (pools) => pools.meetings.map((id) => ({ id })),
    systems: {
      ours: gql(
        `query Q1($id: ID!) { meeting(id: $id) { id name kind start { value } end { value } ${EVIDENCE}
          chairs(first: 20) { edges { capacity node { id name } ${EVIDENCE} } }
          participants(first: 50) { edges { role capacity onBehalfOf { id name } node { id name } ${EVIDENCE} } }
          themes(first: 20) { edges { node { id name } ${EVIDENCE} } } } }`,
        (p) => p,
      ),
      'neo4j-graphql': withGap(
        gql(
          `query Q1($id: ID!) { meetings(where: { id: { eq: $id } }) { id name kind start end ${N4J_EVIDENCE}
          chairsConnection(first: 20) {
            edges { properties { capacity ${N4J_EVIDENCE} } node { ... on Person { id name } ... on Organization { id name } } } }
          participantsConnection(first: 50) {
            edges { properties { role capacity onBehalfOf ${N4J_EVIDENCE} } node { ... on Person { id name } ... on Organization { id name } } } }
          themesConnection(first: 20, sort: [{ node: { sortKey: ASC } }]) {
            edges { properties { ${N4J_EVIDENCE} } node { id name } } } } }`,
          (p) => p,
        ),
        'chairs and participants unordered: a union connection (Person | Organization) has no sort',
      ),
      raw: raw('q1-meeting'),
    },
  },
  {
    id: 'q2',
    title: 'person → 20 meetings → 20 co-participants each',
    params: (pools) => pools.persons.map((id) => ({ id })),
    systems: {
      ours: gql(
        `query Q2($id: ID!) { person(id: $id) { id name participations(first: 20) { edges { role
          node { id name start { value } participants(first: 20) { edges { role node { id name } } } } } } } }`,
        (p) => p,
      ),
      'neo4j-graphql': gql(
        `query Q2($id: ID!) { people(where: { id: { eq: $id } }) { id name
          participationsConnection(first: 20, sort: [{ node: { sortKey: ASC } }]) { edges { properties { role }
            node { id name start participantsConnection(first: 20) { edges { properties { role }
              node { ... on Person { id name } ... on Organization { id name } } } } } } } } }`,
        (p) => p,
      ),
      raw: raw('q2-person-coparticipants'),
    },
  },
  {
    id: 'q3',
    title: 'theme → page of 20 meetings → their chairs',
    params: (pools) => pools.themes.map((id) => ({ id })),
    systems: {
      ours: gql(
        `query Q3($id: ID!) { theme(id: $id) { id name meetings(first: 20) { totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id name start { value } chairs(first: 5) { edges { capacity node { id name } } } } } } } }`,
        (p) => p,
      ),
      'neo4j-graphql': gql(
        `query Q3($id: ID!) { themes(where: { id: { eq: $id } }) { id name
          meetingsConnection(first: 20, sort: [{ node: { sortKey: ASC } }]) { totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { id name start chairsConnection(first: 5) { edges { properties { capacity }
              node { ... on Person { id name } ... on Organization { id name } } } } } } } } }`,
        (p) => p,
      ),
      raw: raw('q3-theme-meetings'),
    },
  },
  {
    id: 'q4',
    title: 'organization → members → positions held in them, as of a date',
    params: (pools) =>
      pools.organizationsWithMembers.flatMap((id, i) => [
        { id, asOf: isoDay(pools.years[i % pools.years.length]!) },
      ]),
    systems: {
      ours: gql(
        `query Q4($id: ID!, $asOf: Date!) { organization(id: $id) { id name
          members(asOf: $asOf, first: 50) { edges { role node { id name
            positions(asOf: $asOf, first: 20) { edges { title start { value } end { value } node { id name } } } } } } } }`,
        (p) => p,
      ),
      'neo4j-graphql': withGap(
        gql(
          `query Q4($id: ID!, $asOf: Date!) { organizations(where: { id: { eq: $id } }) { id name
            membersConnection(first: 50, sort: [{ node: { sortKey: ASC } }], where: { edge: ${N4J_AS_OF} }) {
              edges { properties { role } node { id name
                positionHoldersConnection(first: 20, sort: [{ node: { sortKey: ASC } }], where: { edge: ${N4J_AS_OF} }) {
                  edges { properties { title start end } node { id name } } } } } } } }`,
          (p) => p,
        ),
        'as of a date by start/end only: its filters have no coalesce, so the fallback to the attested date is left out (no generated fact has one)',
      ),
      raw: raw('q4-members-positions'),
    },
  },
  {
    id: 'q5',
    title: 'search by an accent-less name',
    params: (pools) => pools.personNames.map((name) => ({ text: foldName(name) })),
    systems: {
      ours: gql(
        `query Q5($text: String!) { search(text: $text, first: 10) { edges { score matchedName node { id name } } } }`,
        (p) => p,
      ),
      raw: raw('q5-search', (p) => ({ query: luceneQuery(String(p.text)) })),
      unsupported: {
        'neo4j-graphql':
          'no search over several types: @fulltext queries one type at a time, and ranking by the name that matched needs custom code',
      },
    },
  },
  {
    id: 'q6',
    title: 'neighbourhood of depth 2 around a hub, at most 500 nodes',
    params: (pools) => pools.hubs.map((id) => ({ id })),
    systems: {
      ours: gql(
        `query Q6($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { truncated
          nodes { id label type } edges { id source target type } } }`,
        (p) => p,
      ),
      raw: raw('q6-neighborhood'),
      unsupported: {
        'neo4j-graphql':
          'no generic traversal: only a hand-written @cypher field could, which is (c) behind a GraphQL layer',
      },
    },
  },
  {
    id: 'q7',
    title: 'shortest paths between two persons',
    params: (pools) =>
      pools.persons
        .slice(0, Math.floor(pools.persons.length / 2))
        .map((from, i) => ({ from, to: pools.persons[pools.persons.length - 1 - i]! })),
    systems: {
      ours: gql(
        `query Q7($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxHops: 4, first: 10) {
          paths { length nodes { id label } edges { id type } } } }`,
        (p) => p,
      ),
      raw: raw('q7-shortest-paths'),
      unsupported: {
        'neo4j-graphql': 'no path queries: only a hand-written @cypher field could',
      },
    },
  },
  {
    id: 'q8',
    title: 'meetings in a date range, kind + participant filters, page of 50',
    params: (pools) =>
      pools.years.map((year, i) => ({
        dateFrom: `${year}-01-01`,
        dateTo: `${year + 2}-12-31`,
        kinds: pools.kinds[i % pools.kinds.length]!,
        participant: pools.participants[i % pools.participants.length]!,
      })),
    systems: {
      ours: gql(Q8_OURS, (p) => ({ ...q8Where(p), after: null })),
      'neo4j-graphql': gql(Q8_N4J, (p) => ({ ...q8N4jWhere(p), after: null })),
      raw: raw('q8-meetings-range', (p) => ({ ...p, afterKey: '', afterId: '' })),
    },
  },
  {
    id: 'q8b',
    title: 'the same, next page of 50',
    params: () => [],
    followUp: {
      of: 'q8',
      next: (system, p, answer) => {
        if (system === 'raw') {
          // A full page may have a next one (the APIs know; this reads one page only).
          const rows = (answer as { data: { key: string; id: string }[] }).data;
          const last = rows.at(-1);
          return last && rows.length === 50
            ? { ...p, afterKey: last.key, afterId: last.id }
            : undefined;
        }
        const page = (answer as { data: Record<string, { pageInfo: PageInfo }> }).data;
        const info = Object.values(page)[0]?.pageInfo;
        return info?.hasNextPage ? { ...p, after: info.endCursor } : undefined;
      },
    },
    systems: {
      ours: gql(Q8_OURS, (p) => ({ ...q8Where(p), after: p.after })),
      'neo4j-graphql': gql(Q8_N4J, (p) => ({ ...q8N4jWhere(p), after: p.after })),
      raw: raw('q8-meetings-range', (p) => p),
    },
  },
];
