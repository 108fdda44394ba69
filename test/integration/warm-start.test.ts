import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphql/playground.js';
import { createApp, listen, type App } from '../../src/server/app.js';
import { loadServerSettings } from '../../src/server/settings.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { capturingLogger, postGraphQL, waitFor200 } from './reliability-harness.js';

/**
 * Warm start: a server started over a Neo4j whose plan cache is empty (as after a restart of
 * either) runs the example and explorer operations before /ready says ready, so the first user
 * request of each example costs about what the later ones do, not Neo4j planning its Cypher.
 */

const driver = testDriver();
const { database } = testConnection();
const capture = capturingLogger();
let app: App;
let base = '';
let readyMs = 0;

beforeAll(async () => {
  // What a restarted Neo4j has: no compiled plans.
  const session = driver.session({ database });
  try {
    await session.run('CALL db.clearQueryCaches()');
  } finally {
    await session.close();
  }
  app = createApp({
    driver,
    database,
    logger: capture.logger,
    settings: loadServerSettings({}),
  });
  base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  readyMs = await waitFor200(`${base}/ready`, 60_000, 50);
}, 120_000);

afterAll(async () => {
  await app?.shutdown();
  await driver.close();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe('a server started over a Neo4j with an empty plan cache', () => {
  it('is ready within 30 s, having warmed every example and explorer operation', () => {
    console.log(`[warm-start] /ready 200 after ${Math.round(readyMs)} ms`);
    expect(readyMs).toBeLessThan(30_000);
    const report = capture.lines().find((line) => /^warm/.test(String(line.msg)));
    console.log(`[warm-start] ${String(report?.msg)}: ${JSON.stringify(report?.warmed)}`);
    const done = capture.lines().find((line) => /^warmed \d+ operations/.test(String(line.msg)));
    expect(done, 'the warm-up finished within its time bound and said so').toBeDefined();
    // Entries read "<operation>[/<variant>] <ms> ms", e.g. "Expand/2 310 ms".
    const warmed = (done!.warmed as string[]).map((entry) => entry.split(/[ /]/)[0]);
    expect(warmed).toEqual(
      expect.arrayContaining([
        ...loadExamples().map((e) => e.file),
        ...['Search', 'Expand', 'View', 'Panel', 'Fact'],
      ]),
    );
    // Each ran clean: an error would mean it warmed nothing.
    expect((done!.warmed as string[]).filter((entry) => entry.includes('('))).toEqual([]);
  });

  it('answers the first request of each example within 10x its warm latency', async () => {
    const rows: string[] = [];
    for (const example of loadExamples()) {
      const first = await postGraphQL(`${base}/graphql`, { query: example.query });
      expect(first.codes).toEqual([]);
      const warm: number[] = [];
      for (let i = 0; i < 5; i++)
        warm.push((await postGraphQL(`${base}/graphql`, { query: example.query })).ms);
      const warmMs = median(warm);
      rows.push(`${example.file}: first ${Math.round(first.ms)} ms, warm ${Math.round(warmMs)} ms`);
      expect(first.ms, example.file).toBeLessThan(10 * warmMs);
    }
    console.log(`[warm-start] ${rows.join('; ')}`);
  });
});
