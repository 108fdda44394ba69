import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDocumentsDir, projectRoot } from '../../src/config/env.js';
import { acceptDraft } from '../../src/draft/accept.js';
import { runDraft } from '../../src/draft/command.js';
import { DraftError } from '../../src/draft/input.js';
import { compileCue } from '../../src/draft/cue-match.js';
import { FRENCH } from '../../src/draft/cues/fr.js';
import { ENGLISH } from '../../src/draft/cues/en.js';
import { VIETNAMESE } from '../../src/draft/cues/vi.js';
import { formatRatio, leaveOneOut } from '../../src/draft/evaluate.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
import { SeedValidationError } from '../../src/seed/types.js';

const documentsDir = process.env.SEED_DOCUMENTS_DIR ?? defaultDocumentsDir();
const fixtures = path.join(projectRoot, 'test/fixtures/draft');

/** A scratch copy of the seeds and texts, so drafting and accepting never touch the real ones. */
function scratch(): { seeds: string; texts: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-draft-test-'));
  const seeds = path.join(dir, 'seeds');
  const texts = path.join(dir, 'texts');
  fs.cpSync(path.join(projectRoot, 'seeds'), seeds, { recursive: true });
  fs.cpSync(documentsDir, texts, { recursive: true });
  return { seeds, texts };
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), fs.readFileSync(file, 'latin1'));
  }
  return files;
}

describe('cue tables', () => {
  it.each(
    [...FRENCH.relations, ...ENGLISH.relations, ...VIETNAMESE.relations].map(
      (c) => [c.id, c] as const,
    ),
  )('%s compiles and reads its own example', (_id, cue) => {
    compileCue(cue.pattern);
    const example = cue.example.replace(/’/g, "'");
    expect(compileCue(cue.pattern, true).test(example), cue.example).toBe(true);
  });
});

describe('leave-one-out on the two seed articles', () => {
  const results = leaveOneOut(
    readSeeds({ seedsDir: path.join(projectRoot, 'seeds'), documentsDir, requireTexts: true }),
    documentsDir,
  );

  it('drafts both articles and reports its measures', () => {
    expect(results.map((r) => r.document).sort()).toEqual([
      'nhandan-2021-04-unsc-high-level-debate',
      'vna-2019-12-asean-un-regional-dialogue',
    ]);
    for (const r of results)
      console.log(
        `${r.document}: known mentions ${formatRatio(r.knownMentions)}, known entities ${formatRatio(r.knownResolved)}, duplicates ${r.duplicates.length}, curated facts ${formatRatio(r.curatedFound)}, correct proposals ${formatRatio(r.proposalsCorrect)}, dates ${formatRatio(r.dates)}, invented days ${r.inventedDays}, quotes ${formatRatio(r.quotesVerbatim)}`,
      );
  });

  it.each(results.map((r) => [r.document, r] as const))('%s: the targets that hold', (_d, r) => {
    expect(r.knownResolved.hit / r.knownResolved.of).toBeGreaterThanOrEqual(0.95);
    expect(r.knownMentions.hit / r.knownMentions.of).toBeGreaterThanOrEqual(0.95);
    expect(r.duplicates).toEqual([]);
    expect(r.quotesVerbatim.hit).toBe(r.quotesVerbatim.of);
    expect(r.inventedDays).toBe(0);
    expect(r.dates.hit).toBe(r.dates.of);
    expect(r.proposalsCorrect.hit / r.proposalsCorrect.of).toBeGreaterThanOrEqual(0.7);
    expect(r.curatedFound.hit / r.curatedFound.of).toBeGreaterThanOrEqual(0.7);
  });
});

describe('unseen articles (test/fixtures/draft)', () => {
  let env: { seeds: string; texts: string };
  beforeAll(() => {
    env = scratch();
  });

  const cases = fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''));

  it.each(cases)('%s: drafts the expected facts with verbatim quotes', (name) => {
    const expected = parse(
      fs.readFileSync(path.join(fixtures, `${name}.expected.yaml`), 'utf8'),
    ) as {
      options: { language: string; published: string; publisher?: string };
      newEntities: string[];
      meetingDates?: { start: string; end: string };
      facts: string[];
    };
    const article = path.join(fixtures, `${name}.txt`);
    const text = fs.readFileSync(article, 'utf8').normalize('NFC');
    const { draft } = runDraft({
      article,
      seedsDir: env.seeds,
      documentsDir: env.texts,
      out: path.join(env.seeds, 'drafts', `${name}.yaml`),
      ...expected.options,
    });
    // Names in <...> are new entities, found by their name in the draft.
    const idOf = (ref: string) => {
      if (ref === 'DOCUMENT') return draft.document.id;
      const m = /^<(.+)>$/.exec(ref);
      if (!m) return ref;
      const named = draft.entities.filter((e) =>
        e.name.toLowerCase().includes(m[1]!.toLowerCase()),
      );
      const found = named.find((e) => e.properties.kind !== 'series') ?? named[0];
      return found?.id ?? `missing:${m[1]}`;
    };
    const proposed = new Set(draft.facts.map((f) => `${f.type} ${f.from} ${f.to}`));
    const missing = expected.facts
      .map((f) => /^(\S+) (<[^>]+>|\S+) (<[^>]+>|\S+)$/.exec(f)!.slice(1))
      .map(([type, from, to]) => `${type} ${idOf(from!)} ${idOf(to!)}`)
      .filter((key) => !proposed.has(key));
    expect(missing).toEqual([]);
    for (const e of expected.newEntities) {
      const [label, ...words] = e.split(' ');
      expect(
        draft.entities.some(
          (x) => x.label === label && x.name.toLowerCase().includes(words.join(' ').toLowerCase()),
        ),
        e,
      ).toBe(true);
    }
    if (expected.newEntities.length === 0) expect(draft.entities).toEqual([]);
    if (expected.meetingDates) {
      const meeting = draft.entities.find(
        (e) => e.label === 'Meeting' && e.properties.kind !== 'series',
      )!;
      expect({ start: meeting.properties.start, end: meeting.properties.end }).toEqual(
        expected.meetingDates,
      );
    }
    for (const f of draft.facts) for (const q of f.quotes) expect(text.includes(q), q).toBe(true);
    for (const e of draft.entities) expect(text.includes(e.quote), e.quote).toBe(true);
  });

  it('the English report of the 5th ASEAN–UN dialogue adds evidence, never a second dialogue or Khaled Khiari', () => {
    const { draft } = runDraft({
      article: path.join(fixtures, 'asean-un-dialogue-en.txt'),
      seedsDir: env.seeds,
      documentsDir: env.texts,
      language: 'en',
      published: '2019-12-03',
      out: path.join(env.seeds, 'drafts', 'english.yaml'),
    });
    expect(draft.entities.filter((e) => e.label === 'Meeting' || e.label === 'Person')).toEqual([]);
    const khiari = draft.facts.find(
      (f) => f.type === 'PARTICIPATED_IN' && f.from === 'khaled-khiari',
    )!;
    expect(khiari.status).toBe('add-evidence');
    expect(khiari.to).toBe('asean-un-regional-dialogue-2019-12');
  });

  it('a draft of an article already in the seeds says so and proposes only new evidence', () => {
    const { draft } = runDraft({
      article: path.join(documentsDir, '001_5d51021157d473e9.txt'),
      seedsDir: env.seeds,
      documentsDir: env.texts,
      out: path.join(env.seeds, 'drafts', 'again.yaml'),
    });
    expect(draft.alreadyInSeeds).toBe(true);
    expect(draft.document.id).toBe('vna-2019-12-asean-un-regional-dialogue');
    expect(draft.entities).toEqual([]);
    expect(draft.facts.every((f) => f.status === 'add-evidence')).toBe(true);
  });
});

describe('accepting a draft', () => {
  it('merges a reviewed draft, keeps comments, and the seed checks valid', () => {
    const env = scratch();
    const before = fs.readFileSync(path.join(env.seeds, 'entities/persons.yaml'), 'utf8');
    const { file } = runDraft({
      article: path.join(fixtures, 'pacific-fisheries-summit-en.txt'),
      seedsDir: env.seeds,
      documentsDir: env.texts,
      language: 'en',
      published: '2026-03',
      publisher: 'PINA',
    });
    const result = acceptDraft({ draftFile: file, seedsDir: env.seeds, documentsDir: env.texts });
    expect(result.added.facts).toBeGreaterThan(0);
    const after = fs.readFileSync(path.join(env.seeds, 'entities/persons.yaml'), 'utf8');
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after).toContain('id: jone-waqa');
    expect(after).not.toContain('reason:');
    const graph = readSeeds({ seedsDir: env.seeds, documentsDir: env.texts, requireTexts: true });
    expect(graph.facts.some((f) => f.type === 'CHAIRED' && f.from === 'jone-waqa')).toBe(true);
  });

  it('a draft that fails the seed check merges nothing: every seed file stays byte-identical', () => {
    const env = scratch();
    const { file } = runDraft({
      article: path.join(fixtures, 'sahel-water-forum-fr.txt'),
      seedsDir: env.seeds,
      documentsDir: env.texts,
      language: 'fr',
      published: '2026-03-12',
      publisher: 'APS',
    });
    // The curator mistypes an id.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('to: dakar', 'to: dakkar'));
    const seedsBefore = snapshot(env.seeds);
    const textsBefore = snapshot(env.texts);
    let error: unknown;
    try {
      acceptDraft({ draftFile: file, seedsDir: env.seeds, documentsDir: env.texts });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    const issue = (error as SeedValidationError).issues[0]!;
    expect(issue.message).toContain('dakkar');
    expect(issue.file).toMatch(/seeds\/facts\/.+\.yaml$/);
    expect(issue.line).toBeGreaterThan(0);
    expect(snapshot(env.seeds)).toEqual(seedsBefore);
    expect(snapshot(env.texts)).toEqual(textsBefore);
  });
});

describe('bad input gets a clear error and exit code', () => {
  const env = scratch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-draft-bad-'));
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const good = path.join(fixtures, 'pacific-fisheries-summit-en.txt');
  const cli = (...args: string[]) =>
    spawnSync(
      'npx',
      ['tsx', 'src/cli/draft.ts', ...args, '--seeds', env.seeds, '--documents', env.texts],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );

  it.each([
    ['a missing file', [path.join(dir, 'nope.txt')], 3, 'NOT_FOUND'],
    ['an empty file', [file('empty.txt', ' \n')], 3, 'EMPTY'],
    [
      'a binary file',
      [file('binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))],
      3,
      'BINARY',
    ],
    [
      'a non-UTF-8 file',
      [file('latin1.txt', Buffer.from('Le débat a été présidé', 'latin1'))],
      3,
      'NOT_UTF8',
    ],
    ['a text over the size limit', [file('big.txt', 'a'.repeat(1_000_001))], 3, 'TOO_LARGE'],
    ['an unknown publisher id', [good, 'no-such-agency'], 2, 'UNKNOWN_PUBLISHER'],
    ['a date that is not ISO', [good, undefined, '03/12/2026'], 2, 'BAD_DATE'],
  ])('%s', (_what, args, exitCode, code) => {
    const [article, publisher, published] = args as [string, string?, string?];
    let error: unknown;
    try {
      runDraft({ article, publisher, published, seedsDir: env.seeds, documentsDir: env.texts });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DraftError);
    expect((error as DraftError).code).toBe(code);
    expect((error as DraftError).exitCode).toBe(exitCode);
    expect(fs.existsSync(path.join(env.seeds, 'drafts'))).toBe(false);
  });

  it('the command prints the error with its code and exits with its exit code', () => {
    const run = cli(good, '--published', '03/12/2026');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error [BAD_DATE]: --published: "03/12/2026" is not an ISO date');
    const missing = cli(path.join(dir, 'nope.txt'));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('error [NOT_FOUND]');
  }, 60_000);

  it('--help', { timeout: 30_000 }, () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/draft.ts', '--help'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(out).toContain('--accept');
  });
});
