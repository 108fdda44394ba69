import neo4j from 'neo4j-driver';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorAt, startApi, type Api } from './api-harness.js';

// Invalid input gets a GraphQL error with a code; anything else is masked for the client (no
// Cypher, no stack, no driver message) and logged with the request id the client is given.
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const codes = (response: { errors: Array<{ extensions: { code: string } }> }) =>
  response.errors.map((e) => e.extensions.code);

// Page sizes are checked before the query runs (src/server/limits.ts): the whole request is
// refused, with its own code, and no database call is made.
describe('PAGE_SIZE_LIMIT', () => {
  it.each([
    [
      'a page over 100',
      '{ meetings(first: 101) { totalCount } }',
      'first must be an integer from 0 to 100',
    ],
    [
      'a negative page',
      '{ themes(last: -1) { totalCount } }',
      'last must be an integer from 0 to 100',
    ],
    [
      'a nested page over 100',
      '{ meeting(id: "asean-un-regional-dialogue-2019-12") { themes(first: 500) { totalCount } } }',
      'first must be an integer from 0 to 100',
    ],
  ])('%s', async (_what, query, message) => {
    const response = await api.query(query);
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(codes(response)).toEqual(['PAGE_SIZE_LIMIT']);
    expect(response.errors[0]!.message).toContain(message);
    expect(response.extensions.cypherRoundTrips).toBe(0);
  });
});

describe('BAD_USER_INPUT', () => {
  it.each([
    ['a malformed id', '{ meeting(id: "Not An Id!") { id } }', 'is not an entity id'],
    [
      'first and last together',
      '{ places(first: 1, last: 1) { totalCount } }',
      'either first or last',
    ],
    [
      'a made-up cursor',
      '{ documents(after: "bm90LWEtY3Vyc29y") { totalCount } }',
      'is not a cursor',
    ],
    [
      'a cursor that is not base64url',
      '{ actors(before: "%%%") { totalCount } }',
      'is not a cursor',
    ],
    [
      'a malformed filter id',
      '{ meetings(where: { chairedBy: "Viet Nam" }) { totalCount } }',
      'chairedBy "Viet Nam" is not an entity id',
    ],
    ['search text without a word', '{ search(text: " -- ") { totalCount } }', 'letter or a digit'],
    [
      'a too long search text',
      `{ search(text: "${'word '.repeat(50)}") { totalCount } }`,
      'at most 200 characters',
    ],
  ])('%s', async (_what, query, message) => {
    const response = await api.query(query);
    expect(response.status).toBe(200);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]!.message).toContain(message);
  });

  it('dates that are no dates, as variables', async () => {
    const response = await api.query(
      `query ($from: IsoDate, $asOf: Date) {
        meetings(where: { dateFrom: $from }) { totalCount }
        organization(id: "asean") { members(asOf: $asOf) { totalCount } }
      }`,
      { from: '2021-13', asOf: '2021-02-30' },
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(response.errors.map((e) => e.message).join('\n')).toMatch(/2021-13[\s\S]*2021-02-30/);
  });

  it('a date that is no date, inline', async () => {
    const response = await api.query(
      '{ meetings(where: { dateFrom: "April 2021" }) { totalCount } }',
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]!.message).toContain('2021, 2021-04 or 2021-04-19');
  });
});

describe('NOT_FOUND', () => {
  it('for each unknown or mistyped id of a typed lookup, while the other fields still answer; node(id:) and nodes(ids:) answer null without an error, as Relay expects', async () => {
    const response = await api.query(`{
      person(id: "vietnam") { id }
      meeting(id: "no-such-meeting") { id }
      fact(id: "vietnam--chaired--nothing") { id }
      node(id: "nobody") { id }
      nodes(ids: ["hanoi", "nowhere"]) { id }
      organization(id: "vietnam") { name }
    }`);
    expect(response.data).toEqual({
      person: null,
      meeting: null,
      fact: null,
      node: null,
      nodes: [{ id: 'hanoi' }, null],
      organization: { name: 'Viet Nam' },
    });
    expect(errorAt(response, 'person')).toMatchObject({
      message: 'no person has the id "vietnam"',
      extensions: { code: 'NOT_FOUND' },
    });
    for (const path of [['meeting'], ['fact']]) {
      expect(errorAt(response, ...path)?.extensions.code).toBe('NOT_FOUND');
    }
    expect(errorAt(response, 'node')).toBeUndefined();
    expect(errorAt(response, 'nodes', 1)).toBeUndefined();
    expect(response.errors).toHaveLength(3);
  });
});

describe('unexpected errors', () => {
  it('are masked for the client and logged with the request id', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    // A database that does not exist: every read fails inside the driver.
    const broken = await startApi({ database: 'nosuchdatabase', logger });
    try {
      const response = await broken.query(
        '{ meeting(id: "asean-un-regional-dialogue-2019-12") { name } version }',
        {},
        { 'x-request-id': 'test-request-42' },
      );
      expect(response.requestId).toBe('test-request-42');
      expect(response.extensions.requestId).toBe('test-request-42');
      expect(response.data).toEqual({ meeting: null, version: expect.any(String) });
      expect(response.errors).toEqual([
        {
          message: 'Unexpected error.',
          locations: [{ line: 1, column: 3 }],
          path: ['meeting'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'test-request-42' },
        },
      ]);
      const errors = JSON.stringify(response.errors);
      for (const secret of ['MATCH', 'UNWIND', 'cypher', 'nosuchdatabase', 'Neo.', 'at ']) {
        expect(errors).not.toContain(secret);
      }
      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const entry = logged.find((l) => l.msg === 'resolver failed');
      expect(entry).toMatchObject({ requestId: 'test-request-42', path: ['meeting'] });
      expect(JSON.stringify(entry)).toContain('nosuchdatabase');
    } finally {
      await broken.close();
    }
  });

  it('a database that does not answer is SERVICE_UNAVAILABLE', async () => {
    // Nothing listens on port 9; retries are cut short so the test stays quick.
    const driver = neo4j.driver('bolt://127.0.0.1:9', undefined, {
      maxTransactionRetryTime: 500,
      connectionTimeout: 1000,
    });
    const down = await startApi({ driver, logger: pino({ level: 'silent' }) });
    try {
      const response = await down.query('{ themes { totalCount } }');
      expect(codes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(response.errors[0]!.message).toBe('The database is not available; try again shortly.');
      expect(response.errors[0]!.extensions.requestId).toBe(response.requestId);
    } finally {
      await down.close();
    }
  });
});

describe('request ids', () => {
  it('are made up when the caller sends none, and always echoed', async () => {
    const response = await api.query('{ version }');
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.extensions.requestId).toBe(response.requestId);
    const odd = await api.query('{ version }', {}, { 'x-request-id': 'no spaces allowed' });
    expect(odd.requestId).not.toBe('no spaces allowed');
  });
});
