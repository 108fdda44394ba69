import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseSink } from '../../src/seed/choose-sink.js';
import { ImportFilesSink } from '../../src/seed/import-files.js';
import type { EvidenceRecord, FactRecord } from '../../src/seed/types.js';

/**
 * The import sink writes rows as the validator hands them over; a fact stated by several
 * articles becomes one row whose evidence count is its distinct quotes, and a quote repeated by
 * two statements is one Evidence node and one CITED_IN. (That the imported graph equals the loaded
 * ones is test/integration/import.test.ts.)
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-import-files-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const fact = (id: string): FactRecord => ({
  id,
  type: 'PARTICIPATED_IN',
  from: 'viet-nam',
  to: 'summit-1',
  qualifiers: {
    capacity: 'host, "and" chair',
    role: null,
    onBehalfOf: null,
    title: null,
    key: null,
  },
  dates: {},
});
const quote = (id: string, about: string, text: string): EvidenceRecord => ({
  id,
  about,
  document: 'article-1',
  quote: text,
  offset: 3,
});
const rows = (file: string) => fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(1);

describe('the import sink', () => {
  it('collapses a restated fact and keeps a repeated quote once', () => {
    const dir = path.join(scratch, 'csv');
    const sink = new ImportFilesSink(dir);
    const a = 'viet-nam--participated-in--summit-1';
    const b = 'asean--participated-in--summit-1';
    sink.add(2, {
      facts: [fact(a)],
      evidence: [quote('e1', a, 'one'), quote('e2', a, 'two'), quote('e1', a, 'one')],
    });
    sink.add(2, { facts: [fact(b)], evidence: [quote('e4', b, 'four')] });
    sink.add(2, { facts: [fact(a)], evidence: [quote('e2', a, 'two'), quote('e3', a, 'three')] });
    sink.close();
    const files = sink.finish({
      restated: [{ id: a, type: 'PARTICIPATED_IN' }],
      repeatedEvidence: ['e1', 'e2'],
    });

    const facts = rows(path.join(dir, 'PARTICIPATED_IN.csv'));
    expect(facts).toHaveLength(2);
    expect(facts.find((r) => r.startsWith(`"${a}"`))).toBe(
      `"${a}",3,"viet-nam","summit-1","host, ""and"" chair",,,,,,,,,,,,,,,,`,
    );
    expect(facts.find((r) => r.startsWith(`"${b}"`))).toMatch(new RegExp(`^"${b}",1,`));
    expect(rows(path.join(dir, 'Evidence.csv')).map((r) => r.slice(0, 4))).toEqual([
      '"e1"',
      '"e2"',
      '"e4"',
      '"e3"',
    ]);
    expect(rows(path.join(dir, 'CITED_IN.csv'))).toHaveLength(4);
    expect(files.relationships).toBe(2 + 4);
    expect(files.nodes).toBe(4);
    expect(files.args).toContain('--multiline-fields=false');
    // Files without rows are not given to the importer.
    expect(files.args.some((a) => a.includes('CHAIRED'))).toBe(false);
  });

  it('with integer ids: entities by their index position, quotes numbered, repeats dropped by number', () => {
    const dir = path.join(scratch, 'csv-integer');
    const sink = new ImportFilesSink(dir, () => {}, true);
    const positions = new Map([
      ['article-1', 0],
      ['viet-nam', 1],
      ['summit-1', 2],
    ]);
    sink.begin((id) => positions.get(id) ?? -1);
    const a = 'viet-nam--participated-in--summit-1';
    sink.add(2, { facts: [fact(a)], evidence: [quote('e1', a, 'one'), quote('e2', a, 'two')] });
    sink.add(2, { facts: [fact(a)], evidence: [quote('e2', a, 'two'), quote('e3', a, 'three')] });
    sink.close();
    const files = sink.finish({
      restated: [{ id: a, type: 'PARTICIPATED_IN' }],
      repeatedEvidence: ['e2'],
    });

    expect(fs.readFileSync(path.join(dir, 'Evidence.csv'), 'utf8').split('\n')[0]).toBe(
      ':ID(Evidence),id,about,document,quote,offset:double',
    );
    // The second "e2" (quote number 2) is dropped, with its CITED_IN.
    expect(rows(path.join(dir, 'Evidence.csv')).map((r) => r.split(',').slice(0, 2))).toEqual([
      ['0', '"e1"'],
      ['1', '"e2"'],
      ['3', '"e3"'],
    ]);
    expect(rows(path.join(dir, 'CITED_IN.csv'))).toEqual(['0,0', '1,0', '3,0']);
    expect(rows(path.join(dir, 'PARTICIPATED_IN.csv'))).toEqual([
      `"${a}",3,1,2,"host, ""and"" chair",,,,,,,,,,,,,,,,`,
    ]);
    expect(files.args[0]).toBe('--id-type=integer');
    expect(files.relationships).toBe(1 + 3);
  });

  it('is chosen by size: transactional when small, the importer for a large first load', () => {
    expect(chooseSink({ bytes: 100_000, local: true, empty: true }).sink).toBe('transactional');
    expect(chooseSink({ bytes: 20e6, local: true, empty: true }).sink).toBe('batched');
    expect(chooseSink({ bytes: 150e6, local: true, empty: true }).sink).toBe('import');
    expect(chooseSink({ bytes: 150e6, local: true, empty: false }).sink).toBe('batched');
    expect(chooseSink({ bytes: 150e6, local: false, empty: true }).sink).toBe('batched');
  });
});
