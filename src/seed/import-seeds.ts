import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { localConnection, type LocalNeo4jSettings } from '../config/env.js';
import { cypher } from '../db/cypher.js';
import { createDriver } from '../db/driver.js';
import * as local from '../local-neo4j/manager.js';
import { importCommandArgs, offlineImport } from '../local-neo4j/offline-import.js';
import { storeDir } from '../local-neo4j/store-swap.js';
import { recordLoadedVersion } from './bulk-load.js';
import {
  validateSeeds,
  type BulkPlan,
  type BulkValidateOptions,
  type ValidatedSeed,
} from './bulk-validate.js';
import { ImportFilesSink, type ImportFiles } from './import-files.js';
import { ensureSchema } from './load.js';

/**
 * The first load of a large seed through Neo4j's offline importer: validate (streaming, the
 * checks of every load), write the import files, stop the local Neo4j, import into a new store and
 * swap it in, start Neo4j again, build the indexes and constraints the API needs, and only then
 * record the seed version. For a remote server the files and the command are prepared for its
 * operator (an offline import runs on the server's own disk), and finishImport does the rest.
 */

/** A refusal to import into a database that holds data (without --force). */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
  readonly code = 'TARGET_NOT_EMPTY';
}

/** What the import files are of, kept beside them so the finishing step needs no seed. */
export interface ImportManifest {
  version: string;
  distinct: BulkPlan['distinct'];
}

const MANIFEST = 'import.json';

export interface PrepareOptions extends BulkValidateOptions {
  /** Folder for the import files; must be empty or absent. */
  outDir: string;
}

export interface Prepared {
  plan: ValidatedSeed;
  files: ImportFiles;
  manifest: ImportManifest;
}

/**
 * Validates the seed and writes the import files and their manifest into outDir, in one pass: the
 * validator hands its checked rows to the import sink, which writes the CSV files as they come.
 */
export function prepareImport(options: PrepareOptions): Prepared {
  const say = options.onProgress ?? (() => {});
  if (fs.existsSync(options.outDir) && fs.readdirSync(options.outDir).length > 0)
    throw new ImportRefusedError(`${options.outDir} is not empty: give a new folder for the files`);
  fs.mkdirSync(options.outDir, { recursive: true });
  say('validating the seed and writing the import files (imported only if all of it is valid)');
  const workDir = path.join(options.outDir, 'work');
  let seed: ValidatedSeed;
  let files: ImportFiles;
  try {
    const sink = new ImportFilesSink(path.join(options.outDir, 'csv'), say, true);
    try {
      seed = validateSeeds({ ...options, workDir }, sink);
    } finally {
      sink.close();
      fs.rmSync(workDir, { recursive: true, force: true });
    }
    say(
      `seed valid in ${(seed.millis / 1000).toFixed(1)} s: ${seed.distinct.entities} entities, ` +
        `${seed.distinct.facts} facts, ${seed.distinct.evidence} quotes`,
    );
    files = sink.finish(seed);
  } catch (error) {
    fs.rmSync(options.outDir, { recursive: true, force: true });
    throw error;
  }
  const manifest: ImportManifest = { version: seed.version, distinct: seed.distinct };
  fs.writeFileSync(path.join(options.outDir, MANIFEST), JSON.stringify(manifest, null, 2));
  return { plan: seed, files, manifest };
}

export function readManifest(outDir: string): ImportManifest {
  return JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST), 'utf8')) as ImportManifest;
}

/** The command an operator runs on the server (its Neo4j stopped), for prepared files. */
export function operatorCommand(files: ImportFiles): string {
  return ['neo4j-admin', ...importCommandArgs(files.args, ['--overwrite-destination=true'])]
    .map((a) => (/^[\w=:./,+-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`))
    .join(' \\\n  ');
}

/**
 * After the importer: the indexes, constraints and full-text index (waiting until they are
 * online), a check that the graph holds the whole seed, then the seed version.
 */
export async function finishImport(
  driver: Driver,
  database: string | undefined,
  manifest: ImportManifest,
  say: (message: string) => void = () => {},
): Promise<{ millis: number; labels: Record<string, number>; types: Record<string, number> }> {
  const started = Date.now();
  say('creating the indexes, constraints and full-text index, waiting until they are online');
  await ensureSchema(driver, database, cypher('bulk/await-indexes'));
  say(`indexes online in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const counts = await recordLoadedVersion(driver, database, manifest, 'import');
  return { millis: Date.now() - started, ...counts };
}

/** What the target database holds. */
export async function countAll(
  driver: Driver,
  database: string | undefined,
): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(cypher('import/count-all'), {}, { database });
  return {
    nodes: Number(records[0]!.get('nodes')),
    relationships: Number(records[0]!.get('relationships')),
  };
}

export interface ImportSeedsOptions extends BulkValidateOptions {
  /** Replace a database that holds data. */
  force?: boolean;
  /** Keep the import files (in the local Neo4j's home, import-files/). */
  keepFiles?: boolean;
  heap?: string;
  offHeap?: string;
}

export interface ImportSummary {
  version: string;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** What --force replaced (nodes and relationships of the previous database). */
  replaced: { nodes: number; relationships: number };
  relationships: number;
  nodes: number;
  /** The validation pass, which writes the import files as it goes. */
  validateMillis: number;
  /** Of which writing the files (and collapsing restated facts after it). */
  filesMillis: number;
  importMillis: number;
  /** Starting Neo4j on the new store. */
  restartMillis: number;
  /** Empty lists, indexes, constraints, the count check and the version. */
  indexMillis: number;
  millis: number;
  /** Relationships per second end to end, and of the importer alone. */
  relationshipsPerSecond: number;
  importRelationshipsPerSecond: number;
  peakRssMb: number;
  textsSkipped: string | null;
}

/** Imports a seed into the local Neo4j (see the top of this file). */
export async function importSeeds(
  settings: LocalNeo4jSettings,
  options: ImportSeedsOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  const say = options.onProgress ?? (() => {});
  const wasRunning = (await local.status(settings)).running;
  const connect = async () => {
    await local.start(settings, { log: say });
    return createDriver(localConnection(settings.port));
  };

  // The target first: a refusal should not wait for a long validation.
  let replaced = { nodes: 0, relationships: 0 };
  if (wasRunning || fs.existsSync(storeDir(settings))) {
    const driver = await connect();
    try {
      replaced = await countAll(driver, undefined);
    } finally {
      await driver.close();
      if (!wasRunning) await local.stop(settings);
    }
  }
  if (replaced.nodes > 0) {
    const what = `${replaced.nodes} nodes and ${replaced.relationships} relationships`;
    if (!options.force)
      throw new ImportRefusedError(
        `the local database (${storeDir(settings)}) is not empty: it holds ${what}. ` +
          'An import replaces the whole database: add --force to delete them, or use ' +
          '`npm run load-bulk` to load into it.',
      );
    say(`--force: the import deletes the ${what} of ${storeDir(settings)} once it has succeeded`);
  }

  const workDir = path.join(settings.home, 'import-files');
  fs.rmSync(workDir, { recursive: true, force: true });
  try {
    const { plan, files, manifest } = prepareImport({ ...options, outDir: workDir });
    say(
      `import files written in ${(files.millis / 1000).toFixed(1)} s: ${files.nodes} nodes, ` +
        `${files.relationships} relationships, ${Math.round(files.bytes / 1e6)} MB`,
    );
    if ((await local.status(settings)).running) {
      say('stopping the local Neo4j for the import');
      await local.stop(settings);
    }
    say('running neo4j-admin database import full into a new store');
    let imported;
    try {
      imported = await offlineImport(settings, {
        inputArgs: files.args,
        workDir,
        ...(options.heap ? { heap: options.heap } : {}),
        ...(options.offHeap ? { offHeap: options.offHeap } : {}),
        log: say,
      });
    } catch (error) {
      // The previous database is untouched: give it back as it was found.
      if (wasRunning) await local.start(settings, { log: say });
      throw error;
    }
    say(
      `imported in ${(imported.millis / 1000).toFixed(1)} s ` +
        `(${Math.round(files.relationships / (imported.millis / 1000))} relationships/s); starting Neo4j`,
    );
    const restarting = Date.now();
    const driver = await connect();
    const restartMillis = Date.now() - restarting;
    let finished;
    try {
      finished = await finishImport(driver, undefined, manifest, say);
    } finally {
      await driver.close();
    }
    if (!wasRunning) await local.stop(settings);
    const millis = Date.now() - started;
    return {
      version: plan.version,
      labels: finished.labels,
      types: finished.types,
      replaced,
      relationships: files.relationships,
      nodes: files.nodes,
      validateMillis: plan.millis,
      filesMillis: files.millis,
      importMillis: imported.millis,
      restartMillis,
      indexMillis: finished.millis,
      millis,
      relationshipsPerSecond: Math.round(files.relationships / (millis / 1000)),
      importRelationshipsPerSecond: Math.round(files.relationships / (imported.millis / 1000)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      textsSkipped: plan.textsSkipped,
    };
  } finally {
    if (!options.keepFiles) fs.rmSync(workDir, { recursive: true, force: true });
  }
}
