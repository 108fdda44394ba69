import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_LABELS, RELATIONSHIP_TYPES, type EntityLabel } from '../model/graph-model.js';
import type { BulkPlan } from './bulk-validate.js';
import { readUnits } from './bulk-load.js';
import { ENTITY_PROPERTIES, FACT_DATES, FACT_QUALIFIERS } from './checker.js';
import { FileWriter } from './file-writer.js';
import { entityRow, factRow } from './load.js';
import type { EvidenceRecord, FactRecord } from './types.js';

/**
 * The import sink: turns a validated plan (the spool of checked load units) into the CSV files of
 * Neo4j's offline importer, `neo4j-admin database import full`. The rows are the very rows the
 * transactional and batched loads send to Cypher (entityRow, factRow, the evidence records), and
 * each column carries the type Cypher gives the value the driver sends (a JavaScript number
 * arrives as a float, hence `:double`), so every sink leaves the same graph.
 *
 * One file per entity label and per relationship type, each with its header on the first line;
 * strings are always quoted (so "" is an empty string and an empty field is a missing value),
 * arrays are joined with ARRAY_DELIMITER. Facts stated by several articles (few: the plan lists
 * them) are written once, at the end, with the quotes of all their statements counted.
 */

/** A control character no seed text holds (checked while writing). */
export const ARRAY_DELIMITER = '\u001f';
const ARRAY_COLUMNS = new Set([
  'labelLangs',
  'labelTexts',
  'aliasLangs',
  'aliasTexts',
  'searchNames',
]);
const NUMBER_COLUMNS = new Set(['ordinal', 'offset', 'evidenceCount']);

function dateColumns(names: readonly string[]): string[] {
  return names.flatMap((d) => [d, `${d}Precision`, `${d}Min`, `${d}Max`]);
}

function typed(column: string): string {
  if (ARRAY_COLUMNS.has(column)) return `${column}:string[]`;
  if (NUMBER_COLUMNS.has(column)) return `${column}:double`;
  if (/^(start|end|attested|published)(Min|Max)$/.test(column)) return `${column}:date`;
  return column;
}

const ENTITY_COLUMNS = (label: EntityLabel) => [
  'name',
  'nameKey',
  'sortKey',
  ...ARRAY_COLUMNS,
  'wikidata',
  ...ENTITY_PROPERTIES,
  ...dateColumns(label === 'Document' ? ['published'] : ['start', 'end']),
];
const EVIDENCE_COLUMNS = ['about', 'document', 'quote', 'offset'];
const FACT_COLUMNS = ['evidenceCount', ...FACT_QUALIFIERS, ...dateColumns(FACT_DATES)];

/** One CSV file of the import: its header names the id or endpoints, then typed properties. */
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
    private readonly keys: readonly string[],
    private readonly columns: readonly string[],
  ) {
    this.out = new FileWriter(file);
    this.out.write(`${[...keys, ...columns.map(typed)].join(',')}\n`);
  }

  write(keys: readonly string[], row: Record<string, unknown>): void {
    for (const column of Object.keys(row)) {
      if (!this.columns.includes(column))
        throw new Error(`import files: ${this.name} has no column for property "${column}"`);
    }
    const fields = keys.map((k) => this.quoted(k));
    for (const column of this.columns) fields.push(this.field(row[column]));
    this.out.write(`${fields.join(',')}\n`);
    this.rows++;
  }

  private quoted(text: string): string {
    if (!this.multiline && /[\r\n]/.test(text)) this.multiline = true;
    return `"${text.replaceAll('"', '""')}"`;
  }

  private field(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) {
      for (const element of value) {
        if (String(element).includes(ARRAY_DELIMITER))
          throw new Error(
            `import files: a value of ${this.name} holds the control character U+001F, which the import uses between list elements`,
          );
      }
      return this.quoted(value.join(ARRAY_DELIMITER));
    }
    return this.quoted(String(value));
  }

  close(): number {
    return this.out.close();
  }
}

export interface ImportFiles {
  dir: string;
  /** The importer's --nodes and --relationships arguments, with paths inside `dir`. */
  args: string[];
  nodes: number;
  relationships: number;
  bytes: number;
  millis: number;
}

/**
 * Writes the import files of a validated plan into `dir` (created, must be empty), showing
 * progress and rate.
 */
export function writeImportFiles(
  plan: BulkPlan,
  dir: string,
  onProgress: (message: string) => void = () => {},
): ImportFiles {
  const started = Date.now();
  fs.mkdirSync(dir, { recursive: true });
  const csv = (
    name: string,
    group: CsvFile['group'],
    label: string,
    keys: string[],
    columns: string[],
  ) => new CsvFile(path.join(dir, `${name}.csv`), group, label, keys, columns);
  const entityFiles = new Map(
    ENTITY_LABELS.map((label) => [
      label,
      csv(label, 'nodes', `Entity:${label}`, ['id:ID(Entity)'], ENTITY_COLUMNS(label)),
    ]),
  );
  const evidenceFile = csv('Evidence', 'nodes', 'Evidence', ['id:ID(Evidence)'], EVIDENCE_COLUMNS);
  const citedFile = csv(
    'CITED_IN',
    'relationships',
    'CITED_IN',
    [':START_ID(Evidence)', ':END_ID(Entity)'],
    [],
  );
  const factFiles = new Map(
    RELATIONSHIP_TYPES.map((type) => [
      type,
      csv(
        type,
        'relationships',
        type,
        [':START_ID(Entity)', ':END_ID(Entity)', 'id'],
        FACT_COLUMNS,
      ),
    ]),
  );
  const all = [...entityFiles.values(), evidenceFile, citedFile, ...factFiles.values()];

  const restated = new Set(plan.restated.map((f) => f.id));
  const restatedFacts = new Map<string, FactRecord>();
  const restatedQuotes = new Map<string, Set<string>>();
  let relationships = 0;
  let last = Date.now();
  const progress = (force = false) => {
    if (!force && Date.now() - last < 2000) return;
    last = Date.now();
    const rate = Math.round(relationships / Math.max(0.001, (Date.now() - started) / 1000));
    onProgress(`writing import files: ${relationships} relationships (${rate}/s)`);
  };
  const writeFact = (fact: FactRecord, evidenceCount: number) => {
    const { from, to, props } = factRow(fact, evidenceCount);
    const { id, ...properties } = props as { id: string } & Record<string, unknown>;
    factFiles.get(fact.type)!.write([from as string, to as string, id], properties);
    relationships++;
  };
  const writeEvidence = (e: EvidenceRecord) => {
    const { id, ...properties } = e;
    evidenceFile.write([id], properties);
    citedFile.write([id, e.document], {});
    relationships++;
  };

  try {
    for (const unit of readUnits(plan.spool)) {
      for (const entity of unit.entities) {
        const { id, ...properties } = entityRow(entity) as { id: string } & Record<string, unknown>;
        entityFiles.get(entity.label)!.write([id], properties);
      }
      // A unit holds each fact with its quotes, so a fact stated once counts its quotes here.
      const quotes = new Map<string, Set<string>>();
      for (const e of unit.evidence) {
        const seen = restated.has(e.about)
          ? (restatedQuotes.get(e.about) ?? restatedQuotes.set(e.about, new Set()).get(e.about)!)
          : (quotes.get(e.about) ?? quotes.set(e.about, new Set()).get(e.about)!);
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        writeEvidence(e);
      }
      for (const fact of unit.facts) {
        if (restated.has(fact.id)) {
          if (!restatedFacts.has(fact.id)) restatedFacts.set(fact.id, fact);
        } else {
          writeFact(fact, quotes.get(fact.id)?.size ?? 0);
        }
      }
      progress();
    }
    for (const fact of restatedFacts.values())
      writeFact(fact, restatedQuotes.get(fact.id)?.size ?? 0);
  } finally {
    for (const file of all) file.close();
  }
  progress(true);

  const used = all.filter((f) => f.rows > 0);
  const multiline = used.filter((f) => f.multiline).map((f) => f.file);
  return {
    dir,
    args: [
      ...used.map((f) => `--${f.group}=${f.name}=${f.file}`),
      ...(multiline.length > 0
        ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`]
        : ['--multiline-fields=false']),
    ],
    nodes: used.filter((f) => f.group === 'nodes').reduce((n, f) => n + f.rows, 0),
    relationships,
    bytes: used.reduce((n, f) => n + fs.statSync(f.file).size, 0),
    millis: Date.now() - started,
  };
}
