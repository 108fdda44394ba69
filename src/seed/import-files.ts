import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from '../model/graph-model.js';
import type { PartialDate } from '../model/partial-date.js';
import type { LoadUnit, RowSink, ValidatedSeed } from './bulk-validate.js';
import { ENTITY_PROPERTIES, FACT_DATES, FACT_QUALIFIERS } from './checker.js';
import { FileWriter } from './file-writer.js';
import { fileLines } from './list-file.js';
import { entityRow } from './load.js';
import type { EntityRecord, EvidenceRecord, FactRecord } from './types.js';

/**
 * The import sink: the validator hands it checked rows and it writes them straight into the CSV
 * files of Neo4j's offline importer, `neo4j-admin database import full`, in the same pass (no
 * spool, no second reading). The rows are those the transactional and batched loads send to
 * Cypher (entityRow; factRow's properties; the evidence records), and each column carries the
 * type Cypher gives the value the driver sends (a JavaScript number arrives as a float, hence
 * `:double`), so every sink leaves the same graph.
 *
 * One file per entity label and per relationship type, each with its header on the first line;
 * strings are always quoted (so "" is an empty string and an empty field is a missing value),
 * arrays are joined with ARRAY_DELIMITER; an empty list is an empty field (no property), as in the
 * loads. Facts and quotes are written as they come. A fact stated by several articles (few: the
 * validator lists them at its end) is then collapsed to one row, its evidence count the number of
 * distinct quotes of all its statements, and a quote handed over twice is kept once: a rewrite of
 * the files concerned, only when there are such facts or quotes.
 */

/** A control character no seed text holds (checked while writing). */
export const ARRAY_DELIMITER = '\u001f';
const ARRAY_COLUMNS = [
  'labelLangs',
  'labelTexts',
  'aliasLangs',
  'aliasTexts',
  'searchNames',
  'searchKeys',
];
const NUMBER_COLUMNS = new Set(['ordinal', 'offset', 'evidenceCount']);

function dateColumns(names: readonly string[]): string[] {
  return names.flatMap((d) => [d, `${d}Precision`, `${d}Min`, `${d}Max`]);
}

function typed(column: string): string {
  if (ARRAY_COLUMNS.includes(column)) return `${column}:string[]`;
  if (NUMBER_COLUMNS.has(column)) return `${column}:double`;
  if (/^(start|end|attested|published)(Min|Max)$/.test(column)) return `${column}:date`;
  return column;
}

const ENTITY_COLUMNS = new Map(
  ENTITY_LABELS.map((label) => [
    label,
    [
      'name',
      'nameKey',
      'sortKey',
      ...ARRAY_COLUMNS,
      'wikidata',
      ...ENTITY_PROPERTIES,
      ...dateColumns(label === 'Document' ? ['published'] : ['start', 'end']),
    ],
  ]),
);
/** Evidence: id first, then what it is about (the rewrite of repeated quotes reads both). */
const EVIDENCE_COLUMNS = ['about', 'document', 'quote', 'offset'];
/** Facts: the id and the evidence count first (the collapse of restated facts reads both). */
const FACT_COLUMNS = ['evidenceCount', ...FACT_QUALIFIERS, ...dateColumns(FACT_DATES)];

/** Whether a text needs the importer's multiline parsing. */
const hasLineBreak = (text: string) => text.includes('\n') || text.includes('\r');

function quote(text: string): string {
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** Where encoded rows go: the sink's CSV files, by label or type. */
interface CsvOut {
  row(file: string, line: string, multiline: boolean): void;
}

/** Entity ids as the importer's integer ids (their position in the validator's index). */
export type EntityIds = (id: string) => number;

/**
 * Encodes checked rows as CSV lines of the import files (named by label and type). With integer
 * ids, an entity's import id is its position in the validator's index and a quote's is its number
 * in the order the quotes are written.
 */
class CsvEncoder {
  relationships = 0;
  private evidenceNumber = 0;

  constructor(
    private readonly out: CsvOut,
    private readonly ids?: EntityIds,
  ) {}

  /** The last entity referred to and its reference (a document's quotes come together). */
  private lastRef = { id: '', ref: '' };

  private ref(id: string): string {
    if (id === this.lastRef.id) return this.lastRef.ref;
    if (!this.ids) return quote(id);
    const n = this.ids(id);
    if (n < 0) throw new Error(`import files: no entity "${id}" in the index`);
    const ref = String(n);
    this.lastRef = { id, ref };
    return ref;
  }

  /** A part as the validator hands it over (see RowSink.add). */
  part(part: Partial<Omit<LoadUnit, 'phase'>>): void {
    for (const entity of part.entities ?? []) this.entity(entity);
    const evidence = part.evidence ?? [];
    // A statement's quotes, each once (the checker hands over a repeated quote as often as it is
    // written); a fact's evidence count is the number of its distinct quotes.
    let counted = 0;
    for (let i = 0; i < evidence.length; i++) {
      const e = evidence[i]!;
      let repeated = false;
      for (let j = 0; j < i && !repeated; j++) repeated = evidence[j]!.id === e.id;
      if (repeated) continue;
      this.evidence(e);
      counted++;
    }
    for (const fact of part.facts ?? []) this.fact(fact, counted);
  }

  private entity(entity: EntityRecord): void {
    const row = entityRow(entity);
    const columns = ENTITY_COLUMNS.get(entity.label)!;
    let multiline = false;
    const text = (value: string) => {
      if (!multiline && hasLineBreak(value)) multiline = true;
      return quote(value);
    };
    let line = this.ids ? `${this.ref(entity.id)},${text(String(row.id))}` : text(String(row.id));
    for (const column of columns) {
      const value = row[column];
      line += ',';
      if (value === null || value === undefined) continue;
      if (typeof value === 'number') line += String(value);
      else if (Array.isArray(value)) {
        const joined = value.join(ARRAY_DELIMITER);
        if (joined.split(ARRAY_DELIMITER).length !== value.length)
          throw new Error(
            `import files: a value of ${entity.id} holds the control character U+001F, which the import uses between list elements`,
          );
        line += text(joined);
      } else if (typeof value === 'object') line += String(value);
      else line += text(String(value as string));
    }
    for (const column in row) {
      if (column !== 'id' && !columns.includes(column))
        throw new Error(`import files: ${entity.label} has no column for property "${column}"`);
    }
    this.out.row(entity.label, `${line}\n`, multiline);
  }

  private evidence(e: EvidenceRecord): void {
    const multiline = hasLineBreak(e.quote) || hasLineBreak(e.about) || hasLineBreak(e.document);
    if (this.ids) {
      const n = this.evidenceNumber++;
      this.out.row(
        'Evidence',
        `${n},"${e.id}",${quote(e.about)},${quote(e.document)},${quote(e.quote)},${e.offset ?? ''}\n`,
        multiline,
      );
      this.out.row('CITED_IN', `${n},${this.ref(e.document)}\n`, false);
    } else {
      this.out.row(
        'Evidence',
        `"${e.id}",${quote(e.about)},${quote(e.document)},${quote(e.quote)},${e.offset ?? ''}\n`,
        multiline,
      );
      this.out.row('CITED_IN', `"${e.id}",${quote(e.document)}\n`, hasLineBreak(e.document));
    }
    this.relationships++;
  }

  private fact(fact: FactRecord, evidenceCount: number): void {
    let multiline = hasLineBreak(fact.id);
    let line = `${quote(fact.id)},${evidenceCount},${this.ref(fact.from)},${this.ref(fact.to)}`;
    const { qualifiers, dates } = fact;
    for (const q of FACT_QUALIFIERS) {
      const value = qualifiers[q];
      if (value === null || value === undefined) line += ',';
      else {
        if (!multiline && hasLineBreak(value)) multiline = true;
        line += `,${quote(value)}`;
      }
    }
    for (const d of FACT_DATES) line += dateFields(dates[d]);
    this.out.row(fact.type, `${line}\n`, multiline);
    this.relationships++;
  }
}

/** One CSV file of the import. */
class CsvFile {
  private readonly out: FileWriter;
  /** Whether a value held a line break (the importer must then be told, for this file only). */
  multiline = false;
  rows = 0;

  constructor(
    readonly file: string,
    readonly group: 'nodes' | 'relationships',
    /** The label(s) or the type, as given to the importer. */
    readonly name: string,
    header: string,
  ) {
    // 256 KB each: twenty of them, and their buffers count in the process's RSS.
    this.out = new FileWriter(file, 256 * 1024);
    this.out.write(`${header}\n`);
  }

  write(text: string, rows: number, multiline: boolean): void {
    this.out.write(text);
    this.rows += rows;
    if (multiline) this.multiline = true;
  }

  close(): number {
    return this.out.close();
  }
}

function dateFields(date: PartialDate | undefined): string {
  return date ? `,"${date.value}","${date.precision}",${date.min},${date.max}` : ',,,,';
}

export interface ImportFiles {
  dir: string;
  /** The importer's --nodes and --relationships arguments, with paths inside `dir`. */
  args: string[];
  nodes: number;
  relationships: number;
  bytes: number;
  /** Time spent writing the files (inside the validation pass) and collapsing restatements. */
  millis: number;
}

/** The first field of a CSV record, unquoted, and where the rest starts. */
function firstField(record: string): { value: string; rest: number } {
  let i = 1;
  let value = '';
  for (;;) {
    const end = record.indexOf('"', i);
    if (record[end + 1] === '"') {
      value += record.slice(i, end + 1);
      i = end + 2;
      continue;
    }
    return { value: value + record.slice(i, end), rest: end + 2 };
  }
}

/** The records of a CSV file (a record spans lines while its quotes are unbalanced). */
function* csvRecords(file: string): Generator<string> {
  let record = '';
  let quotes = 0;
  for (const line of fileLines(file)) {
    record += line;
    for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 0) {
      yield record;
      record = '';
      quotes = 0;
    }
  }
  if (record) yield record;
}

/** Rewrites a CSV file through `keep` (the header is kept), record by record. */
function rewrite(file: string, keep: (record: string) => string | null): void {
  const next = `${file}.next`;
  const out = new FileWriter(next);
  let header = true;
  for (const record of csvRecords(file)) {
    if (header) {
      out.write(record);
      header = false;
      continue;
    }
    const kept = keep(record);
    if (kept !== null) out.write(kept);
  }
  out.close();
  fs.renameSync(next, file);
}

/**
 * The validator's sink for `npm run import`: writes the import files into `dir` (created, must be
 * empty) as the rows arrive, showing progress and rate; `finish` settles restated facts and
 * repeated quotes once the validator has listed them.
 */
export class ImportFilesSink implements RowSink {
  private readonly files = new Map<string, CsvFile>();
  private readonly evidenceFile: CsvFile;
  private readonly citedFile: CsvFile;
  private readonly factFiles = new Map<string, CsvFile>();
  private readonly all: CsvFile[];
  private readonly encoder: CsvEncoder;
  private relationships = 0;
  private writingMillis = 0;
  private last = Date.now();
  private closed = false;

  /** Entity ids as integer import ids, once the validator has indexed them (see begin). */
  private positionOf: EntityIds | undefined;
  readonly ids: EntityIds | undefined;

  /**
   * @param integerIds write integer import ids (`--id-type=integer`: an entity's position in the
   *   validator's index, see CsvEncoder) rather than the string ids the importer maps itself
   */
  constructor(
    readonly dir: string,
    private readonly onProgress: (message: string) => void = () => {},
    integerIds = false,
  ) {
    const ids = integerIds
      ? (id: string) => {
          if (!this.positionOf) throw new Error('import files: no entity index yet');
          return this.positionOf(id);
        }
      : undefined;
    this.ids = ids;
    fs.mkdirSync(dir, { recursive: true });
    const idColumns = (group: string) => (ids ? [`:ID(${group})`, 'id'] : [`id:ID(${group})`]);
    const csv = (name: string, group: CsvFile['group'], label: string, header: string[]) => {
      const file = new CsvFile(path.join(dir, `${name}.csv`), group, label, header.join(','));
      this.files.set(name, file);
      return file;
    };
    for (const label of ENTITY_LABELS) {
      csv(label, 'nodes', `Entity:${label}`, [
        ...idColumns('Entity'),
        ...ENTITY_COLUMNS.get(label)!.map(typed),
      ]);
    }
    this.evidenceFile = csv('Evidence', 'nodes', 'Evidence', [
      ...idColumns('Evidence'),
      ...EVIDENCE_COLUMNS.map(typed),
    ]);
    this.citedFile = csv('CITED_IN', 'relationships', 'CITED_IN', [
      ':START_ID(Evidence)',
      ':END_ID(Entity)',
    ]);
    for (const type of RELATIONSHIP_TYPES) {
      this.factFiles.set(
        type,
        csv(type, 'relationships', type, [
          'id',
          ...FACT_COLUMNS.slice(0, 1).map(typed),
          ':START_ID(Entity)',
          ':END_ID(Entity)',
          ...FACT_COLUMNS.slice(1).map(typed),
        ]),
      );
    }
    this.all = [...this.files.values()];
    this.encoder = new CsvEncoder(
      { row: (file, line, multiline) => this.files.get(file)!.write(line, 1, multiline) },
      ids,
    );
  }

  begin(positionOf: EntityIds): void {
    this.positionOf = positionOf;
  }

  add(_phase: number, part: Partial<Omit<LoadUnit, 'phase'>>): void {
    const started = Date.now();
    const before = this.encoder.relationships;
    this.encoder.part(part);
    this.relationships += this.encoder.relationships - before;
    this.writingMillis += Date.now() - started;
    if (Date.now() - this.last >= 2000) this.progress();
  }

  private progress(): void {
    this.last = Date.now();
    this.onProgress(`writing import files: ${this.relationships} relationships`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const file of this.all) file.close();
  }

  /** After a valid seed: one row per restated fact, each repeated quote once; the importer's arguments. */
  finish(seed: Pick<ValidatedSeed, 'restated' | 'repeatedEvidence'>): ImportFiles {
    const started = Date.now();
    this.close();
    // Quotes handed over again by another statement of the same fact: keep the first.
    const repeated = new Set(seed.repeatedEvidence);
    const dropped = new Map<string, number>();
    if (repeated.size > 0) {
      const seen = new Set<string>();
      // The dropped rows' import ids: the string id, or the integer one (each quote row has its own).
      const droppedIds = new Set<string>();
      rewrite(this.evidenceFile.file, (record) => {
        const comma = record.indexOf(',');
        const idAt = this.ids ? comma + 1 : 0;
        const id = record.slice(idAt + 1, record.indexOf('"', idAt + 1));
        if (!repeated.has(id)) return record;
        if (!seen.has(id)) {
          seen.add(id);
          return record;
        }
        const aboutAt = record.indexOf(',', idAt) + 1;
        const about = firstField(record.slice(aboutAt)).value;
        dropped.set(about, (dropped.get(about) ?? 0) + 1);
        droppedIds.add(this.ids ? record.slice(0, comma) : id);
        this.evidenceFile.rows--;
        this.relationships--;
        return null;
      });
      seen.clear();
      rewrite(this.citedFile.file, (record) => {
        const id = this.ids
          ? record.slice(0, record.indexOf(','))
          : record.slice(1, record.indexOf('"', 1));
        if (!droppedIds.has(id)) return record;
        if (!this.ids && !seen.has(id)) {
          seen.add(id);
          return record;
        }
        this.citedFile.rows--;
        return null;
      });
    }
    // Facts stated by several articles: one row, counting the distinct quotes of all statements.
    const byType = new Map<string, Set<string>>();
    for (const { id, type } of seed.restated) {
      (byType.get(type) ?? byType.set(type, new Set()).get(type)!).add(id);
    }
    for (const [type, ids] of byType) {
      const file = this.factFiles.get(type)!;
      const first = new Map<string, { rest: string; count: number }>();
      rewrite(file.file, (record) => {
        const { value: id, rest } = firstField(record);
        if (!ids.has(id)) return record;
        const comma = record.indexOf(',', rest);
        const count = Number(record.slice(rest, comma));
        const held = first.get(id);
        if (held) held.count += count;
        else first.set(id, { rest: record.slice(comma), count });
        file.rows--;
        this.relationships--;
        return null;
      });
      const out = fs.openSync(file.file, 'a');
      for (const [id, { rest, count }] of first) {
        fs.writeSync(out, `${quote(id)},${count - (dropped.get(id) ?? 0)}${rest}`);
        file.rows++;
        this.relationships++;
      }
      fs.closeSync(out);
    }
    this.writingMillis += Date.now() - started;
    this.progress();

    const used = this.all.filter((f) => f.rows > 0);
    for (const file of this.all) if (file.rows === 0) fs.rmSync(file.file, { force: true });
    const multiline = used.filter((f) => f.multiline).map((f) => f.file);
    return {
      dir: this.dir,
      args: [
        ...(this.ids ? ['--id-type=integer'] : []),
        ...used.map((f) => `--${f.group}=${f.name}=${f.file}`),
        ...(multiline.length > 0
          ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`]
          : ['--multiline-fields=false']),
      ],
      nodes: used.filter((f) => f.group === 'nodes').reduce((n, f) => n + f.rows, 0),
      relationships: this.relationships,
      bytes: used.reduce((n, f) => n + fs.statSync(f.file).size, 0),
      millis: this.writingMillis,
    };
  }
}
