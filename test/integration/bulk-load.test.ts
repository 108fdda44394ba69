import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConnection, type LocalNeo4jSettings } from '../../src/config/env.js';
import { createDriver } from '../../src/db/driver.js';
import { generate } from '../../src/generate/generate.js';
import * as local from '../../src/local-neo4j/manager.js';
import { bulkLoadSeeds } from '../../src/seed/bulk-load.js';
import { countGraph, loadedSeedVersion, loadSeedGraph } from '../../src/seed/load.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
import { dumpGraph } from '../support/graph-dump.js';
import { scratchNeo4jSettings } from '../support/neo4j.js';
import { seedOptions } from '../support/seeds.js';

/**
 * The bulk loader against a real Neo4j: a local instance of its own (port and home folder of its
 * own), since the shared test database holds the curated graph other files read.
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-load-'));
let settings: LocalNeo4jSettings;
let driver: Driver;

beforeAll(async () => {
  settings = await scratchNeo4jSettings(path.join(scratch, 'neo4j'));
  await local.start(settings);
  driver = createDriver(localConnection(settings.port));
});

afterAll(async () => {
  await driver?.close();
  if (settings) await local.stop(settings);
  fs.rmSync(scratch, { recursive: true, force: true });
});

const load = (seedsDir: string, documentsDir: string, reset = true) =>
  bulkLoadSeeds(driver, { seedsDir, documentsDir, requireTexts: true, database: undefined, reset });

describe('the bulk loader', () => {
  it('loads the curated seed into exactly the graph loadSeedGraph makes', async () => {
    const options = seedOptions();
    await loadSeedGraph(driver, readSeeds(options), { database: undefined, reset: true });
    const expected = await dumpGraph(driver, undefined);
    const summary = await load(options.seedsDir, options.documentsDir);
    expect(await dumpGraph(driver, undefined)).toEqual(expected);
    expect(summary.version).toBe(readSeeds(options).version);
  });

  it('loads a generated seed: counts, version and evidence counts match the seed', async () => {
    const seed = generate({ scale: 0.01, seed: 5, outDir: path.join(scratch, 'generated') });
    const graph = readSeeds({
      seedsDir: seed.outDir,
      documentsDir: seed.documentsDir,
      requireTexts: true,
    });
    const summary = await load(seed.outDir, seed.documentsDir);

    const { labels, types } = await countGraph(driver, undefined);
    const byLabel: Record<string, number> = { Evidence: graph.evidence.length };
    for (const e of graph.entities) byLabel[e.label] = (byLabel[e.label] ?? 0) + 1;
    const byType: Record<string, number> = {};
    for (const f of graph.facts) byType[f.type] = (byType[f.type] ?? 0) + 1;
    expect(labels).toEqual(byLabel);
    expect(types).toEqual(byType);
    expect(await loadedSeedVersion(driver, undefined)).toBe(graph.version);
    // One CITED_IN per quote and one relationship per fact; recalled facts were written twice.
    expect(summary.relationshipsCreated).toBe(graph.facts.length + graph.evidence.length);
    expect(summary.relationships).toBeGreaterThan(summary.relationshipsCreated);

    // Every fact counts its quotes across articles, recalled facts (stated twice) included.
    const expectedCounts = new Map<string, number>();
    for (const e of graph.evidence)
      expectedCounts.set(e.about, (expectedCounts.get(e.about) ?? 0) + 1);
    const { records } = await driver.executeQuery(
      'MATCH (:Entity)-[r]->(:Entity) RETURN r.id AS id, r.evidenceCount AS n',
    );
    const wrong = records.filter((r) => r.get('n') !== expectedCounts.get(r.get('id')));
    expect(wrong.map((r) => r.get('id'))).toEqual([]);
    expect(Math.max(...records.map((r) => r.get('n') as number))).toBeGreaterThan(1);
  });

  it('a second load of the same seed changes nothing (an interrupted load is resumed so)', async () => {
    const seedsDir = path.join(scratch, 'generated');
    const before = await dumpGraph(driver, undefined);
    const summary = await load(seedsDir, path.join(seedsDir, 'documents'), false);
    expect(summary.relationshipsCreated).toBe(0);
    expect(await dumpGraph(driver, undefined)).toEqual(before);
  });

  it('an invalid seed writes nothing, not even the removal of the loaded version', async () => {
    const seedsDir = path.join(scratch, 'generated');
    const version = await loadedSeedVersion(driver, undefined);
    const facts = fs.readdirSync(path.join(seedsDir, 'facts'));
    const file = path.join(seedsDir, 'facts', facts[3]!);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/from: \S+/, 'from: nobody'));
    await expect(load(seedsDir, path.join(seedsDir, 'documents'))).rejects.toThrow(
      /unknown id "nobody"/,
    );
    expect(await loadedSeedVersion(driver, undefined)).toBe(version);
  });
});
