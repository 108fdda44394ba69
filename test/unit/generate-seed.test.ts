import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { validateBulk } from '../../src/seed/bulk-validate.js';
import { readSeeds } from '../../src/seed/read-seeds.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-generate-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(seed: number, name: string, scale = 0.01) {
  return generate({ scale, seed, outDir: path.join(scratch, name) });
}

/** One hash over every file's path and bytes. */
function treeHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (at: string) => {
    for (const entry of fs
      .readdirSync(at, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('the synthetic seed generator', () => {
  const first = run(7, 'a');

  it('writes the same bytes for the same scale and seed, other bytes for another seed', () => {
    run(7, 'b');
    run(8, 'c');
    expect(treeHash(path.join(scratch, 'a'))).toBe(treeHash(path.join(scratch, 'b')));
    expect(treeHash(path.join(scratch, 'a'))).not.toBe(treeHash(path.join(scratch, 'c')));
  });

  it('writes a seed that passes the seed validator, quotes and checksums included', () => {
    const graph = readSeeds({
      seedsDir: first.outDir,
      documentsDir: first.documentsDir,
      requireTexts: true,
    });
    expect(graph.textsSkipped).toBeNull();
    expect(graph.entities).toHaveLength(Object.values(first.entities).reduce((a, b) => a + b, 0));
    // A few facts are recalled by a later article: stated twice, loaded once.
    expect(graph.facts.length).toBeLessThan(first.facts);
    expect(graph.facts.length).toBeGreaterThan(first.facts * 0.95);
    expect(graph.evidence).toHaveLength(first.evidence);
    expect(graph.evidence.every((e) => e.offset !== null && e.offset >= 0)).toBe(true);
  });

  it('has the shape the benchmark needs: hubs, skew, mixed precision, diacritics', () => {
    const graph = readSeeds({
      seedsDir: first.outDir,
      documentsDir: first.documentsDir,
      requireTexts: true,
    });
    const meetingsOf = new Map<string, number>();
    for (const f of graph.facts)
      if (f.type === 'PARTICIPATED_IN') meetingsOf.set(f.from, (meetingsOf.get(f.from) ?? 0) + 1);
    const counts = [...meetingsOf.values()].sort((a, b) => b - a);
    // The busiest participant (a hub) takes far more meetings than the median one.
    expect(counts[0]!).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]!);
    const precisions = new Set(
      graph.entities.flatMap((e) => (e.dates.start ? [e.dates.start.precision] : [])),
    );
    expect([...precisions].sort()).toEqual(['day', 'month', 'year']);
    expect(graph.entities.some((e) => e.name !== e.name.normalize('NFKD'))).toBe(true);
    expect(graph.entities.find((e) => e.id === 'united-nations')?.label).toBe('Organization');
  });

  it('the streaming validator agrees with readSeeds on it (version and counts)', () => {
    const graph = readSeeds({
      seedsDir: first.outDir,
      documentsDir: first.documentsDir,
      requireTexts: true,
    });
    const plan = validateBulk({
      seedsDir: first.outDir,
      documentsDir: first.documentsDir,
      requireTexts: true,
    });
    plan.cleanup();
    expect(plan.version).toBe(graph.version);
    expect(plan.distinct).toEqual({
      entities: graph.entities.length,
      facts: graph.facts.length,
      evidence: graph.evidence.length,
    });
  });

  it('refuses to overwrite a folder it did not write', () => {
    const foreign = path.join(scratch, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'mine');
    expect(() => generate({ scale: 0.01, seed: 1, outDir: foreign })).toThrow(/refusing/);
    expect(fs.readFileSync(path.join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
