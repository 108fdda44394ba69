import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, listen, type App } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { loadServerSettings } from '../../src/server/settings.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { postGraphQL, type GraphQLReply } from './reliability-harness.js';

/**
 * Property-based tests of the arguments callers type: whatever the search text, id, id list,
 * cursor or page size, the server answers with data or a caller's error, never a server error.
 */

const driver = testDriver();
let app: App;
let url = '';

beforeAll(async () => {
  app = createApp({
    driver,
    database: testConnection().database,
    logger: createLogger('silent'),
    settings: loadServerSettings({}),
  });
  url = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}/graphql`;
});

afterAll(async () => {
  await app.shutdown();
  await driver.close();
});

const RUNS = { numRuns: 120 };

/** Text of every kind: lone surrogates, combining marks, Lucene syntax, Cypher, whitespace. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 250 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(...'+-&|!(){}[]^"~*?:\\/ \'`$%\u0000\u202e'.split('')),
    maxLength: 40,
  }),
  fc.constantFrom('', ' ', 'AND', 'OR NOT', '*', '"', '\\', 'ONU', 'nations unies', 'Nguyễn'),
);

/** Asserts the reply is a well-formed answer: data, or errors a caller caused. */
function expectNoServerError(reply: GraphQLReply, allowed: string[]) {
  expect(reply.status).toBe(200);
  expect(reply.body).not.toBeNull();
  for (const code of reply.codes) expect(allowed).toContain(code);
}

describe('never a server error', () => {
  it('for any search text', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const reply = await postGraphQL(url, {
          query:
            'query($t: String!) { search(text: $t, first: 5) { totalCount edges { matchedName node { id } } } }',
          variables: { t: text },
        });
        expectNoServerError(reply, ['BAD_USER_INPUT']);
        const data = (reply.body as { data: { search: { totalCount: number } | null } }).data;
        if (reply.codes.length === 0) expect(data.search!.totalCount).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('for any entity id, well-formed or not', async () => {
    const slug = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,4}$/);
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, slug), async (id) => {
        const reply = await postGraphQL(url, {
          query: 'query($id: ID!) { node(id: $id) { id } person(id: $id) { name } }',
          variables: { id },
        });
        expectNoServerError(reply, ['BAD_USER_INPUT', 'NOT_FOUND']);
      }),
      RUNS,
    );
  });

  it('for any list of ids', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(anyText, fc.constantFrom('vietnam', 'asean', 'hanoi')), {
          maxLength: 120,
        }),
        async (ids) => {
          const reply = await postGraphQL(url, {
            query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
            variables: { ids },
          });
          expectNoServerError(reply, ['BAD_USER_INPUT', 'NOT_FOUND']);
        },
      ),
      RUNS,
    );
  });

  it('for any cursor', async () => {
    const base64ish = fc.base64String({ maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, base64ish), async (cursor) => {
        const reply = await postGraphQL(url, {
          query:
            'query($c: String) { meetings(first: 2, after: $c) { edges { cursor } } actors(last: 2, before: $c) { totalCount } }',
          variables: { c: cursor },
        });
        expectNoServerError(reply, ['BAD_USER_INPUT']);
      }),
      RUNS,
    );
  });

  it('for any page size: data, or PAGE_SIZE_LIMIT before any database call', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), async (first) => {
        const reply = await postGraphQL(
          url,
          {
            query: 'query($n: Int) { themes(first: $n) { edges { node { id } } } }',
            variables: { n: first },
          },
          { accept: 'application/json' },
        );
        expectNoServerError(reply, ['PAGE_SIZE_LIMIT']);
        const inRange = first >= 0 && first <= 100;
        expect(reply.codes).toEqual(inRange ? [] : ['PAGE_SIZE_LIMIT']);
        const trips = (reply.body as { extensions: { cypherRoundTrips: number } }).extensions
          .cypherRoundTrips;
        expect(trips > 0).toBe(inRange);
      }),
      RUNS,
    );
  });
});
