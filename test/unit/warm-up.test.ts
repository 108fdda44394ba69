import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Readiness } from '../../src/server/readiness.js';
import { loadServerSettings } from '../../src/server/settings.js';
import { EXPLORER_VARIABLES, loadExplorerOperations } from '../../src/server/warm-up.js';

/**
 * A driver whose sessions answer the readiness probe with the given seed version, or fail as an
 * unreachable Neo4j does (the seam: Readiness only opens sessions and runs its one read).
 */
function probeDriver(state: { up: boolean }): Driver {
  return {
    session: () => ({
      run: () =>
        state.up
          ? Promise.resolve({ records: [{ get: () => 'v1' }] })
          : Promise.reject(new Error('connection refused')),
      close: () => Promise.resolve(),
    }),
  } as unknown as Driver;
}

/** A warm-up the test finishes by hand, counting how often it was started. */
function manualWarmUp() {
  const runs: Array<() => void> = [];
  return {
    runs,
    warmUp: () => new Promise<void>((resolve) => runs.push(resolve)),
    finishLast: async () => {
      runs.at(-1)!();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

/** Readiness over a Neo4j the test turns off and on, with a hand-finished warm-up. */
function warmedReadiness() {
  const neo4j = { up: true };
  const warm = manualWarmUp();
  const readiness = new Readiness(probeDriver(neo4j), {
    database: undefined,
    cacheMs: 0,
    warmUp: warm.warmUp,
  });
  return { neo4j, warm, readiness };
}

describe('readiness with a warm-up', () => {
  it('says "warming up" until the warm-up has run once, then ready', async () => {
    const { warm, readiness } = warmedReadiness();
    expect(await readiness.check()).toMatchObject({ ready: false, neo4j: 'up', seedVersion: 'v1' });
    expect((await readiness.check()).reason).toMatch(/^warming up/);
    // One warm-up however often /ready is asked.
    expect(warm.runs).toHaveLength(1);
    await warm.finishLast();
    expect(await readiness.check()).toEqual({ ready: true, neo4j: 'up', seedVersion: 'v1' });
    expect(warm.runs).toHaveLength(1);
  });

  it('warms up again after Neo4j was unreachable (a restarted Neo4j lost its plans)', async () => {
    const { neo4j, warm, readiness } = warmedReadiness();
    await readiness.check();
    await warm.finishLast();
    expect((await readiness.check()).ready).toBe(true);

    neo4j.up = false;
    expect(await readiness.check()).toMatchObject({ ready: false, neo4j: 'down' });
    neo4j.up = true;
    expect((await readiness.check()).reason).toMatch(/^warming up/);
    expect(warm.runs).toHaveLength(2);
    await warm.finishLast();
    expect((await readiness.check()).ready).toBe(true);
  });

  it('does not count a warm-up that Neo4j went away during', async () => {
    const { neo4j, warm, readiness } = warmedReadiness();
    await readiness.check();
    neo4j.up = false;
    await readiness.check();
    neo4j.up = true;
    await readiness.check();
    expect(warm.runs).toHaveLength(2);
    // The first (stale) warm-up ends: still warming, for the second one.
    warm.runs[0]!();
    await new Promise((r) => setTimeout(r, 0));
    expect((await readiness.check()).reason).toMatch(/^warming up/);
    await warm.finishLast();
    expect((await readiness.check()).ready).toBe(true);
  });

  it('is ready at once without a warm-up (WARM_UP_TIMEOUT_MS=0)', async () => {
    const readiness = new Readiness(probeDriver({ up: true }), { database: undefined });
    expect((await readiness.check()).ready).toBe(true);
    expect(loadServerSettings({ WARM_UP_TIMEOUT_MS: '0' }).warmUpTimeoutMs).toBe(0);
    expect(loadServerSettings({}).warmUpTimeoutMs).toBe(20_000);
  });
});

describe("the explorer's operations", () => {
  it('each have the values the warm-up gives them', async () => {
    const operations = await loadExplorerOperations();
    expect([...operations.keys()].sort()).toEqual(Object.keys(EXPLORER_VARIABLES).sort());
  });
});
