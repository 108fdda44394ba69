import fs from 'node:fs';
import { listSeedFiles } from './seed-files.js';

/**
 * Which of the validator's three sinks `npm run seed` uses when it is not told (`--sink auto`),
 * from the size of the seed's YAML files:
 *
 * - up to TRANSACTIONAL_MAX_BYTES: the transactional load (the whole checked graph in memory and
 *   one transaction: all or nothing, prunes what the seed no longer has);
 * - above that, into an empty local database, from IMPORT_MIN_BYTES: Neo4j's offline importer
 *   (its fixed costs, a JVM and two Neo4j starts, pay off only for a large seed);
 * - otherwise the batched load (streaming, memory flat in the seed's size, into a live database).
 */
export type SinkName = 'transactional' | 'batched' | 'import';

export const SINK_NAMES: readonly SinkName[] = ['transactional', 'batched', 'import'];

/** 10 MB of YAML holds ~20,000 facts: the in-memory graph stays well inside the 160 MB heap bound of `npm run seed`. */
export const TRANSACTIONAL_MAX_BYTES = 10_000_000;
/** 50 MB of YAML (about half the generator's scale 1, ~110,000 facts): below it, the import's fixed costs (a JVM, two Neo4j starts, every index built) outweigh its speed. */
export const IMPORT_MIN_BYTES = 50_000_000;

/** Bytes of the seed's YAML files (not the article texts). */
export function seedBytes(seedsDir: string): number {
  return listSeedFiles(seedsDir).files.reduce((n, f) => n + fs.statSync(f.file).size, 0);
}

export function chooseSink(target: {
  bytes: number;
  /** The project's local Neo4j (an offline import needs the server's disk). */
  local: boolean;
  /** The target database holds nothing. */
  empty: boolean;
}): { sink: SinkName; why: string } {
  const mb = `${(target.bytes / 1e6).toFixed(1)} MB of YAML`;
  if (target.bytes <= TRANSACTIONAL_MAX_BYTES)
    return { sink: 'transactional', why: `${mb} (≤ ${TRANSACTIONAL_MAX_BYTES / 1e6} MB)` };
  if (target.local && target.empty && target.bytes >= IMPORT_MIN_BYTES)
    return {
      sink: 'import',
      why: `${mb} (≥ ${IMPORT_MIN_BYTES / 1e6} MB) into an empty local database`,
    };
  const why = !target.local
    ? 'a remote server (an offline import needs its disk)'
    : !target.empty
      ? 'a database that holds data'
      : `under ${IMPORT_MIN_BYTES / 1e6} MB`;
  return { sink: 'batched', why: `${mb} (> ${TRANSACTIONAL_MAX_BYTES / 1e6} MB), ${why}` };
}
