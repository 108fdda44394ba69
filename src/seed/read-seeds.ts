import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateSeeds, type RowSink, type ValidatedSeed } from './bulk-validate.js';
import type { ReadSeedOptions } from './seed-files.js';
import type { EntityRecord, EvidenceRecord, FactRecord, SeedGraph } from './types.js';

export {
  displayPath,
  LOADER_FORMAT,
  listSeedFiles,
  seedVersion,
  textsAvailability,
  versionHash,
  type ReadSeedOptions,
  type SeedFile,
} from './seed-files.js';

/**
 * The validator's in-memory sink: the whole checked graph, for seeds small enough to load in one
 * transaction. A fact stated by several articles is kept once (its statements agree, or the seed
 * is invalid); a quote is kept once.
 */
class MemorySink implements RowSink {
  readonly entities: EntityRecord[] = [];
  readonly facts = new Map<string, FactRecord>();
  readonly evidence = new Map<string, EvidenceRecord>();

  add(
    _phase: number,
    part: { entities?: EntityRecord[]; evidence?: EvidenceRecord[]; facts?: FactRecord[] },
  ): void {
    this.entities.push(...(part.entities ?? []));
    for (const f of part.facts ?? []) if (!this.facts.has(f.id)) this.facts.set(f.id, f);
    for (const e of part.evidence ?? []) if (!this.evidence.has(e.id)) this.evidence.set(e.id, e);
  }

  close(): void {}
}

/**
 * Reads every seed file, checks it completely (the streaming validator every command uses), and
 * returns the graph to load, or throws SeedValidationError with every problem at file:line:column.
 */
export function readSeeds(options: ReadSeedOptions): SeedGraph {
  // The validator keeps its cross-file bookkeeping on disk (flat memory at any size).
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-seed-'));
  try {
    const sink = new MemorySink();
    const seed = validateSeeds({ ...options, workDir }, sink);
    return {
      version: seed.version,
      entities: sink.entities,
      facts: [...sink.facts.values()],
      evidence: [...sink.evidence.values()],
      textsSkipped: seed.textsSkipped,
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** Checks a seed of any size without keeping its rows (`npm run seed -- --check`). */
export function checkSeeds(
  options: ReadSeedOptions & { onProgress?: (m: string) => void },
): ValidatedSeed {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-seed-'));
  try {
    return validateSeeds({ ...options, workDir }, { add: () => {}, close: () => {} });
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
