import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphql/playground.js';
import { DEFAULT_LIMITS } from '../../src/server/settings.js';
import { dumpGraph } from '../support/graph-dump.js';
import { setUpRecordedServer } from './hostile-harness.js';
import { postGraphQL, replyOf, waitFor200, type GraphQLReply } from './reliability-harness.js';

/**
 * A corpus of hostile requests against the real server: each is refused with the right HTTP
 * status and error code, quickly, and a request refused by a limit or by parsing makes no
 * database call; the server is healthy and the graph unchanged afterwards. Injection attempts in
 * string arguments: hostile-injection.test.ts.
 */

const server = setUpRecordedServer();

interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  /** Appended to the URL (GET requests). */
  search?: string;
}

/** Sends exactly these bytes; GraphQL-shaped JSON comes back parsed. */
async function raw(request: RawRequest): Promise<GraphQLReply> {
  const started = performance.now();
  const response = await fetch(server.url + (request.search ?? ''), {
    method: request.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...request.headers,
    },
    body: request.body,
    ...(request.body instanceof ReadableStream && { duplex: 'half' }),
  } as RequestInit);
  return replyOf(response, await response.text(), started);
}

const json = (value: unknown): RawRequest => ({ body: JSON.stringify(value) });
const query = (q: string, variables?: Record<string, unknown>) => json({ query: q, variables });
const repeat = (n: number, f: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => f(i)).join(' ');
const nest = (levels: number, inner: string, wrap: (s: string) => string) => {
  let s = inner;
  for (let i = 0; i < levels; i += 1) s = wrap(s);
  return s;
};

/** A stream of `total` bytes, sent chunked (no content-length). */
const chunked = (total: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const chunk = new TextEncoder().encode('['.repeat(16_384));
      for (let sent = 0; sent < total; sent += chunk.length) controller.enqueue(chunk);
      controller.close();
    },
  });

interface HostileCase {
  name: string;
  request: RawRequest;
  status: number;
  /** The codes the errors must carry, in order ([] when the answer has no GraphQL body). */
  codes: string[];
  /** Refused by a limit or by parsing: no database call at all. */
  noDatabase?: boolean;
}

const CHAIRED = 'chaired { edges { node { chairs { edges { node { ... on Actor { X } } } } } } }';

const CORPUS: HostileCase[] = [
  {
    name: 'depth bomb (nested relationship walks)',
    request: query(
      `{ node(id: "vietnam") { ... on Actor { ${nest(4, 'id', (s) => CHAIRED.replace('X', s))} } } }`,
    ),
    status: 400,
    codes: ['DEPTH_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'depth bomb through fragments',
    request: query(
      `{ node(id: "vietnam") { ...F0 } } ${repeat(15, (i) => `fragment F${i} on Actor { chaired { edges { node { chairs { edges { node { ...F${i + 1} } } } } } } }`)} fragment F15 on Actor { id }`,
    ),
    status: 400,
    codes: ['DEPTH_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'alias bomb (100 aliased node lookups)',
    request: query(`{ ${repeat(100, (i) => `a${i}: node(id: "vietnam") { id }`)} }`),
    status: 400,
    codes: ['ALIAS_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'alias bomb through a fragment spread many times',
    request: query(
      `{ ${repeat(10, (i) => `n${i}: node(id: "vietnam") { ...A }`)} } fragment A on Node { ${repeat(10, (i) => `i${i}: id`)} }`,
    ),
    status: 400,
    codes: ['ALIAS_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'fragment cycle',
    request: query('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    status: 400,
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    noDatabase: true,
  },
  {
    name: 'fragment spreading itself',
    request: query('{ node(id: "vietnam") { ...A } } fragment A on Node { id ...A }'),
    status: 400,
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    noDatabase: true,
  },
  {
    name: 'fragment bomb, wide (each fragment spreads the next 20 times, 20^4 paths)',
    request: query(
      `{ meetings { ...F0 } } ${repeat(4, (i) => `fragment F${i} on MeetingConnection { ${repeat(20, () => `...F${i + 1}`)} }`)} fragment F4 on MeetingConnection { totalCount }`,
    ),
    status: 400,
    codes: ['COST_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'fragment bomb, deep (24 levels, each spreading the next twice)',
    request: query(
      `{ meetings { ...F0 } } ${repeat(24, (i) => `fragment F${i} on MeetingConnection { ...F${i + 1} ...F${i + 1} }`)} fragment F24 on MeetingConnection { totalCount }`,
    ),
    status: 400,
    codes: ['DEPTH_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'directive flood',
    request: query(`{ ${repeat(50, () => '... @include(if: true) { version }')} }`),
    status: 400,
    codes: ['DIRECTIVE_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'huge first',
    request: query('{ meetings(first: 100000) { totalCount } }'),
    status: 400,
    codes: ['PAGE_SIZE_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'huge first in a variable',
    request: query('query($n: Int) { actors(first: $n) { totalCount } }', { n: 1_000_000 }),
    status: 400,
    codes: ['PAGE_SIZE_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'huge first in a variable default',
    request: query('query($n: Int = 5000) { themes(first: $n) { totalCount } }'),
    status: 400,
    codes: ['PAGE_SIZE_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'negative last on a nested list',
    request: query(
      '{ meeting(id: "asean-un-regional-dialogue-2019-12") { chairs(last: -5) { totalCount } } }',
    ),
    status: 400,
    codes: ['PAGE_SIZE_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'first beyond 32-bit integers',
    request: query('{ meetings(first: 99999999999) { totalCount } }'),
    status: 400,
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    noDatabase: true,
  },
  {
    name: 'cost bomb (three nested pages of 100)',
    request: query(
      '{ meetings(first: 100) { edges { node { chairs(first: 100) { edges { node { ... on Actor { chaired(first: 100) { totalCount } } } } } } } } }',
    ),
    status: 400,
    codes: ['COST_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'more than a page of ids',
    request: query('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 150 }, (_, i) => `id-${i}`),
    }),
    status: 200,
    codes: ['BAD_USER_INPUT'],
    noDatabase: true,
  },
  {
    name: 'token flood',
    request: query(`{ ${repeat(DEFAULT_LIMITS.tokens + 100, () => 'version')} }`),
    status: 400,
    codes: ['TOKEN_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'giant string argument (90 kB search text)',
    request: query('query($t: String!) { search(text: $t) { totalCount } }', {
      t: 'nations unies '.repeat(6500),
    }),
    status: 200,
    codes: ['BAD_USER_INPUT'],
    noDatabase: true,
  },
  {
    name: 'giant document (over the body limit)',
    request: query(`{ version } # ${'x'.repeat(DEFAULT_LIMITS.bodyBytes)}`),
    status: 413,
    codes: ['PAYLOAD_TOO_LARGE'],
    noDatabase: true,
  },
  {
    name: 'giant chunked body with no length',
    request: { body: chunked(2_000_000) },
    status: 413,
    codes: ['PAYLOAD_TOO_LARGE'],
    noDatabase: true,
  },
  {
    name: 'invalid JSON',
    request: { body: '{"query": "{ version }"' },
    status: 400,
    codes: ['BAD_REQUEST'],
    noDatabase: true,
  },
  {
    name: 'invalid UTF-8',
    request: {
      body: Uint8Array.from([
        ...new TextEncoder().encode('{"query":"{ search(text: \\"'),
        0xff,
        0xfe,
        0xc3,
        ...new TextEncoder().encode('\\") { totalCount } }"}'),
      ]),
    },
    status: 400,
    codes: ['BAD_REQUEST'],
    noDatabase: true,
  },
  {
    name: 'JSON null body',
    request: { body: 'null' },
    status: 400,
    codes: ['BAD_REQUEST'],
    noDatabase: true,
  },
  {
    name: 'empty body',
    request: { body: '' },
    status: 400,
    codes: ['BAD_REQUEST'],
    noDatabase: true,
  },
  {
    name: 'query that is not a string',
    request: json({ query: 42 }),
    status: 400,
    codes: ['BAD_REQUEST'],
    noDatabase: true,
  },
  {
    name: 'variables that are not a map',
    request: json({ query: '{ version }', variables: 'all of them' }),
    status: 400,
    codes: ['BAD_REQUEST'],
    noDatabase: true,
  },
  {
    name: 'batch of 50 operations',
    request: json(Array.from({ length: 50 }, () => ({ query: '{ node(id: "vietnam") { id } }' }))),
    status: 413,
    codes: ['BATCH_LIMIT'],
    noDatabase: true,
  },
  {
    name: 'wrong content type',
    request: { body: '{ version }', headers: { 'content-type': 'text/plain' } },
    status: 415,
    codes: [],
    noDatabase: true,
  },
  {
    name: 'wrong method (PUT)',
    request: { method: 'PUT', body: JSON.stringify({ query: '{ version }' }) },
    status: 405,
    codes: ['BAD_REQUEST'],
    noDatabase: true,
  },
  {
    name: 'wrong method (DELETE)',
    request: { method: 'DELETE' },
    status: 405,
    codes: ['BAD_REQUEST'],
    noDatabase: true,
  },
  {
    name: 'an answer type the server cannot give',
    request: { ...query('{ version }'), headers: { accept: 'application/xml' } },
    status: 406,
    codes: [],
    noDatabase: true,
  },
  {
    name: 'a mutation against a read-only API',
    request: query('mutation { deleteEverything }'),
    status: 400,
    codes: ['OPERATION_NOT_SUPPORTED'],
    noDatabase: true,
  },
  {
    name: 'a subscription',
    request: query('subscription { version }'),
    status: 400,
    codes: ['OPERATION_NOT_SUPPORTED'],
    noDatabase: true,
  },
  {
    name: 'deeply nested variables (JSON 30,000 levels deep)',
    request: {
      body: `{"query":"query($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${'['.repeat(30_000)}${']'.repeat(30_000)}}}`,
    },
    status: 400,
    codes: ['BAD_USER_INPUT'],
    noDatabase: true,
  },
  {
    name: 'deeply nested input object',
    request: {
      body: `{"query":"query($w: MeetingFilter) { meetings(where: $w) { totalCount } }","variables":{"w":${nest(200, '"x"', (s) => `{"text":${s}}`)}}}`,
    },
    status: 400,
    codes: ['BAD_USER_INPUT'],
    noDatabase: true,
  },
  {
    name: 'operation name that is not in the document',
    request: json({ query: 'query A { version }', operationName: 'DropTables' }),
    status: 400,
    codes: ['OPERATION_RESOLUTION_FAILURE'],
    noDatabase: true,
  },
  {
    name: 'NUL and control characters in an id',
    request: query('{ node(id: "viet\\u0000nam\\u202e") { id } }'),
    status: 200,
    codes: ['BAD_USER_INPUT'],
    noDatabase: true,
  },
  {
    name: 'a query string longer than the headers allow (GET)',
    request: { method: 'GET', search: `?query=${'%7B'.repeat(8000)}` },
    status: 431,
    codes: [],
    noDatabase: true,
  },
];

describe('hostile requests', () => {
  it('are at least 30 kinds', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CORPUS)('$name: refused with the right status and code', async (c) => {
    const sentBefore = server.sent.length;
    const reply = await raw(c.request);
    expect({ status: reply.status, codes: reply.codes }).toEqual({
      status: c.status,
      codes: c.codes,
    });
    // Refused before any resolver: not a single Cypher statement was sent.
    if (c.noDatabase) expect(server.sent.length).toBe(sentBefore);
    expect(reply.ms).toBeLessThan(2000);
  });
});

describe('after the corpus', () => {
  it('the server is healthy, ready and answers the example operations', async () => {
    expect((await fetch(server.url.replace('/graphql', '/health'))).status).toBe(200);
    // Ready (the first check starts the warm-up, so it may take a moment).
    await waitFor200(server.url.replace('/graphql', '/ready'), 60_000);
    for (const example of loadExamples()) {
      const reply = await postGraphQL(server.url, { query: example.query });
      expect({ file: example.file, status: reply.status, codes: reply.codes }).toEqual({
        file: example.file,
        status: 200,
        codes: [],
      });
    }
    expect(await dumpGraph(server.realDriver, server.database)).toEqual(server.graphBefore);
  });
});
