import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphql/playground.js';
import { createApp, listen, listenApp, type App } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { persistedOperationId } from '../../src/server/persisted.js';
import { loadServerSettings } from '../../src/server/settings.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { postGraphQL } from './reliability-harness.js';

/**
 * Production mode against probing: no introspection, no field suggestions, no GraphiQL, CORS
 * for the configured origins only, masked internal errors, and the persisted-operations
 * allow-list.
 */

const driver = testDriver();
const { database } = testConnection();
const apps: App[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-persisted-'));

async function serve(env: Record<string, string>, db = database): Promise<string> {
  const app = createApp({
    driver,
    database: db,
    logger: createLogger('silent'),
    settings: loadServerSettings(env),
  });
  apps.push(app);
  return `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
}

afterAll(async () => {
  for (const app of apps) await app.shutdown();
  await driver.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const PRODUCTION = { NODE_ENV: 'production', CORS_ORIGINS: 'https://app.example.org' };
const messages = (body: unknown) =>
  ((body as { errors?: Array<{ message: string }> }).errors ?? []).map((e) => e.message).join(' ');

describe('metrics', () => {
  it('are on the public port in development only; in production on METRICS_PORT alone', async () => {
    const dev = await serve({});
    expect((await fetch(`${dev}/metrics`)).status).toBe(200);

    const closed = await serve(PRODUCTION);
    expect((await fetch(`${closed}/metrics`)).status).toBe(404);

    const settings = loadServerSettings({ ...PRODUCTION, METRICS_PORT: '0' });
    expect(settings.metrics).toEqual({ port: 0, host: '127.0.0.1' });
    const app = createApp({ driver, database, logger: createLogger('silent'), settings });
    apps.push(app);
    const { port, metricsPort } = await listenApp(app, 0, { ...settings, host: '127.0.0.1' });
    expect(metricsPort).toBeDefined();
    expect(metricsPort).not.toBe(port);
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('http_requests_total');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  });

  it('METRICS_HOST needs METRICS_PORT', () => {
    expect(() => loadServerSettings({ METRICS_HOST: '10.0.0.5' })).toThrow(/METRICS_PORT/);
  });
});

describe('production mode', () => {
  it('refuses introspection, with a code and no database call', async () => {
    const base = await serve(PRODUCTION);
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Query") { fields { name } } }',
      '{ version ... on Query { __schema { queryType { name } } } }',
    ]) {
      const reply = await postGraphQL(`${base}/graphql`, { query });
      expect(reply.status).toBe(400);
      expect(reply.codes).toEqual(['INTROSPECTION_DISABLED']);
    }
    // __typename is no introspection of the schema: clients rely on it.
    const typename = await postGraphQL(`${base}/graphql`, { query: '{ __typename version }' });
    expect(typename.codes).toEqual([]);
  });

  it('gives no field or value suggestions that would map the schema', async () => {
    const base = await serve(PRODUCTION);
    const field = await postGraphQL(`${base}/graphql`, { query: '{ versio meetng { id } }' });
    expect(field.codes).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(messages(field.body)).toMatch(/Cannot query field "versio"/);
    const value = await postGraphQL(`${base}/graphql`, {
      query: 'query($t: [EntityType!]) { search(text: "un", types: $t) { totalCount } }',
      variables: { t: ['PERSN'] },
    });
    expect(value.codes).toEqual(['BAD_USER_INPUT']);
    for (const reply of [field, value]) expect(messages(reply.body)).not.toMatch(/Did you mean/);

    // The same mistakes outside production do get the hints (so the check above can fail).
    const dev = await serve({});
    const hinted = await postGraphQL(`${dev}/graphql`, { query: '{ versio }' });
    expect(messages(hinted.body)).toMatch(/Did you mean "version"/);
  });

  it('serves no GraphiQL', async () => {
    const accept = { accept: 'text/html' };
    const productionBase = await serve(PRODUCTION);
    const production = await fetch(`${productionBase}/graphql`, { headers: accept });
    expect(production.headers.get('content-type') ?? '').not.toMatch(/html/);
    // Nor its script (served from node_modules when the playground is on).
    expect((await fetch(`${productionBase}/graphiql/graphiql.js`)).status).toBe(404);
    const devBase = await serve({});
    const dev = await fetch(`${devBase}/graphql`, { headers: accept });
    expect(dev.status).toBe(200);
    expect(dev.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${devBase}/graphiql/graphiql.js`)).status).toBe(200);
  });

  it('allows CORS for the configured origins only', async () => {
    const base = await serve(PRODUCTION);
    const from = (origin: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ version }' }),
      });
    const allowed = await from('https://app.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await from('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // Without CORS_ORIGINS, production sends no CORS headers at all.
    const closed = await serve({ NODE_ENV: 'production' });
    const none = await fetch(`${closed}/graphql?query=%7Bversion%7D`, {
      headers: { origin: 'https://app.example.org' },
    });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('masks internal errors: a short message, a code and the request id, nothing more', async () => {
    // A misconfigured database name: Neo4j's own error names it, the client must not see it.
    const base = await serve(PRODUCTION, 'no-such-database');
    const reply = await postGraphQL(`${base}/graphql`, {
      query: '{ node(id: "vietnam") { id } }',
    });
    expect(reply.status).toBe(200);
    expect(reply.codes).toEqual(['INTERNAL_SERVER_ERROR']);
    const [error] = (reply.body as { errors: Array<Record<string, unknown>> }).errors;
    expect(error).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: reply.requestId },
    });
    // Neither the database's words nor a stack trace ("at fn (file.ts:1:2)").
    expect(JSON.stringify(reply.body)).not.toMatch(
      /no-such-database|DatabaseNotFound|Neo\.|bolt:|stack|\bat .*\(|\.[jt]s:\d/i,
    );
  });
});

describe('the persisted-operations allow-list', () => {
  const examples = loadExamples();
  const file = path.join(scratch, 'operations.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      Object.fromEntries(examples.map((e) => [persistedOperationId(e.query), e.query])),
    ),
  );
  const persisted = (id: string, variables?: Record<string, unknown>) => ({
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: id } },
  });

  it('runs the listed operations by id', async () => {
    const base = await serve({ ...PRODUCTION, PERSISTED_OPERATIONS_FILE: file });
    for (const example of examples) {
      const reply = await postGraphQL(
        `${base}/graphql`,
        persisted(persistedOperationId(example.query)),
      );
      expect({ file: example.file, status: reply.status, codes: reply.codes }).toEqual({
        file: example.file,
        status: 200,
        codes: [],
      });
    }
  });

  it('refuses any other document, and unknown ids', async () => {
    const base = await serve({ ...PRODUCTION, PERSISTED_OPERATIONS_FILE: file });
    const arbitrary = await postGraphQL(`${base}/graphql`, { query: '{ version }' });
    expect([arbitrary.status, arbitrary.codes]).toEqual([400, ['PERSISTED_QUERY_ONLY']]);
    const unknown = await postGraphQL(`${base}/graphql`, persisted('0'.repeat(64)));
    expect([unknown.status, unknown.codes]).toEqual([400, ['PERSISTED_QUERY_NOT_FOUND']]);
    const neither = await postGraphQL(`${base}/graphql`, { variables: {} });
    expect([neither.status, neither.codes]).toEqual([400, ['PERSISTED_QUERY_ONLY']]);
  });

  it('answers its refusals with 200 under legacy application/json, as the other refusals', async () => {
    const base = await serve({ ...PRODUCTION, PERSISTED_OPERATIONS_FILE: file });
    const legacy = { accept: 'application/json' };
    const arbitrary = await postGraphQL(`${base}/graphql`, { query: '{ version }' }, legacy);
    expect([arbitrary.status, arbitrary.codes]).toEqual([200, ['PERSISTED_QUERY_ONLY']]);
    const unknown = await postGraphQL(`${base}/graphql`, persisted('0'.repeat(64)), legacy);
    expect([unknown.status, unknown.codes]).toEqual([200, ['PERSISTED_QUERY_NOT_FOUND']]);
    const batch = Array.from({ length: 6 }, () =>
      persisted(persistedOperationId(examples[0]!.query)),
    );
    const tooMany = await postGraphQL(`${base}/graphql`, batch, legacy);
    expect([tooMany.status, tooMany.codes]).toEqual([200, ['BATCH_LIMIT']]);
    const tooManyStrict = await postGraphQL(`${base}/graphql`, batch);
    expect([tooManyStrict.status, tooManyStrict.codes]).toEqual([413, ['BATCH_LIMIT']]);
  });
});
