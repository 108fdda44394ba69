import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphql/playground.js';
import { loadedSeedVersion } from '../../src/seed/load.js';
import { createApp, listen, type App, type AppDeps } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { loadServerSettings } from '../../src/server/settings.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { capturingLogger, postGraphQL, waitFor200 } from './reliability-harness.js';

/**
 * What operators see: /health, /ready, /metrics, structured logs with the request id on every
 * line, the x-request-id header, and the request timeout.
 */

const driver = testDriver();
const { database } = testConnection();
const capture = capturingLogger('debug');
const apps: App[] = [];
let base = '';
let seedVersion: string;

async function serve(deps: Partial<AppDeps> = {}): Promise<string> {
  const app = createApp({
    driver,
    database,
    logger: createLogger('silent'),
    settings: loadServerSettings({}),
    ...deps,
  });
  apps.push(app);
  return `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
}

beforeAll(async () => {
  seedVersion = (await loadedSeedVersion(driver, database))!;
  base = await serve({ logger: capture.logger, expectedSeedVersion: seedVersion });
});

afterAll(async () => {
  for (const app of apps) await app.shutdown();
  await driver.close();
});

/** Sample values of a metric, by its label text: `{operation="X"}` -> value. */
async function metric(name: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`).exec(line);
    if (match) values.set(match[1] ?? '', Number(match[2]));
  }
  return values;
}

describe('health and readiness', () => {
  it('/health answers while the process runs', async () => {
    const response = await fetch(`${base}/health`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('/ready answers 200 with the seed version the database holds', async () => {
    // Once the warm-up (started by the first check) has run.
    await waitFor200(`${base}/ready`, 60_000);
    const response = await fetch(`${base}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      ready: true,
      neo4j: 'up',
      seedVersion,
    });
  });

  it('/ready answers 503 when the database holds another seed version', async () => {
    const other = await serve({ expectedSeedVersion: 'not-this-version' });
    const response = await fetch(`${other}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      ready: false,
      neo4j: 'up',
      seedVersion,
      reason: `the database holds seed graph ${seedVersion}, not not-this-version`,
    });
  });
});

describe('request ids and logs', () => {
  it("echoes the caller's request id, and makes one when it is absent or malformed", async () => {
    const own = await postGraphQL(
      `${base}/graphql`,
      { query: '{ version }' },
      { 'x-request-id': 'obs-1234' },
    );
    expect(own.requestId).toBe('obs-1234');
    expect((own.body as { extensions: { requestId: string } }).extensions.requestId).toBe(
      'obs-1234',
    );
    for (const header of [undefined, 'has spaces and ;', 'x'.repeat(200)]) {
      const reply = await postGraphQL(
        `${base}/graphql`,
        { query: '{ version }' },
        header === undefined ? {} : { 'x-request-id': header },
      );
      expect(reply.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const health = await fetch(`${base}/health`, { headers: { 'x-request-id': 'obs-health' } });
    expect(health.headers.get('x-request-id')).toBe('obs-health');
  });

  it('writes JSON lines that all carry a request id, one summary line per request', async () => {
    await postGraphQL(
      `${base}/graphql`,
      { query: '{ node(id: "vietnam") { id } nobody: person(id: "nobody-at-all") { id } }' },
      { 'x-request-id': 'obs-log-1' },
    );
    // An internal error, logged with its details by the API while the client gets a mask.
    const broken = await serve({ logger: capture.logger, database: 'no-such-database' });
    await postGraphQL(
      `${broken}/graphql`,
      { query: '{ node(id: "vietnam") { id } }' },
      {
        'x-request-id': 'obs-log-2',
      },
    );
    const lines = capture.lines();
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((l) => typeof l.requestId !== 'string')).toEqual([]);
    const first = lines.filter((l) => l.requestId === 'obs-log-1');
    expect(first).toContainEqual(
      expect.objectContaining({ msg: 'request', method: 'POST', route: 'graphql', status: 200 }),
    );
    const second = lines.filter((l) => l.requestId === 'obs-log-2');
    expect(second.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['resolver failed', 'request']),
    );
    expect(second.find((l) => l.msg === 'resolver failed')).toMatchObject({ level: 50 });
  });
});

describe('metrics', () => {
  it('counts requests, latency and Cypher round trips by operation, and errors by code', async () => {
    const trips = await metric('cypher_round_trips_total');
    const durations = await metric('graphql_request_duration_seconds_count');
    const notFound = (await metric('graphql_errors_total')).get('{code="NOT_FOUND"}') ?? 0;
    let sent = 0;
    for (let i = 0; i < 3; i += 1) {
      const reply = await postGraphQL(`${base}/graphql`, {
        query:
          'query ObsQuery { meetings(first: 3) { edges { node { id chairs { totalCount } } } } nobody: person(id: "nobody-at-all") { id } }',
      });
      sent += (reply.body as { extensions: { cypherRoundTrips: number } }).extensions
        .cypherRoundTrips;
    }
    const key = '{operation="ObsQuery"}';
    expect((await metric('graphql_request_duration_seconds_count')).get(key)).toBe(
      (durations.get(key) ?? 0) + 3,
    );
    // At least one Cypher statement per request (one, when the query planner answers it all).
    expect(sent).toBeGreaterThanOrEqual(3);
    expect((await metric('cypher_round_trips_total')).get(key)).toBe((trips.get(key) ?? 0) + sent);
    expect((await metric('graphql_errors_total')).get('{code="NOT_FOUND"}')).toBe(notFound + 3);
    const http = await metric('http_requests_total');
    expect(http.get('{route="graphql",method="POST",status="200"}')).toBeGreaterThanOrEqual(3);
    expect((await metric('neo4j_sessions_opened_total')).get('')).toBeGreaterThanOrEqual(sent);
    expect((await metric('neo4j_sessions_in_use')).get('')).toBe(0);
    expect((await metric('process_resident_memory_bytes')).get('')).toBeGreaterThan(10_000_000);
  });

  it('keeps the operation label set bounded whatever names clients send', async () => {
    for (let i = 0; i < 120; i += 1) {
      await postGraphQL(`${base}/graphql`, { query: `query Probe${i} { version }` });
    }
    const labels = [...(await metric('graphql_request_duration_seconds_count')).keys()];
    expect(labels.length).toBeLessThanOrEqual(101 + 3);
    expect(labels).toContain('{operation="(other)"}');
  });
});

describe('the request timeout', () => {
  it('answers TIMEOUT (504 under graphql-response+json) and keeps serving', async () => {
    const settings = { ...loadServerSettings({}), requestTimeoutMs: 1 };
    const slow = await serve({ settings });
    const query = loadExamples().find((e) => e.file.startsWith('4-'))!.query;
    const reply = await postGraphQL(`${slow}/graphql`, { query });
    expect([reply.status, reply.codes]).toEqual([504, ['TIMEOUT']]);
    const legacy = await postGraphQL(`${slow}/graphql`, { query }, { accept: 'application/json' });
    expect([legacy.status, legacy.codes]).toEqual([200, ['TIMEOUT']]);
    const quick = await postGraphQL(`${slow}/graphql`, { query: '{ version }' });
    expect([quick.status, quick.codes]).toEqual([200, []]);
  });
});
