import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EntityLabel } from '../model/graph-model.js';
import {
  checkFactStatements,
  DOCUMENTS_FILE,
  ENTITY_FILES,
  SeedChecker,
  sortIssues,
  type EntityFileSpec,
  type FactStatement,
  type Located,
  type Raw,
} from './checker.js';
import { schemaIssues, validatorFor } from './schema.js';
import {
  SeedValidationError,
  type EntityRecord,
  type EvidenceRecord,
  type FactRecord,
  type SeedGraph,
  type SeedIssue,
} from './types.js';
import { YamlSource } from './yaml-source.js';

/** Bumped when the stored shape changes, so a changed loader reloads an unchanged seed. */
export const LOADER_FORMAT = 'kg-seed-v1';

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
 * the problems of the folder's layout. Shared by both readers so the seed version, a hash over
 * these files in this order, is the same whichever path computes it.
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

/** Reads every seed file, checks it completely, and returns the graph to load or every problem. */
export function readSeeds(options: ReadSeedOptions): SeedGraph {
  const { seedsDir } = options;
  const texts = new Map<string, string>();
  const checker = new SeedChecker(texts);
  const hash = versionHash();

  const listing = listSeedFiles(seedsDir);
  checker.report(...listing.issues);
  const sources: { source: YamlSource; file: SeedFile }[] = [];
  for (const file of listing.files) {
    const text = fs.readFileSync(file.file, 'utf8');
    hash.update(file.name).update(text);
    const parsed = YamlSource.parse(displayPath(file.file), text);
    checker.report(...parsed.issues);
    if (parsed.issues.length === 0) sources.push({ source: parsed.source, file });
  }

  // Shape, file by file.
  const valid = sources.filter(({ source, file }) => {
    const validate = validatorFor(seedsDir, file.spec?.def ?? 'factsFile');
    if (validate(source.value)) return true;
    checker.report(...schemaIssues(source, validate.errors ?? []));
    return false;
  });

  // Entities, documents included, with unique ids across all files.
  const entities: { item: Located<Raw>; label: EntityLabel }[] = [];
  const factFiles: { source: YamlSource; root: Raw }[] = [];
  for (const { source, file } of valid) {
    const root = source.value as Raw;
    if (file.spec) {
      const { key, label } = file.spec;
      (root[key] as Raw[]).forEach((value, i) => {
        const item = { value, source, path: [key, i] };
        if (checker.indexEntity(item, label)) entities.push({ item, label });
      });
    } else {
      factFiles.push({ source, root });
    }
  }

  // Texts: checksums and the NFC text that quotes are checked against.
  const availability = textsAvailability(options);
  if (availability.issue) checker.report(availability.issue);
  if (availability.present) {
    for (const { item, label } of entities) {
      if (label !== 'Document') continue;
      const bytes = checker.checkDocumentText(item, options.documentsDir);
      if (bytes) texts.set(item.value.id as string, bytes.toString('utf8').normalize('NFC'));
    }
  }

  const evidence = new Map<string, EvidenceRecord>();
  const addEvidence = (records: EvidenceRecord[]) => {
    for (const e of records) if (!evidence.has(e.id)) evidence.set(e.id, e);
  };

  // Entity records and their evidence.
  const entityRecords: EntityRecord[] = [];
  for (const { item, label } of entities) {
    const checked = checker.entity(item, label);
    entityRecords.push(checked.record);
    addEvidence(checked.evidence);
  }

  // Facts: endpoints of the right kinds, dates, one relationship per fact across documents.
  const facts = new Map<string, FactRecord>();
  const statements: FactStatement[] = [];
  const sourceOf = new Map<string, YamlSource>();
  for (const { source, root } of factFiles) {
    const document = checker.factsDocument(source, root);
    if (document === undefined) continue;
    sourceOf.set(source.file, source);
    (root.facts as Raw[]).forEach((value, i) => {
      const checked = checker.fact({ value, source, path: ['facts', i] }, document);
      if (!checked) return;
      statements.push(checked.statement);
      if (!facts.has(checked.record.id)) facts.set(checked.record.id, checked.record);
      addEvidence(checked.evidence);
    });
  }
  checkFactStatements(
    statements,
    (s) => sourceOf.get(s.file)!.locate(['facts', s.index]),
    (issue) => checker.report(issue),
  );

  if (checker.issues.length > 0) throw new SeedValidationError(sortIssues(checker.issues));
  return {
    version: hash.digest('hex').slice(0, 16),
    entities: entityRecords,
    facts: [...facts.values()],
    evidence: [...evidence.values()],
    textsSkipped: availability.skipped,
  };
}
