import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDocumentsDir, projectRoot } from '../../src/config/env.js';
import type { ReadSeedOptions } from '../../src/seed/read-seeds.js';

export const seedsDir = path.join(projectRoot, 'seeds');
export const documentsDir = process.env.SEED_DOCUMENTS_DIR ?? defaultDocumentsDir();

export function seedOptions(overrides: Partial<ReadSeedOptions> = {}): ReadSeedOptions {
  return { seedsDir, documentsDir, requireTexts: true, ...overrides };
}

/** A scratch copy of the seed folder that a test may break. */
export function copySeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seeds-'));
  fs.cpSync(seedsDir, dir, { recursive: true });
  return dir;
}
