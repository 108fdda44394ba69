import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { loadSeedGraph } from '../../src/seed/load.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
import { dumpGraph } from '../support/graph-dump.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { documentsDir, seedOptions } from '../support/seeds.js';

/**
 * The seed load SIGKILLed half-way through its transaction leaves the graph as it was, and a
 * rerun yields exactly the graph of a clean load. Runs the real `npm run seed` as a child.
 */

const driver = testDriver();
const connection = testConnection();
const { database } = connection;

afterAll(async () => {
  // Whatever happened above, leave the shared test database holding the clean seed graph.
  await loadSeedGraph(driver, readSeeds(seedOptions()), { database, reset: true });
  await driver.close();
}, 120_000);

interface SeedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the seed command; `killWhen` SIGKILLs it on the first progress line that matches. */
function runSeed(args: string[], killWhen?: RegExp): Promise<SeedRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: connection.uri,
    NEO4J_USERNAME: connection.username,
    NEO4J_PASSWORD: connection.password,
    NEO4J_DATABASE: database ?? '',
    SEED_DOCUMENTS_DIR: documentsDir,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (killWhen?.test(stderr) && child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

async function write(query: string) {
  await driver.executeQuery(query, {}, { database });
}

describe('a seed load killed half-way', () => {
  it('changes nothing, and a rerun yields exactly the clean graph', async () => {
    const clean = await dumpGraph(driver, database);
    // A graph that differs from the seed, as an older seed would: an entity the seed no longer
    // has, and a changed name. A committed load would remove both.
    await write(`CREATE (:Entity:Theme {id: 'stale-theme-from-an-old-seed', name: 'Stale'})`);
    await write(`MATCH (p:Person {id: 'nguyen-xuan-phuc'}) SET p.name = 'Renamed since'`);
    const before = await dumpGraph(driver, database);
    expect(before).not.toEqual(clean);

    // --reset wipes first, in the same transaction; the kill comes once the wipe is done and the
    // entities are being written, long before the commit.
    const killed = await runSeed(['--reset'], /^ {2}Person: /m);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stderr).toMatch(/wiping the previous graph/);
    expect(killed.stderr).not.toMatch(/removing what the seed no longer has/);
    expect(killed.stdout).not.toMatch(/loaded seed/);

    // Nothing of the killed transaction is visible: neither the wipe nor the writes.
    expect(await dumpGraph(driver, database)).toEqual(before);

    const rerun = await runSeed([]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/loaded seed \w+/);
    expect(await dumpGraph(driver, database)).toEqual(clean);
  }, 120_000);
});
