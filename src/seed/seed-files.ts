import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENTS_FILE, ENTITY_FILES, type EntityFileSpec } from './checker.js';
import { SeedValidationError, type SeedIssue } from './types.js';

/**
 * The seed folder as every reader sees it: its files in reading order, how they are shown in
 * messages, where the article texts are, and the seed version (a hash over the files).
 */

/** Bumped when the stored shape changes, so a changed loader reloads an unchanged seed. */
export const LOADER_FORMAT = 'kg-seed-v2';

export interface ReadSeedOptions {
  seedsDir: string;
  documentsDir: string;
  /** Fail instead of skipping quote and checksum checks when the texts are absent. */
  requireTexts: boolean;
}

/** A seed file as shown in messages: relative to the working directory. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

export interface SeedFile {
  file: string;
  /** Path relative to the seed folder, as hashed into the version. */
  name: string;
  spec?: EntityFileSpec;
  kind: 'documents' | 'entities' | 'facts';
}

/**
 * The seed's files in reading order (documents.yaml, entities/*, facts/*, each folder sorted), with
 * the problems of the folder's layout. The seed version is a hash over these files in this order.
 */
export function listSeedFiles(seedsDir: string): { files: SeedFile[]; issues: SeedIssue[] } {
  const files: SeedFile[] = [];
  const issues: SeedIssue[] = [];
  if (!fs.existsSync(seedsDir))
    throw new SeedValidationError([
      { file: seedsDir, line: 1, column: 1, message: 'seed folder not found' },
    ]);
  const documentsFile = path.join(seedsDir, 'documents.yaml');
  if (!fs.existsSync(documentsFile)) {
    issues.push({
      file: displayPath(documentsFile),
      line: 1,
      column: 1,
      message: 'missing: every seed needs its documents',
    });
  } else {
    files.push({
      file: documentsFile,
      name: 'documents.yaml',
      spec: DOCUMENTS_FILE,
      kind: 'documents',
    });
  }
  for (const sub of ['entities', 'facts'] as const) {
    const dir = path.join(seedsDir, sub);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (!/\.ya?ml$/.test(name)) continue;
      const spec = ENTITY_FILES[name];
      if (sub === 'facts') files.push({ file, name: path.join(sub, name), kind: 'facts' });
      else if (spec) files.push({ file, name: path.join(sub, name), spec, kind: 'entities' });
      else
        issues.push({
          file: displayPath(file),
          line: 1,
          column: 1,
          message: `unknown entity file: expected one of ${Object.keys(ENTITY_FILES).join(', ')}`,
        });
    }
  }
  return { files, issues };
}

/** Starts the seed version hash; callers feed it each file's name and text in reading order. */
export function versionHash(): crypto.Hash {
  return crypto.createHash('sha256').update(LOADER_FORMAT);
}

/**
 * The version readSeeds and the bulk loader record for a seed folder, computed without checking
 * anything (reads every file once, streaming): to tell whether a database already holds it.
 */
export function seedVersion(seedsDir: string): string {
  const hash = versionHash();
  const buffer = Buffer.alloc(1 << 20);
  for (const file of listSeedFiles(seedsDir).files) {
    hash.update(file.name);
    const fd = fs.openSync(file.file, 'r');
    try {
      // For valid UTF-8, hashing the bytes equals hashing the text readSeeds hashes.
      for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;)
        hash.update(buffer.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where the texts are, and whether their absence is a problem. */
export function textsAvailability(options: ReadSeedOptions): {
  present: boolean;
  skipped: string | null;
  issue?: SeedIssue;
} {
  if (fs.existsSync(options.documentsDir)) return { present: true, skipped: null };
  return {
    present: false,
    skipped: `documents folder ${options.documentsDir} not found: quote and checksum checks were skipped`,
    ...(options.requireTexts
      ? {
          issue: {
            file: options.documentsDir,
            line: 1,
            column: 1,
            message: 'documents folder not found, and quote checks are required',
          },
        }
      : {}),
  };
}
