import { afterAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphql/playground.js';
import { dumpGraph } from '../support/graph-dump.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { documentsDir } from '../support/seeds.js';
import {
  freePort,
  postGraphQL,
  spawnServer,
  startLoad,
  waitFor200,
  type GraphQLReply,
  type ServerProcess,
} from './reliability-harness.js';

/**
 * The main job (`npm start`, as a child process, on the shared test Neo4j) under load: killed
 * with SIGKILL and started again, it is ready again quickly over an intact graph; stopped with
 * SIGTERM, it finishes the requests in flight before it exits.
 */

const driver = testDriver();
const connection = testConnection();
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const server of servers) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  }
  await driver.close();
});

const env = {
  NEO4J_URI: connection.uri,
  NEO4J_USERNAME: connection.username,
  NEO4J_PASSWORD: connection.password,
  NEO4J_DATABASE: connection.database ?? '',
  SEED_DOCUMENTS_DIR: documentsDir,
};
// The playground's example operations, each with its default variables.
const QUERIES = loadExamples().map((e) => ({ query: e.query }));
const ok = (s: GraphQLReply) => s.status === 200 && s.codes.length === 0;

function start(port: number, extraEnv: Record<string, string> = {}): ServerProcess {
  const server = spawnServer({ ...env, ...extraEnv }, port);
  servers.push(server);
  return server;
}

describe('the server killed and restarted under load', () => {
  it('comes back ready quickly, with the graph intact', async () => {
    const graphBefore = await dumpGraph(driver, connection.database);
    const port = await freePort();
    const first = start(port);
    await waitFor200(`${first.base}/ready`, 90_000);
    // Once each, so the load below meets warm query plans, as a long-running server's would.
    for (const query of QUERIES)
      expect(ok(await postGraphQL(`${first.base}/graphql`, query))).toBe(true);

    const load = startLoad(`${first.base}/graphql`, QUERIES, 6);
    await load.until((samples) => samples.filter(ok).length >= 20);
    const killedAt = load.now();
    first.child.kill('SIGKILL');
    await first.exited;

    // At info level, so that its shutdown can be read below.
    const second = start(port, { LOG_LEVEL: 'info' });
    const restartToReadyMs = await waitFor200(`${second.base}/ready`, 90_000, 50);
    const readyAt = load.now();
    await load.until((samples) => samples.filter((s) => s.at > readyAt && ok(s)).length >= 20);
    const samples = await load.stop();
    console.log(
      `[restart] restart to ready: ${Math.round(restartToReadyMs)} ms; ${samples.length} requests`,
    );

    const before = samples.filter((s) => s.at + s.ms < killedAt);
    const after = samples.filter((s) => s.at > readyAt);
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.every(ok)).toBe(true);
    // Between the kill and the restart, clients only saw the connection go (status 0).
    const between = samples.filter((s) => !ok(s));
    expect(between.every((s) => s.status === 0)).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(after.every(ok)).toBe(true);

    // The restarted job found the seed graph loaded, and the graph is as it was.
    expect(second.stderr()).toMatch(/seed graph \w+ already loaded/);
    expect(await dumpGraph(driver, connection.database)).toEqual(graphBefore);
    expect(restartToReadyMs).toBeLessThan(30_000);

    // Graceful stop under load: the requests in flight finish, new ones are turned away.
    const drainLoad = startLoad(`${second.base}/graphql`, QUERIES, 6);
    await drainLoad.until((samples) => samples.filter(ok).length >= 10);
    const termAt = drainLoad.now();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const drained = await drainLoad.stop();
    const logs = second
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; inFlight?: number; drained?: boolean });
    // The server saw requests in flight when the signal came, and all of them finished.
    const draining = logs.find((l) => l.msg === 'shutting down: draining requests');
    expect(draining?.inFlight).toBeGreaterThan(0);
    expect(logs.find((l) => l.msg === 'shut down')?.drained).toBe(true);
    // Clients saw them finish: answers that straddle the signal are complete and correct.
    const straddling = drained.filter((s) => s.at < termAt && s.at + s.ms > termAt);
    expect(straddling.filter(ok).length).toBeGreaterThan(0);
    // What did not get an answer was turned away (503 while draining, no connection after),
    // never cut off with a broken or failed answer.
    for (const s of drained.filter((s) => !ok(s))) {
      expect([0, 503]).toContain(s.status);
      if (s.status === 503) expect(s.codes).toEqual(['SERVICE_UNAVAILABLE']);
    }
  }, 180_000);
});
