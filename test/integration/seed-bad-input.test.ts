import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { loadSeedGraph } from '../../src/seed/load.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
import { SeedValidationError, type SeedIssue } from '../../src/seed/types.js';
import { dumpGraph } from '../support/graph-dump.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { copySeeds, seedOptions } from '../support/seeds.js';

const driver = testDriver();
const { database } = testConnection();
let before: string[];

beforeAll(async () => {
  before = await dumpGraph(driver, database);
});
afterAll(() => driver.close());

interface BadCase {
  name: string;
  file: string;
  /** Text to replace (first occurrence) ... */
  find?: string;
  /** ... with this; or an edit of the whole folder. */
  replace?: string;
  edit?: (dir: string) => void;
  /** The issue must stand on the line where this text is in the edited file (default: replace). */
  lineOf?: string;
  message: RegExp;
  documentsDir?: (dir: string) => string;
}

const FACTS_VNA = 'facts/vna-2019-12-asean-un-regional-dialogue.yaml';

const cases: BadCase[] = [
  {
    name: 'YAML syntax error',
    file: 'entities/persons.yaml',
    find: 'name: Nguyễn Xuân Phúc',
    replace: 'name: Nguyễn: Xuân Phúc',
    lineOf: 'name: Nguyễn:',
    message: /YAML: Nested mappings are not allowed/,
  },
  {
    name: 'duplicate YAML key',
    file: 'entities/persons.yaml',
    find: '    name: António Guterres\n',
    replace: '    name: António Guterres\n    name: Again\n',
    lineOf: 'name: Again',
    message: /YAML: Map keys must be unique/,
  },
  {
    name: 'missing required property',
    file: 'entities/persons.yaml',
    find: '    name: António Guterres\n',
    replace: '',
    lineOf: '- id: antonio-guterres',
    message: /must have required property 'name'/,
  },
  {
    name: 'unknown property',
    file: 'entities/persons.yaml',
    find: '    name: António Guterres\n',
    replace: '    name: António Guterres\n    nickname: Tony\n',
    lineOf: 'nickname',
    message: /unknown property "nickname"/,
  },
  {
    name: 'id that is not a slug',
    file: 'entities/places.yaml',
    find: '- id: hanoi',
    replace: '- id: Ha_Noi',
    lineOf: 'Ha_Noi',
    message: /id: must match pattern/,
  },
  {
    name: 'duplicate id across files',
    file: 'entities/places.yaml',
    find: '- id: hanoi',
    replace: '- id: vietnam',
    lineOf: '- id: vietnam',
    message: /duplicate id "vietnam" \(first defined at .*organizations\.yaml:\d+\)/,
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
    lineOf: 'type: COVERED\n    from: asean-un-regional-dialogue-2019-12\n    to: hanoi',
    message: /COVERED cannot join Meeting "asean-un-regional-dialogue-2019-12" to Place "hanoi"/,
  },
  {
    name: 'unknown relationship type',
    file: FACTS_VNA,
    find: 'type: HELD_IN',
    replace: 'type: LOCATED_AT',
    message: /must be one of .*CHAIRED/,
  },
  {
    name: 'impossible date',
    file: 'entities/meetings.yaml',
    find: 'start: "2019-12-03"',
    replace: 'start: "2019-02-30"',
    message: /"2019-02-30" is not a valid ISO 8601 date/,
  },
  {
    name: 'date not in ISO 8601',
    file: 'entities/meetings.yaml',
    find: 'start: "2019-12-03"',
    replace: 'start: "3 décembre 2019"',
    message: /start: must match pattern/,
  },
  {
    name: 'end before start',
    file: 'entities/meetings.yaml',
    find: 'end: "2019-12-04"',
    replace: 'end: "2019-11-30"',
    message: /end 2019-11-30 is before start 2019-12-03/,
  },
  {
    name: 'quote not verbatim',
    file: FACTS_VNA,
    find: `quote: "s'est ouvert à Hanoï le 3 décembre"`,
    replace: `quote: "s'est ouvert à Hanoi le 3 décembre"`,
    message: /quote not found verbatim in vna-2019-12-asean-un-regional-dialogue/,
  },
  {
    name: 'document text changed (checksum)',
    file: 'documents.yaml',
    find: 'sha256: 5bc5c7279bce',
    replace: 'sha256: 0bc5c7279bce',
    message: /the text of 001_5d51021157d473e9\.txt changed: its SHA-256 is 5bc5c727/,
  },
  {
    name: 'evidence citing an unknown document',
    file: 'entities/persons.yaml',
    find: '      - document: nhandan-2021-04-unsc-high-level-debate',
    replace: '      - document: nhandan-2099-01-unknown',
    message: /unknown document "nhandan-2099-01-unknown"/,
  },
  {
    name: 'onBehalfOf that is not an organization',
    file: FACTS_VNA,
    find: 'onBehalfOf: vietnam',
    replace: 'onBehalfOf: hanoi',
    message: /onBehalfOf "hanoi" is not a known organization/,
  },
  {
    name: 'one fact stated with conflicting qualifiers',
    file: FACTS_VNA,
    find: 'role: non_permanent_member',
    replace: 'role: permanent_member',
    lineOf: 'type: MEMBER_OF',
    message:
      /the same MEMBER_OF fact vietnam → un-security-council is stated with other qualifiers/,
  },
  {
    name: 'empty evidence',
    file: FACTS_VNA,
    find: `    evidence:\n      - quote: "s'est ouvert à Hanoï le 3 décembre"`,
    replace: '    evidence: []',
    lineOf: 'evidence: []',
    message: /evidence: must NOT have fewer than 1 items/,
  },
  {
    name: 'facts file named after another document',
    file: FACTS_VNA,
    edit: (dir) => fs.renameSync(path.join(dir, FACTS_VNA), path.join(dir, 'facts/vna.yaml')),
    lineOf: 'document:',
    message: /belong in facts\/vna-2019-12-asean-un-regional-dialogue\.yaml/,
  },
  {
    name: 'unknown entity file',
    file: 'entities/animals.yaml',
    edit: (dir) => fs.writeFileSync(path.join(dir, 'entities/animals.yaml'), 'animals: []\n'),
    lineOf: 'animals',
    message: /unknown entity file/,
  },
  {
    name: 'document text missing from the documents folder',
    file: 'documents.yaml',
    edit: () => {},
    documentsDir: () => fs.mkdtempSync(path.join(os.tmpdir(), 'no-texts-')),
    lineOf: 'file: 000_',
    message: /document text .*000_f1f74f28f6e10c66\.txt not found/,
  },
  {
    name: 'unknown publisher',
    file: 'documents.yaml',
    find: 'publisher: nhan-dan',
    replace: 'publisher: hanoi',
    message: /publisher "hanoi" is not a known organization/,
  },
];

function lineNumber(text: string, marker: string): number {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker not in file: ${marker}`);
  return text.slice(0, at).split('\n').length + (marker.startsWith('\n') ? 1 : 0);
}

/** The CLI's path: validate everything, and load only when all is valid. */
async function attemptSeed(seedsDir: string, documentsDir?: string): Promise<SeedIssue[]> {
  try {
    const graph = readSeeds(seedOptions({ seedsDir, ...(documentsDir ? { documentsDir } : {}) }));
    await loadSeedGraph(driver, graph, { database });
    return [];
  } catch (error) {
    if (error instanceof SeedValidationError) return error.issues;
    throw error;
  }
}

describe('bad seed input gets a precise error and loads nothing', () => {
  it.each(cases)('$name', async (bad) => {
    const dir = copySeeds();
    const file = path.join(dir, bad.file);
    if (bad.edit) bad.edit(dir);
    if (bad.find !== undefined) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, 'the case edits text that exists').toContain(bad.find);
      fs.writeFileSync(file, text.replace(bad.find, bad.replace ?? ''));
    }
    const issues = await attemptSeed(dir, bad.documentsDir?.(dir));
    const match = issues.find((i) => bad.message.test(i.message));
    expect(
      match,
      `no issue matching ${bad.message} among:\n${issues.map((i) => i.message).join('\n')}`,
    ).toBeDefined();
    const shownFile = fs.existsSync(file) ? file : path.join(dir, 'facts/vna.yaml');
    expect(path.resolve(match!.file)).toBe(path.resolve(shownFile));
    const marker = bad.lineOf ?? bad.replace!;
    expect(match!.line).toBe(lineNumber(fs.readFileSync(shownFile, 'utf8'), marker));
    expect(match!.column).toBeGreaterThan(0);
    expect(await dumpGraph(driver, database)).toEqual(before);
  });

  it('the seed command prints file:line:column for each problem and exits 1', async () => {
    const dir = copySeeds();
    const file = path.join(dir, FACTS_VNA);
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('from: nguyen-quoc-dung', 'from: nobody'),
    );
    const run = promisify(execFile);
    const result = await run('npx', ['tsx', 'src/cli/seed.ts', '--check', '--seeds', dir], {
      cwd: projectRoot,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toMatch(
      new RegExp(`${FACTS_VNA.replace(/[./]/g, '\\$&')}:52:11: unknown id "nobody"`),
    );
    expect((result as { stderr: string }).stderr).toContain('nothing was loaded');
  }, 60_000);
});

describe('loading is atomic and idempotent', () => {
  it('a load that fails half-way leaves the graph as it was', async () => {
    const graph = readSeeds(seedOptions());
    const broken = structuredClone(graph);
    broken.entities[0]!.name = 'Renamed by a load that must not land';
    // Documents load after every other label: make the last one unstorable (a map property).
    const lastDocument = broken.entities.filter((e) => e.label === 'Document').at(-1)!;
    (lastDocument.properties as Record<string, unknown>).title = {
      nested: 'maps cannot be stored',
    };
    await expect(loadSeedGraph(driver, broken, { database })).rejects.toThrow();
    expect(await dumpGraph(driver, database)).toEqual(before);
  });

  it('loading the same seed twice yields exactly the same graph', async () => {
    const graph = readSeeds(seedOptions());
    await loadSeedGraph(driver, graph, { database });
    const once = await dumpGraph(driver, database);
    await loadSeedGraph(driver, graph, { database });
    expect(await dumpGraph(driver, database)).toEqual(once);
    await loadSeedGraph(driver, graph, { database, reset: true });
    expect(await dumpGraph(driver, database)).toEqual(once);
    expect(once).toEqual(before);
  });

  it('a reload removes what the seed no longer has', async () => {
    const graph = readSeeds(seedOptions());
    const smaller = structuredClone(graph);
    const dropped = smaller.facts.pop()!;
    smaller.evidence = smaller.evidence.filter((e) => e.about !== dropped.id);
    await loadSeedGraph(driver, smaller, { database });
    const { records } = await driver.executeQuery(
      'MATCH ()-[r {id: $id}]->() RETURN count(r) AS n',
      { id: dropped.id },
      { database },
    );
    expect(records[0]!.get('n')).toBe(0);
    await loadSeedGraph(driver, graph, { database });
    expect(await dumpGraph(driver, database)).toEqual(before);
  });
});
