import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ENDPOINTS,
  ENTITY_LABELS,
  factId,
  isRelationshipType,
  type EntityLabel,
} from '../model/graph-model.js';
import { parsePartialDate, type PartialDate } from '../model/partial-date.js';
import type {
  EntityRecord,
  EvidenceRecord,
  FactRecord,
  LocalizedText,
  SeedIssue,
} from './types.js';
import { EntityIndex } from './entity-index.js';
import type { YamlSource } from './yaml-source.js';

/**
 * The per-item checks of the seed files, shared by the in-memory reader (readSeeds) and the
 * streaming bulk validator: both feed items through one SeedChecker, so a seed is judged the same
 * way whichever path loads it. The checker holds only what cross-file checks need (the entity id
 * index); records leave it as they are built, so a caller may keep them (readSeeds) or stream them
 * on (the bulk loader).
 */

export type Raw = Record<string, unknown>;

/** A value in a parsed file, with the path that locates it for messages. */
export interface Located<T> {
  value: T;
  source: YamlSource;
  path: (string | number)[];
}

export interface EntityFileSpec {
  label: EntityLabel;
  /** The file's top-level key holding the list. */
  key: string;
  /** The schema's $defs entry for the whole file. */
  def: string;
}

export const ENTITY_FILES: Record<string, EntityFileSpec> = {
  'persons.yaml': { label: 'Person', key: 'persons', def: 'personsFile' },
  'organizations.yaml': { label: 'Organization', key: 'organizations', def: 'organizationsFile' },
  'meetings.yaml': { label: 'Meeting', key: 'meetings', def: 'meetingsFile' },
  'themes.yaml': { label: 'Theme', key: 'themes', def: 'themesFile' },
  'places.yaml': { label: 'Place', key: 'places', def: 'placesFile' },
};

export const DOCUMENTS_FILE: EntityFileSpec = {
  label: 'Document',
  key: 'documents',
  def: 'documentsFile',
};

export const FACT_QUALIFIERS = ['capacity', 'role', 'onBehalfOf', 'title', 'key'] as const;
export const FACT_DATES = ['start', 'end', 'attested'] as const;
export const ENTITY_PROPERTIES = [
  'kind',
  'format',
  'ordinal',
  'file',
  'title',
  'label',
  'language',
  'publisher',
  'sha256',
] as const;

/**
 * Where an entity was first defined and what it is (all a later reference needs), packed in one
 * number: the index holds every entity of a seed of any size, so it is kept small.
 */
const LABEL_CODES = ENTITY_LABELS.length;
const FILE_CODES = 64;

/** The article texts quotes are checked against, by document id (NFC). */
export interface TextLookup {
  /**
   * Where an NFC quote starts in the document's NFC text, in UTF-16 units: -1 when the text does
   * not hold it, undefined when the text is not there (the quote then goes unchecked).
   */
  find(documentId: string, nfcQuote: string): number | undefined;
}

/**
 * One statement of a fact in one file. The same fact may be stated by several documents, and
 * must then agree: `signature` captures its qualifiers and dates.
 */
export interface FactStatement {
  id: string;
  type: string;
  from: string;
  to: string;
  signature: string;
  /** The facts file (as shown in messages) and the fact's index in its list. */
  file: string;
  index: number;
}

export interface CheckedFact {
  record: FactRecord;
  evidence: EvidenceRecord[];
  statement: FactStatement;
}

export function sha256(data: Buffer | string): string {
  return crypto.hash('sha256', data, 'hex');
}

/** The stable id of a quote supporting a fact or entity in a document. */
export function evidenceId(about: string, document: string, nfcQuote: string): string {
  return sha256(`${about}\n${document}\n${nfcQuote}`).slice(0, 20);
}

/**
 * A copy of a string that shares no memory with the text it was cut from: V8 keeps a parsed
 * file's whole text alive for as long as any substring of it is kept, and the id index keeps one
 * id from every chunk of every file.
 */
export function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function localized(raw: Raw): { labels: LocalizedText[]; aliases: LocalizedText[] } {
  const labels = Object.entries((raw.labels as Record<string, string> | undefined) ?? {}).map(
    ([lang, text]) => ({ lang, text }),
  );
  const aliases = ((raw.aliases as LocalizedText[] | undefined) ?? []).map((a) => ({
    text: a.text,
    lang: a.lang,
  }));
  return { labels, aliases };
}

/**
 * What statements of one fact must agree on, as one string: the qualifiers and the dates' values
 * in a fixed order, trailing absent ones left out (JSON: no tab or line break, unambiguous).
 */
function factSignature(
  qualifiers: Record<string, string | null>,
  dates: Record<string, PartialDate>,
): string {
  const values: (string | null)[] = [];
  for (const q of FACT_QUALIFIERS) values.push(qualifiers[q] ?? null);
  for (const d of FACT_DATES) values.push(dates[d]?.value ?? null);
  while (values.length > 0 && values[values.length - 1] === null) values.pop();
  return JSON.stringify(values);
}

const notAnOrganization = (publisher: string) =>
  `publisher "${publisher}" is not a known organization`;

export class SeedChecker {
  private readonly entities = new EntityIndex();
  /**
   * Documents whose publisher was not indexed yet when they were checked, by file and publisher
   * (few publishers: a small map), as the paths of the documents in their file.
   */
  private readonly publishersToCheck = new Map<string, Map<string, (string | number)[][]>>();
  /** Documents' text files, for quote checks. */
  private readonly textFiles = new Map<string, string>();
  /** The files entities were read from (few: documents.yaml and entities/*). */
  private readonly files: string[] = [];
  private issueCount = 0;
  private lastDocument: string | undefined;
  readonly issues: SeedIssue[] = [];

  /**
   * @param texts the article texts, or undefined entries when absent
   * @param maxIssues issues kept beyond this are only counted (a broken multi-million-fact seed
   *   must not exhaust memory listing the same mistake)
   */
  constructor(
    private readonly texts: TextLookup,
    private readonly maxIssues = Number.POSITIVE_INFINITY,
  ) {}

  private deferPublisher(file: string, publisher: string, path: (string | number)[]): void {
    let byPublisher = this.publishersToCheck.get(file);
    if (!byPublisher) this.publishersToCheck.set(file, (byPublisher = new Map()));
    let paths = byPublisher.get(publisher);
    if (!paths) byPublisher.set(detached(publisher), (paths = []));
    paths.push([...path, 'publisher']);
  }

  /**
   * Once every entity is indexed: the publishers that were not known when their documents were
   * checked must be organizations by now. `locate` finds a path's place in a file (read again
   * only when there is a problem to report).
   */
  checkDeferredPublishers(
    locate: (file: string, path: (string | number)[]) => { line: number; column: number },
  ): void {
    for (const [file, byPublisher] of this.publishersToCheck) {
      for (const [publisher, paths] of byPublisher) {
        if (this.labelOf(publisher) === 'Organization') continue;
        for (const path of paths)
          this.report({ file, ...locate(file, path), message: notAnOrganization(publisher) });
      }
    }
    this.publishersToCheck.clear();
  }

  /** The entity's integer id for the importer (its position in the index), or -1. */
  positionOf(id: string): number {
    return this.entities.position(id);
  }

  /** How many issues were found, including those not kept. */
  get totalIssues(): number {
    return this.issueCount;
  }

  report(...issues: SeedIssue[]): void {
    for (const issue of issues) {
      this.issueCount++;
      if (this.issues.length < this.maxIssues) this.issues.push(issue);
    }
  }

  private pack(label: EntityLabel, file: string, line: number): number {
    let f = this.files.indexOf(file);
    if (f < 0) f = this.files.push(file) - 1;
    if (f >= FILE_CODES) throw new Error(`more than ${FILE_CODES} entity files`);
    return (line * FILE_CODES + f) * LABEL_CODES + ENTITY_LABELS.indexOf(label);
  }

  private unpack(ref: number): { label: EntityLabel; file: string; line: number } {
    const rest = Math.floor(ref / LABEL_CODES);
    return {
      label: ENTITY_LABELS[ref % LABEL_CODES]!,
      file: this.files[rest % FILE_CODES]!,
      line: Math.floor(rest / FILE_CODES),
    };
  }

  labelOf(id: string): EntityLabel | undefined {
    const ref = this.entities.get(id);
    return ref === undefined ? undefined : ENTITY_LABELS[ref % LABEL_CODES];
  }

  /** The text file of a document id, once indexed. */
  textFileOf(id: string): string | undefined {
    return this.textFiles.get(id);
  }

  get entityCount(): number {
    return this.entities.size;
  }

  /** Registers an entity's id (first pass); false for a duplicate, which is reported. */
  indexEntity(item: Located<Raw>, label: EntityLabel): boolean {
    const id = item.value.id as string;
    const existing = this.entities.get(id);
    if (existing !== undefined) {
      const first = this.unpack(existing);
      this.report(
        item.source.issue(
          [...item.path, 'id'],
          `duplicate id "${id}" (first defined at ${first.file}:${first.line})`,
        ),
      );
      return false;
    }
    this.entities.add(id, this.pack(label, item.source.file, item.source.locateLine(item.path)));
    if (label === 'Document') this.textFiles.set(detached(id), detached(String(item.value.file)));
    return true;
  }

  /** Checks a document's text exists and matches its checksum; returns its bytes when found. */
  checkDocumentText(item: Located<Raw>, documentsDir: string): Buffer | undefined {
    const file = path.join(documentsDir, String(item.value.file));
    if (!fs.existsSync(file)) {
      this.report(item.source.issue([...item.path, 'file'], `document text ${file} not found`));
      return undefined;
    }
    const bytes = fs.readFileSync(file);
    const actual = sha256(bytes);
    if (actual !== item.value.sha256) {
      this.report(
        item.source.issue(
          [...item.path, 'sha256'],
          `the text of ${String(item.value.file)} changed: its SHA-256 is ${actual}, the seed records ${String(item.value.sha256)}`,
        ),
      );
    }
    return bytes;
  }

  private dateOf(item: Located<Raw>, field: string): PartialDate | undefined {
    const raw = item.value[field];
    if (raw === undefined || raw === null) return undefined;
    const date = parsePartialDate(String(raw));
    if (!date)
      this.report(
        item.source.issue(
          [...item.path, field],
          `${field}: "${String(raw)}" is not a valid ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`,
        ),
      );
    return date;
  }

  private checkOrder(item: Located<Raw>, start?: PartialDate, end?: PartialDate): void {
    if (start && end && end.max < start.min) {
      this.report(
        item.source.issue([...item.path, 'end'], `end ${end.value} is before start ${start.value}`),
      );
    }
  }

  /** One quote: its document must be known and, when the text is there, contain it verbatim. */
  evidence(
    about: string,
    document: string,
    quote: string,
    where: Located<unknown>,
  ): EvidenceRecord | undefined {
    // A document once indexed stays one: the last one found is not looked up again (a facts
    // file's quotes all cite its document).
    if (document !== this.lastDocument) {
      if (this.labelOf(document) !== 'Document') {
        this.report(where.source.issue(where.path, `unknown document "${document}"`));
        return undefined;
      }
      this.lastDocument = document;
    }
    const nfc = quote.normalize('NFC');
    const found = this.texts.find(document, nfc);
    const offset = found ?? null;
    if (offset !== null) {
      if (offset < 0) {
        this.report(
          where.source.issue(
            [...where.path, 'quote'],
            `quote not found verbatim in ${document}: "${quote.length > 80 ? `${quote.slice(0, 77)}...` : quote}"`,
          ),
        );
        return undefined;
      }
    }
    return { id: evidenceId(about, document, nfc), about, document, quote: nfc, offset };
  }

  /** An indexed entity's record and its evidence (second pass: every id is known by now). */
  entity(
    item: Located<Raw>,
    label: EntityLabel,
  ): { record: EntityRecord; evidence: EvidenceRecord[] } {
    const raw = item.value;
    const id = raw.id as string;
    const { labels, aliases } = localized(raw);
    const properties: Record<string, string | number | null> = {};
    const dates: Record<string, PartialDate> = {};
    for (const field of ENTITY_PROPERTIES) {
      if (raw[field] !== undefined) properties[field] = raw[field] as string | number | null;
    }
    for (const field of label === 'Document' ? ['published'] : ['start', 'end']) {
      const date = this.dateOf(item, field);
      if (date) dates[field] = date;
    }
    this.checkOrder(item, dates.start, dates.end);
    if (label === 'Document') {
      const publisher = String(raw.publisher);
      const publisherLabel = this.labelOf(publisher);
      if (publisherLabel === undefined) {
        // Organizations come after documents.yaml: settled once every file is read.
        this.deferPublisher(item.source.file, publisher, item.path);
      } else if (publisherLabel !== 'Organization') {
        this.report(item.source.issue([...item.path, 'publisher'], notAnOrganization(publisher)));
      }
    }
    const name = label === 'Document' ? String(raw.title ?? raw.label) : String(raw.name);
    const record: EntityRecord = {
      id,
      label,
      name,
      labels,
      aliases,
      wikidata: ((raw.externalIds as Raw | undefined)?.wikidata as string | undefined) ?? null,
      properties,
      dates,
    };
    const evidence: EvidenceRecord[] = [];
    ((raw.evidence as Raw[] | undefined) ?? []).forEach((ev, i) => {
      const at = { value: ev, source: item.source, path: [...item.path, 'evidence', i] };
      const document = label === 'Document' ? id : String(ev.document);
      const found = this.evidence(id, document, String(ev.quote), at);
      if (found) evidence.push(found);
    });
    return { record, evidence };
  }

  /**
   * A facts file's document: it must be a known document, and the file must be named after it.
   * Returns the document id, or undefined when its facts cannot be checked.
   */
  factsDocument(source: YamlSource, root: Raw): string | undefined {
    const document = String(root.document);
    const expectedName = `${document}.yaml`;
    if (this.labelOf(document) !== 'Document') {
      this.report(source.issue(['document'], `unknown document "${document}"`));
      return undefined;
    }
    if (path.basename(source.file) !== expectedName) {
      this.report(
        source.issue(
          ['document'],
          `facts of document "${document}" belong in facts/${expectedName}`,
        ),
      );
    }
    return document;
  }

  /** One fact of a document: endpoints of the right kinds, dates, and its evidence. */
  fact(item: Located<Raw>, document: string): CheckedFact | undefined {
    const raw = item.value;
    const type = String(raw.type);
    const from = String(raw.from);
    const to = String(raw.to);
    if (!isRelationshipType(type)) return undefined; // the schema already said so
    const fromLabel = this.labelOf(from);
    const toLabel = this.labelOf(to);
    if (!fromLabel) this.report(item.source.issue([...item.path, 'from'], `unknown id "${from}"`));
    if (!toLabel) this.report(item.source.issue([...item.path, 'to'], `unknown id "${to}"`));
    if (!fromLabel || !toLabel) return undefined;
    if (!ENDPOINTS[type].some(([a, b]) => a === fromLabel && b === toLabel)) {
      const allowed = ENDPOINTS[type].map(([a, b]) => `${a} → ${b}`).join(' or ');
      this.report(
        item.source.issue(
          [...item.path, 'type'],
          `${type} cannot join ${fromLabel} "${from}" to ${toLabel} "${to}" (allowed: ${allowed})`,
        ),
      );
      return undefined;
    }
    if (raw.onBehalfOf !== undefined && this.labelOf(String(raw.onBehalfOf)) !== 'Organization') {
      this.report(
        item.source.issue(
          [...item.path, 'onBehalfOf'],
          `onBehalfOf "${String(raw.onBehalfOf)}" is not a known organization`,
        ),
      );
    }
    const qualifiers: Record<string, string | null> = {};
    for (const q of FACT_QUALIFIERS) qualifiers[q] = raw[q] === undefined ? null : String(raw[q]);
    const dates: Record<string, PartialDate> = {};
    for (const d of FACT_DATES) {
      const date = this.dateOf(item, d);
      if (date) dates[d] = date;
    }
    this.checkOrder(item, dates.start, dates.end);
    const id = factId(from, type, to, raw.key ? String(raw.key) : undefined);
    const evidence: EvidenceRecord[] = [];
    (raw.evidence as Raw[]).forEach((ev, j) => {
      const found = this.evidence(id, document, String(ev.quote), {
        value: ev,
        source: item.source,
        path: [...item.path, 'evidence', j],
      });
      if (found) evidence.push(found);
    });
    return {
      record: { id, type, from, to, qualifiers, dates },
      evidence,
      statement: {
        id,
        type,
        from,
        to,
        signature: factSignature(qualifiers, dates),
        file: item.source.file,
        index: item.path[1] as number,
      },
    };
  }
}

export function sortIssues(issues: SeedIssue[]): SeedIssue[] {
  return issues.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}
