import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalNeo4jSettings } from '../../src/config/env.js';
import {
  importingDir,
  lockForImport,
  previousDir,
  recoverStore,
  storeDir,
  swapInImport,
} from '../../src/local-neo4j/store-swap.js';

/**
 * The import's store swap, cut at every point a kill can land: recoverStore always leaves one
 * usable data/ folder, the previous store unless the new one was completely in place.
 */

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

function home(folders: Record<string, string>): LocalNeo4jSettings {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-swap-'));
  homes.push(dir);
  for (const [name, content] of Object.entries(folders)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'store'), content);
  }
  return { home: dir, port: 1, heap: '1g', pageCache: '1m' };
}

const store = (s: LocalNeo4jSettings) => fs.readFileSync(path.join(storeDir(s), 'store'), 'utf8');
const leftovers = (s: LocalNeo4jSettings) =>
  [importingDir(s), previousDir(s)].filter((d) => fs.existsSync(d));

describe('the store swap of an import', () => {
  it('a complete import replaces the store', () => {
    const s = home({ data: 'old', 'data.importing': 'new' });
    swapInImport(s);
    expect(store(s)).toBe('new');
    expect(leftovers(s)).toEqual([]);
  });

  it('killed during the import: the unfinished store is dropped, the old one stays', () => {
    const s = home({ data: 'old', 'data.importing': 'half' });
    recoverStore(s);
    expect(store(s)).toBe('old');
    expect(leftovers(s)).toEqual([]);
  });

  it('killed between the two renames: the old store is put back', () => {
    const s = home({ 'data.previous': 'old', 'data.importing': 'new' });
    recoverStore(s);
    expect(store(s)).toBe('old');
    expect(leftovers(s)).toEqual([]);
  });

  it('killed before the old store was deleted: the new store stays', () => {
    const s = home({ data: 'new', 'data.previous': 'old' });
    recoverStore(s);
    expect(store(s)).toBe('new');
    expect(leftovers(s)).toEqual([]);
  });

  it('leaves a running import alone', () => {
    const s = home({ data: 'old', 'data.importing': 'half' });
    // The lock names a live process other than this one (the test runner's parent).
    fs.writeFileSync(path.join(s.home, 'import.pid'), String(process.ppid));
    recoverStore(s);
    expect(fs.existsSync(importingDir(s))).toBe(true);
    expect(() => lockForImport(s)).toThrow(/another import/);
  });
});
