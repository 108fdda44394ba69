import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listen } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { testConnection, testDriver } from '../support/neo4j.js';

const driver = testDriver();
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = createHttpServer({
    driver,
    database: testConnection().database,
    logger: createLogger('silent'),
  });
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await driver.close();
});

describe('the HTTP server', () => {
  it('answers GraphQL at /graphql', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ version }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { version: string } };
    expect(body.data.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reports liveness at /health', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
