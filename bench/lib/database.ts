import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import {
  loadConfig,
  localConnection,
  projectRoot,
  type LocalNeo4jSettings,
} from '../../src/config/env.js';
import { createDriver } from '../../src/db/driver.js';
import { defaultOutDir, generate } from '../../src/generate/generate.js';
import * as local from '../../src/local-neo4j/manager.js';
import { bulkLoadSeeds } from '../../src/seed/bulk-load.js';
import { loadedSeedVersion } from '../../src/seed/load.js';
import { seedVersion } from '../../src/seed/read-seeds.js';

/**
 * The benchmark's database: a local Neo4j of its own (home folder per scale under bench/data,
 * its own port) started with the APOC plugin that @neo4j/graphql needs, holding the generated
 * seed of the scale asked for, generated and bulk-loaded when missing.
 */

const pluginsDir = path.join(projectRoot, 'neo4j', 'target', 'plugins');

function ensurePlugins(log: (m: string) => void): void {
  if (
    fs.existsSync(pluginsDir) &&
    fs.readdirSync(pluginsDir).some((f) => f.startsWith('apoc-core'))
  )
    return;
  log('fetching the APOC core plugin with Maven (neo4j/plugins/pom.xml)...');
  const result = spawnSync(
    'mvn',
    ['-B', '-q', '-f', path.join(projectRoot, 'neo4j', 'plugins', 'pom.xml'), 'package'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (result.status !== 0)
    throw new Error(
      `Maven could not fetch APOC:\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n')}`,
    );
}

export interface BenchDatabase {
  driver: Driver;
  port: number;
  settings: LocalNeo4jSettings;
  seedsDir: string;
  version: string;
  /** How the seed got there this time (generation and load are skipped when already done). */
  prepared: { generatedSeconds?: number; loadSummary?: Awaited<ReturnType<typeof bulkLoadSeeds>> };
  stop(): Promise<void>;
}

export async function prepareDatabase(options: {
  scale: number;
  seed: number;
  port: number;
  home?: string;
  log: (message: string) => void;
}): Promise<BenchDatabase> {
  const { scale, seed, log } = options;
  const config = loadConfig();
  const settings: LocalNeo4jSettings = {
    home:
      options.home ?? path.join(projectRoot, 'bench', 'data', `neo4j-scale-${scale}-seed-${seed}`),
    port: options.port,
    heap: config.local.heap,
    pageCache: config.local.pageCache,
  };
  const prepared: BenchDatabase['prepared'] = {};
  const seedsDir = defaultOutDir(scale, seed);
  if (!fs.existsSync(path.join(seedsDir, 'manifest.json'))) {
    log(`generating the scale ${scale} seed (seed ${seed}) in ${seedsDir}`);
    const summary = generate({ scale, seed, outDir: seedsDir, onProgress: (m) => log(`  ${m}`) });
    prepared.generatedSeconds = summary.millis / 1000;
  }
  ensurePlugins(log);
  const started = await local.start(settings, { log, pluginsDir });
  const driver = createDriver(localConnection(settings.port));
  const stop = async () => {
    await driver.close();
    if (!started.alreadyRunning) await local.stop(settings);
  };
  try {
    const { records } = await driver.executeQuery(
      'SHOW PROCEDURES YIELD name WHERE name STARTS WITH "apoc." RETURN count(*) AS n',
    );
    if (!((records[0]?.get('n') as number) > 0))
      throw new Error(
        `the Neo4j at ${started.uri} runs without APOC (started earlier without plugins?): stop it and run again`,
      );
    const version = seedVersion(seedsDir);
    if ((await loadedSeedVersion(driver, undefined)) !== version) {
      log(
        `bulk-loading the seed into ${started.uri} (heap ${settings.heap}, page cache ${settings.pageCache})`,
      );
      prepared.loadSummary = await bulkLoadSeeds(driver, {
        seedsDir,
        documentsDir: path.join(seedsDir, 'documents'),
        requireTexts: true,
        database: undefined,
        reset: true,
        onProgress: (m) => log(`  ${m}`),
      });
    }
    return { driver, port: settings.port, settings, seedsDir, version, prepared, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
