import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConnection, projectRoot, type LocalNeo4jSettings } from '../../src/config/env.js';
import { createDriver } from '../../src/db/driver.js';
import { generate } from '../../src/generate/generate.js';
import * as local from '../../src/local-neo4j/manager.js';
import { bulkLoadSeeds } from '../../src/seed/bulk-load.js';
import { importSeeds, ImportRefusedError } from '../../src/seed/import-seeds.js';
import { loadedSeedVersion, loadSeedGraph } from '../../src/seed/load.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
import { SeedValidationError } from '../../src/seed/types.js';
import { dumpGraph } from '../support/graph-dump.js';
import { scratchNeo4jSettings } from '../support/neo4j.js';

/**
 * `npm run import` (Neo4j's offline importer) against a local Neo4j of its own, since an import
 * replaces the whole database: the three sinks leave the same graph, and bad input or a kill
 * leaves the previous database as it was.
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-import-'));
let settings: LocalNeo4jSettings;
let driver: Driver;
let seed: { seedsDir: string; documentsDir: string; requireTexts: boolean };

beforeAll(async () => {
  settings = await scratchNeo4jSettings(path.join(scratch, 'neo4j'));
  // A generated seed has what the curated one lacks at this size: facts stated by two articles.
  const generated = generate({ scale: 0.01, seed: 7, outDir: path.join(scratch, 'generated') });
  seed = { seedsDir: generated.outDir, documentsDir: generated.documentsDir, requireTexts: true };
  await local.start(settings);
  driver = createDriver(localConnection(settings.port));
}, 300_000);

afterAll(async () => {
  await driver?.close();
  if (settings) await local.stop(settings);
  fs.rmSync(scratch, { recursive: true, force: true });
});

const dump = () => dumpGraph(driver, undefined, { types: true });
const indexes = async () =>
  (
    await driver.executeQuery(
      'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN * ORDER BY name',
    )
  ).records.map((r) => r.toObject());
/** Entities without aliases: how many store no list, and how many an empty one. */
const withoutAliases = async () =>
  (
    await driver.executeQuery(
      'MATCH (n:Entity) WHERE n.aliasLangs IS NULL OR size(n.aliasLangs) = 0 ' +
        'RETURN count(CASE WHEN n.aliasLangs IS NULL AND n.aliasTexts IS NULL THEN 1 END) AS absent, ' +
        'count(n.aliasLangs) AS empty',
    )
  ).records[0]!.toObject();
const importInto = (force: boolean, seedsDir = seed.seedsDir) =>
  importSeeds(settings, { ...seed, seedsDir, force, heap: '512m', offHeap: '1g' });

describe('npm run import', () => {
  let expected: string[];
  let expectedIndexes: unknown[];

  it('leaves the same graph, indexes and version as the transactional and the batched load', async () => {
    const graph = readSeeds(seed);
    await loadSeedGraph(driver, graph, { database: undefined, reset: true });
    expected = await dump();
    expectedIndexes = await indexes();
    expect(expected.some((line) => line.includes('evidenceCount'))).toBe(true);
    // An empty list is no property, in every sink (the importer cannot store an empty list).
    const noAliases = await withoutAliases();
    expect(Number(noAliases.absent)).toBeGreaterThan(0);
    expect(Number(noAliases.empty)).toBe(0);

    await bulkLoadSeeds(driver, { ...seed, database: undefined, reset: true });
    expect(await dump()).toEqual(expected);
    expect(await withoutAliases()).toEqual(noAliases);

    const summary = await importInto(true);
    // The importer replaced the store under the driver: reconnect.
    await driver.close();
    driver = createDriver(localConnection(settings.port));
    expect(summary.replaced.nodes).toBeGreaterThan(0);
    expect(summary.relationships).toBe(graph.facts.length + graph.evidence.length);
    expect(await dump()).toEqual(expected);
    expect(await withoutAliases()).toEqual(noAliases);
    expect(await indexes()).toEqual(expectedIndexes);
    expect(await loadedSeedVersion(driver, undefined)).toBe(graph.version);
    expect(fs.existsSync(path.join(settings.home, 'import-files'))).toBe(false);
  }, 600_000);

  it('refuses a database that is not empty without --force, and changes nothing', async () => {
    await expect(importInto(false)).rejects.toThrow(ImportRefusedError);
    await expect(importInto(false)).rejects.toThrow(/is not empty: it holds \d+ nodes/);
    expect(await dump()).toEqual(expected);
  }, 120_000);

  it('imports nothing from a seed that fails validation, with file:line:column', async () => {
    const broken = path.join(scratch, 'broken');
    fs.cpSync(seed.seedsDir, broken, { recursive: true });
    const factsDir = path.join(broken, 'facts');
    const file = path.join(factsDir, fs.readdirSync(factsDir).sort()[0]!);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/\bfrom: \S+/, 'from: nobody'));
    const error: unknown = await importInto(true, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).message).toMatch(/:\d+:\d+: unknown id "nobody"/);
    expect(await dump()).toEqual(expected);
  }, 300_000);

  it('leaves the previous database usable when killed during the import', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/import.ts', '--seeds', seed.seedsDir, '--force'],
      {
        cwd: projectRoot,
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          NEO4J_URI: '',
          NEO4J_LOCAL_HOME: settings.home,
          NEO4J_LOCAL_PORT: String(settings.port),
          NEO4J_LOCAL_HEAP: settings.heap,
          NEO4J_LOCAL_PAGECACHE: settings.pageCache,
        },
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // SIGKILL the whole command (node and the importer's JVM) once the importer has started.
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/neo4j-admin: .*Node import/.test(output)) resolve();
      });
      child.once('exit', () => reject(new Error(`import ended before it was killed:\n${output}`)));
    });
    process.kill(-child.pid!, 'SIGKILL');
    await exited;

    await driver.close();
    await local.start(settings);
    driver = createDriver(localConnection(settings.port));
    expect(await dump()).toEqual(expected);
    expect(fs.existsSync(path.join(settings.home, 'data.importing'))).toBe(false);
  }, 300_000);
});
