import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { validateBulk } from '../../src/seed/bulk-validate.js';
import { readSeeds, seedVersion } from '../../src/seed/read-seeds.js';
import { formatIssue, SeedValidationError, type SeedIssue } from '../../src/seed/types.js';
import { copySeeds, documentsDir, seedOptions } from '../support/seeds.js';

/**
 * One streaming validator serves every command, through a sink: readSeeds (in memory) and the
 * batched load (a spool; the import's CSV sink is fed the same way) must judge a seed alike: the
 * same problems at the same file:line:column, whether a file is read whole or in chunks. (The exact positions are pinned in
 * test/integration/seed-bad-input.test.ts.)
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-validate-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function issuesOf(read: () => unknown): string[] {
  try {
    read();
    return [];
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    return error.issues.map((i: SeedIssue) => formatIssue(i));
  }
}

function both(seedsDir: string, texts = documentsDir) {
  const options = { ...seedOptions({ seedsDir }), documentsDir: texts };
  return {
    memory: issuesOf(() => readSeeds(options)),
    bulk: issuesOf(() => validateBulk(options).cleanup()),
  };
}

function edit(dir: string, file: string, find: string | RegExp, replace: string): void {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  const edited = text.replace(find, replace);
  expect(edited, `the edit of ${file} changes something`).not.toBe(text);
  fs.writeFileSync(full, edited);
}

const FACTS_VNA = 'facts/vna-2019-12-asean-un-regional-dialogue.yaml';

interface Case {
  name: string;
  file: string;
  find: string;
  replace: string;
  message: RegExp;
  /** Schema problems drop a whole file in readSeeds but one item in the stream: fewer echoes. */
  subset?: boolean;
}

const curatedCases: Case[] = [
  {
    name: 'YAML syntax error',
    file: 'entities/persons.yaml',
    find: 'name: Nguyễn Xuân Phúc',
    replace: 'name: Nguyễn: Xuân Phúc',
    message: /YAML: Nested mappings/,
  },
  {
    name: 'duplicate id across files',
    file: 'entities/places.yaml',
    find: '- id: hanoi',
    replace: '- id: vietnam',
    message: /duplicate id "vietnam"/,
  },
  {
    name: 'unknown reference',
    file: FACTS_VNA,
    find: 'from: nguyen-quoc-dung',
    replace: 'from: nguyen-quoc-dzung',
    message: /unknown id "nguyen-quoc-dzung"/,
  },
  {
    name: 'wrong endpoint kinds',
    file: FACTS_VNA,
    find: 'to: asean-un-cooperation',
    replace: 'to: hanoi',
    message: /COVERED cannot join/,
  },
  {
    name: 'impossible date',
    file: 'entities/meetings.yaml',
    find: 'start: "2019-12-03"',
    replace: 'start: "2019-02-30"',
    message: /not a valid ISO 8601 date/,
  },
  {
    name: 'quote not verbatim',
    file: FACTS_VNA,
    find: `quote: "s'est ouvert à Hanoï le 3 décembre"`,
    replace: `quote: "s'est ouvert à Hanoi le 3 décembre"`,
    message: /quote not found verbatim/,
  },
  {
    name: 'document text changed',
    file: 'documents.yaml',
    find: 'sha256: 5bc5c7279bce',
    replace: 'sha256: 0bc5c7279bce',
    message: /changed: its SHA-256/,
  },
  {
    name: 'one fact stated with conflicting qualifiers',
    file: FACTS_VNA,
    find: 'role: non_permanent_member',
    replace: 'role: permanent_member',
    message: /stated with other qualifiers/,
  },
  {
    name: 'unknown publisher',
    file: 'documents.yaml',
    find: 'publisher: nhan-dan',
    replace: 'publisher: hanoi',
    message: /publisher "hanoi" is not a known organization/,
  },
  {
    name: 'unknown property',
    file: 'entities/persons.yaml',
    find: '    name: António Guterres\n',
    replace: '    name: António Guterres\n    nickname: Tony\n',
    message: /unknown property "nickname"/,
    subset: true,
  },
  {
    name: 'missing required property',
    file: 'entities/persons.yaml',
    find: '    name: António Guterres\n',
    replace: '',
    message: /must have required property 'name'/,
    subset: true,
  },
];

describe('the bulk validator reports what readSeeds reports, where it reports it', () => {
  it('accepts the curated seed with the same version and counts', () => {
    const graph = readSeeds(seedOptions());
    const plan = validateBulk(seedOptions());
    plan.cleanup();
    expect(plan.version).toBe(graph.version);
    expect(seedVersion(seedOptions().seedsDir)).toBe(graph.version);
    expect(plan.distinct).toEqual({
      entities: graph.entities.length,
      facts: graph.facts.length,
      evidence: graph.evidence.length,
    });
  });

  it.each(curatedCases)('$name', (bad) => {
    const dir = copySeeds();
    edit(dir, bad.file, bad.find, bad.replace);
    const { memory, bulk } = both(dir);
    const wanted = memory.find((i) => bad.message.test(i));
    expect(wanted, memory.join('\n')).toBeDefined();
    expect(bulk).toContain(wanted);
    if (bad.subset) for (const issue of bulk) expect(memory).toContain(issue);
    else expect(bulk).toEqual(memory);
  });

  describe('in files long enough to be read in chunks', () => {
    // 600 meetings: meetings.yaml is read in two chunks (of 500 and 100).
    const base = generate({ scale: 0.03, seed: 11, outDir: path.join(scratch, 'base') }).outDir;
    const copy = () => {
      const dir = fs.mkdtempSync(path.join(scratch, 'case-'));
      fs.cpSync(base, dir, { recursive: true });
      return dir;
    };
    const meetingIds = [
      ...fs
        .readFileSync(path.join(base, 'entities/meetings.yaml'), 'utf8')
        .matchAll(/^ {2}- id: (\S+)$/gm),
    ].map((m) => m[1]!);

    it('a bad date in the second chunk', () => {
      const dir = copy();
      const id = meetingIds[550]!;
      edit(
        dir,
        'entities/meetings.yaml',
        new RegExp(`(- id: ${id}\\n(?:    .*\\n)*?    start: )"[^"]+"`),
        '$1"2019-02-30"',
      );
      const { memory, bulk } = both(dir, path.join(dir, 'documents'));
      expect(memory).toHaveLength(1);
      expect(bulk).toEqual(memory);
    }, 60_000);

    it('a duplicate id across chunks', () => {
      const dir = copy();
      edit(dir, 'entities/meetings.yaml', `- id: ${meetingIds[560]}\n`, `- id: ${meetingIds[3]}\n`);
      const { memory, bulk } = both(dir, path.join(dir, 'documents'));
      expect(memory.find((i) => /duplicate id/.test(i))).toBeDefined();
      expect(bulk).toEqual(memory);
    }, 60_000);

    it('a YAML error in a late chunk', () => {
      const dir = copy();
      edit(dir, 'entities/meetings.yaml', `- id: ${meetingIds[580]}\n`, `- id: [oops\n`);
      const { memory, bulk } = both(dir, path.join(dir, 'documents'));
      const yamlError = memory.find((i) => /YAML/.test(i));
      expect(yamlError).toBeDefined();
      expect(bulk).toContain(yamlError);
      // readSeeds drops the whole file, the stream one chunk: it echoes fewer unknown ids (and
      // lists at most 1,000 of them, then says how many more there are).
      const listed = bulk.filter((i) => !/more problem\(s\) not listed/.test(i));
      for (const issue of listed) expect(memory).toContain(issue);
    }, 60_000);
  });
});
