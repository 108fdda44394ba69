import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SeedChecker, sortIssues } from './checker.js';
import { ArticleTexts } from './article-texts.js';
import { checkEntityItem, checkFactsText, type UnitContext } from './check-units.js';
import { FactLedger } from './fact-ledger.js';
import { FileWriter } from './file-writer.js';
import { listFileItems } from './list-file.js';
import {
  displayPath,
  listSeedFiles,
  textsAvailability,
  versionHash,
  type ReadSeedOptions,
} from './seed-files.js';
import { itemDefOf, validatorFor } from './schema.js';
import {
  SeedValidationError,
  type EntityRecord,
  type EvidenceRecord,
  type FactRecord,
} from './types.js';
import { YamlSource } from './yaml-source.js';

/**
 * Pass 1 of the bulk load: reads a seed of any size as a stream and checks it exactly as readSeeds
 * does (the same SeedChecker), keeping in memory only the entity id index. What it validates it
 * writes to a spool file of load units (newline-delimited JSON), so pass 2 replays checked records
 * into Neo4j without parsing YAML again, and nothing reaches the database unless all of it is
 * valid.
 *
 * Reading order: documents.yaml and entities/* twice (first the ids, so references in any order
 * resolve; then the records and their quotes), then facts/* once.
 */

/** Rows per load unit (one Neo4j transaction in pass 2). */
export const UNIT_ROWS = 5000;
const MAX_ISSUES = 1000;

export interface BulkValidateOptions extends ReadSeedOptions {
  /** Where the spool and ledger go (default: a fresh folder in the system temp dir). */
  workDir?: string;
  onProgress?: (message: string) => void;
}

/**
 * One load unit: entities, then the evidence (which may cite them), then facts. Units of one
 * phase may be written concurrently; a phase starts once the previous one is in, because it
 * refers to what that one creates (0: documents; 1: other entities, whose quotes cite documents;
 * 2: facts, which join entities).
 */
export interface LoadUnit {
  phase: number;
  entities: EntityRecord[];
  evidence: EvidenceRecord[];
  facts: FactRecord[];
}

export interface BulkPlan {
  version: string;
  /** The validated load units, one JSON line each. */
  spool: string;
  units: number;
  rows: { entities: number; evidence: number; facts: number };
  /** Distinct counts, as loadSeedGraph records them in the graph's meta node. */
  distinct: { entities: number; facts: number; evidence: number };
  /** Facts stated by several articles, whose evidence count is settled after the load. */
  restated: { id: string; type: string }[];
  /** Evidence ids handed to the sink more than once (quotes repeated by a fact's statements). */
  repeatedEvidence: string[];
  textsSkipped: string | null;
  fastYaml: boolean;
  millis: number;
  /** Removes the spool and its folder. */
  cleanup(): void;
}

/**
 * Where the validator hands what it has checked: entities with their quotes (phase 0 documents,
 * phase 1 the others), then facts with theirs (phase 2), in reading order. A fact stated by
 * several articles arrives once per statement; the plan lists those at the end.
 */
export interface RowSink {
  /**
   * Called before any row, with the entities' positions in the validator's index (-1 for an id
   * not indexed; every entity a row refers to is indexed before the row is handed over).
   */
  begin?(positionOf: (id: string) => number): void;
  add(phase: number, part: Partial<Omit<LoadUnit, 'phase'>>): void;
  close(): void;
}

/** The batched load's sink: load units of ~UNIT_ROWS rows in a spool file, one JSON line each. */
class Spool implements RowSink {
  private unit: LoadUnit = { phase: 0, entities: [], evidence: [], facts: [] };
  private size = 0;
  private readonly out: FileWriter;
  units = 0;
  readonly rows = { entities: 0, evidence: 0, facts: 0 };

  constructor(file: string) {
    this.out = new FileWriter(file);
  }

  add(phase: number, part: Partial<Omit<LoadUnit, 'phase'>>): void {
    if (phase !== this.unit.phase) {
      this.flush();
      this.unit.phase = phase;
    }
    for (const key of ['entities', 'evidence', 'facts'] as const) {
      const rows = part[key];
      if (!rows?.length) continue;
      (this.unit[key] as unknown[]).push(...rows);
      this.rows[key] += rows.length;
      this.size += rows.length;
    }
    if (this.size >= UNIT_ROWS) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    this.out.write(`${JSON.stringify(this.unit)}\n`);
    this.units++;
    this.unit = { phase: this.unit.phase, entities: [], evidence: [], facts: [] };
    this.size = 0;
  }

  close(): void {
    this.flush();
    this.out.close();
  }
}

function throttled(report: (message: string) => void, everyMs = 2000) {
  let last = Date.now();
  return (message: () => string) => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    report(message());
  };
}

/** What the validator found, whatever the sink did with the rows. */
export type ValidatedSeed = Pick<
  BulkPlan,
  'version' | 'distinct' | 'restated' | 'repeatedEvidence' | 'textsSkipped' | 'fastYaml' | 'millis'
>;

/** Validates a seed as a stream into a spool of load units (pass 1 of the batched load). */
export function validateBulk(options: BulkValidateOptions): BulkPlan {
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-'));
  fs.mkdirSync(workDir, { recursive: true });
  const spoolFile = path.join(workDir, 'units.ndjson');
  const cleanup = () => fs.rmSync(workDir, { recursive: true, force: true });
  try {
    const spool = new Spool(spoolFile);
    const seed = validateSeeds({ ...options, workDir }, spool);
    return { ...seed, spool: spoolFile, units: spool.units, rows: spool.rows, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * The one seed validator every command uses: reads the seed files once as a stream, checks
 * everything (schema, ids, references, kinds, dates, quotes and checksums, conflicts between
 * statements), reports each problem at file:line:column, and hands the checked rows to `sink`.
 * The sink is closed once every file is read; the validation error, if any, is thrown after, so
 * a sink must not make its rows visible before this returns (the spool and the in-memory sink
 * only collect; the loads write nothing until it has returned).
 *
 * Reading order: documents.yaml, entities/*, facts/*, each file once. An entity is indexed and
 * checked as it is read: the only references entities make are to documents (their quotes'),
 * all in documents.yaml, which comes first, and to a document's publisher, an organization from
 * entities/, which is settled once every entity file is read. Facts come last, when every id is
 * known.
 */
export function validateSeeds(
  options: BulkValidateOptions & { workDir: string },
  sink: RowSink,
): ValidatedSeed {
  const started = Date.now();
  const say = options.onProgress ?? (() => {});
  const tick = throttled(say);
  const { seedsDir } = options;
  const availability = textsAvailability(options);
  // The texts' file names come from the checker's index (asked only once documents are indexed).
  const texts: ArticleTexts = new ArticleTexts(
    availability.present ? options.documentsDir : undefined,
    (id) => {
      const file = checker.textFileOf(id);
      return file === undefined ? undefined : { file, position: checker.positionOf(id) };
    },
  );
  const checker: SeedChecker = new SeedChecker(texts, MAX_ISSUES);
  const context: UnitContext = {
    checker,
    texts,
    documentsDir: availability.present ? options.documentsDir : undefined,
  };
  const report = (...issues: Parameters<SeedChecker['report']>) => checker.report(...issues);

  fs.mkdirSync(options.workDir, { recursive: true });
  const listing = listSeedFiles(seedsDir);
  report(...listing.issues);
  if (availability.issue) report(availability.issue);
  const hash = versionHash();
  const factFiles = listing.files.filter((f) => !f.spec);
  const ledger = new FactLedger(
    options.workDir,
    factFiles.map((f) => displayPath(f.file)),
  );
  /** A place in a file that was read in chunks: the file parsed again whole (problems only). */
  const locateIn = (() => {
    let parsed: { display: string; source: YamlSource } | undefined;
    return (display: string, at: ReadonlyArray<string | number>) => {
      if (parsed?.display !== display) {
        // Shown paths are relative to the working directory: resolve one back to its file.
        const text = fs.readFileSync(path.resolve(display), 'utf8');
        parsed = { display, source: YamlSource.parse(display, text).source };
      }
      return parsed.source.locate(at);
    };
  })();

  // An entity has its position once indexed, before its row is handed over.
  sink.begin?.((id) => checker.positionOf(id));

  // Entities and their quotes.
  let checked = 0;
  for (const file of listing.files.filter((f) => f.spec)) {
    const { label, key, def } = file.spec!;
    hash.update(file.name);
    const items = listFileItems(
      file.file,
      {
        seedsDir,
        display: displayPath(file.file),
        key,
        fileDef: def,
        itemDef: itemDefOf(seedsDir, def, key),
        onText: (t) => hash.update(t),
      },
      report,
    );
    for (const { item, valid } of items) {
      if (!valid || !checker.indexEntity(item, label)) continue;
      const entity = checkEntityItem(context, item, label);
      ledger.unit();
      for (const e of entity.evidence) ledger.evidence(e.id);
      sink.add(label === 'Document' ? 0 : 1, {
        entities: [entity.record],
        evidence: entity.evidence,
      });
      checked++;
      tick(() => `checking entities and quotes: ${checked}`);
    }
  }
  checker.checkDeferredPublishers(locateIn);
  say(`entities checked: ${checker.entityCount}`);

  // Facts, file by file.
  const validateFacts = validatorFor(seedsDir, 'factsFile');
  let done = 0;
  const factsStarted = Date.now();
  for (const [fileIndex, file] of factFiles.entries()) {
    const text = fs.readFileSync(file.file, 'utf8');
    hash.update(file.name).update(text);
    done++;
    ledger.unit();
    checkFactsText(context, validateFacts, displayPath(file.file), text, (fact) => {
      ledger.fact(fact.statement, fileIndex);
      for (const e of fact.evidence) ledger.evidence(e.id);
      sink.add(2, { evidence: fact.evidence, facts: [fact.record] });
    });
    tick(() => {
      const rate = Math.round(ledger.statements / ((Date.now() - factsStarted) / 1000));
      return `checking facts: file ${done}/${factFiles.length}, ${ledger.statements} facts (${rate}/s)`;
    });
  }
  sink.close();
  say(`facts checked: ${ledger.statements} statements in ${factFiles.length} files`);

  const { restated, repeatedEvidence, ...distinct } = ledger.finish(
    (display, index) => locateIn(display, ['facts', index]),
    (issue) => report(issue),
  );

  if (checker.totalIssues > 0) {
    const issues = sortIssues(checker.issues);
    if (checker.totalIssues > issues.length) {
      issues.push({
        file: seedsDir,
        line: 1,
        column: 1,
        message: `... and ${checker.totalIssues - issues.length} more problem(s) not listed`,
      });
    }
    throw new SeedValidationError(issues);
  }
  return {
    version: hash.digest('hex').slice(0, 16),
    distinct: { entities: checker.entityCount, ...distinct },
    restated,
    repeatedEvidence,
    textsSkipped: availability.skipped,
    fastYaml: true,
    millis: Date.now() - started,
  };
}
