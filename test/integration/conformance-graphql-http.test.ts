import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, listen, type App } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { loadServerSettings } from '../../src/server/settings.js';
import { testConnection, testDriver } from '../support/neo4j.js';

/**
 * graphql-http's audit of the GraphQL-over-HTTP spec, run against the real server. Every MUST
 * passes; a SHOULD that fails must be listed here with the reason.
 */

/** SHOULD audits the server knowingly fails, by audit id, with why. None at present. */
const ACCEPTED_SHOULD_FAILURES: Record<string, string> = {};

/**
 * Four audits check that `variables` are accepted (28B9 MUST and 2EA1 SHOULD in a POST body,
 * 6A70 and D6D5 MAY in a GET URL) by sending an introspection query, `__type(name: $name)`,
 * which production mode refuses (INTROSPECTION_DISABLED) unless GRAPHQL_INTROSPECTION=true.
 * They fail there for that reason alone: the same audits pass in production with introspection
 * on, and variables are otherwise tested everywhere.
 */
const INTROSPECTION_PROBES = ['28B9', '2EA1', '6A70', 'D6D5'];

const driver = testDriver();
const apps: App[] = [];

async function serve(env: Record<string, string>): Promise<string> {
  const app = createApp({
    driver,
    database: testConnection().database,
    logger: createLogger('silent'),
    settings: loadServerSettings(env),
  });
  apps.push(app);
  return `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}/graphql`;
}

afterAll(async () => {
  for (const app of apps) await app.shutdown();
  await driver.close();
});

const failing = (results: AuditResult[], level: 'MUST' | 'SHOULD') =>
  results
    .filter((r) => r.status !== 'ok' && r.name.startsWith(level))
    .map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);

describe.each([
  ['development', {}],
  ['production with introspection on', { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }],
])('GraphQL over HTTP audit, %s', (_mode, env) => {
  let results: AuditResult[];
  beforeAll(async () => {
    results = await auditServer({ url: await serve(env) });
  });

  it('runs the whole audit', () => {
    expect(results.length).toBeGreaterThanOrEqual(50);
  });

  it('passes every MUST', () => {
    expect(failing(results, 'MUST')).toEqual([]);
  });

  it('fails no SHOULD but the accepted ones', () => {
    const unexpected = failing(results, 'SHOULD').filter(
      (f) => !(f.split(' ')[0]! in ACCEPTED_SHOULD_FAILURES),
    );
    expect(unexpected).toEqual([]);
  });
});

describe('GraphQL over HTTP audit, production (introspection off)', () => {
  it('fails only the audits whose probe is an introspection query', async () => {
    const results = await auditServer({ url: await serve({ NODE_ENV: 'production' }) });
    const failed = results.filter((r) => r.status !== 'ok');
    expect(failed.map((r) => r.id).sort()).toEqual(INTROSPECTION_PROBES);
    for (const result of failed) {
      const body = (await (result as { response: Response }).response.json()) as {
        errors: Array<{ extensions: { code: string } }>;
      };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['INTROSPECTION_DISABLED']);
    }
  });
});
