import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { ENDPOINTS, isRelationshipType, type EntityLabel } from '../model/graph-model.js';
import { parsePartialDate, type PartialDate } from '../model/partial-date.js';
import {
  SeedValidationError,
  type EntityRecord,
  type EvidenceRecord,
  type FactRecord,
  type LocalizedText,
  type SeedGraph,
  type SeedIssue,
} from './types.js';
import { YamlSource } from './yaml-source.js';

/** Bumped when the stored shape changes, so a changed loader reloads an unchanged seed. */
export const LOADER_FORMAT = 'kg-seed-v1';

const ENTITY_FILES: Record<string, { label: EntityLabel; key: string; def: string }> = {
  'persons.yaml': { label: 'Person', key: 'persons', def: 'personsFile' },
  'organizations.yaml': { label: 'Organization', key: 'organizations', def: 'organizationsFile' },
  'meetings.yaml': { label: 'Meeting', key: 'meetings', def: 'meetingsFile' },
  'themes.yaml': { label: 'Theme', key: 'themes', def: 'themesFile' },
  'places.yaml': { label: 'Place', key: 'places', def: 'placesFile' },
};

const FACT_QUALIFIERS = ['capacity', 'role', 'onBehalfOf', 'title', 'key'] as const;
const FACT_DATES = ['start', 'end', 'attested'] as const;

export interface ReadSeedOptions {
  seedsDir: string;
  documentsDir: string;
  /** Fail instead of skipping quote and checksum checks when the texts are absent. */
  requireTexts: boolean;
}

type Raw = Record<string, unknown>;
interface Located<T> {
  value: T;
  source: YamlSource;
  path: (string | number)[];
}

let validators: Map<string, ValidateFunction> | undefined;

function validatorFor(seedsDir: string, def: string): ValidateFunction {
  if (!validators) {
    const schema = JSON.parse(fs.readFileSync(path.join(seedsDir, 'seed.schema.json'), 'utf8')) as {
      $id: string;
    };
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(schema);
    validators = new Map();
    for (const d of [
      'documentsFile',
      'factsFile',
      ...Object.values(ENTITY_FILES).map((f) => f.def),
    ]) {
      const validate = ajv.getSchema(`${schema.$id}#/$defs/${d}`);
      if (!validate) throw new Error(`seed.schema.json has no $defs/${d}`);
      validators.set(d, validate);
    }
  }
  const validate = validators.get(def);
  if (!validate) throw new Error(`no validator for ${def}`);
  return validate;
}

function schemaIssues(source: YamlSource, errors: ErrorObject[]): SeedIssue[] {
  return errors
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'oneOf')
    .map((e) => {
      const where = e.instancePath
        .split('/')
        .slice(1)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
      let message = e.message ?? 'is invalid';
      if (e.keyword === 'additionalProperties') {
        const name = (e.params as { additionalProperty: string }).additionalProperty;
        where.push(name);
        message = `unknown property "${name}"`;
      } else if (e.keyword === 'propertyNames') {
        message = `property not allowed here (${e.message})`;
      } else if (e.keyword === 'enum') {
        message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      }
      const at = where.length
        ? where.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')
        : 'file';
      return source.issue(where, `${at.replace(/^\./, '')}: ${message}`);
    });
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

function sha256(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Reads every seed file, checks it completely, and returns the graph to load or every problem. */
export function readSeeds(options: ReadSeedOptions): SeedGraph {
  const { seedsDir } = options;
  const issues: SeedIssue[] = [];
  const versionHash = crypto.createHash('sha256').update(LOADER_FORMAT);

  const sources: { source: YamlSource; def: string; entity?: (typeof ENTITY_FILES)[string] }[] = [];
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  const load = (file: string, def: string, entity?: (typeof ENTITY_FILES)[string]) => {
    const text = fs.readFileSync(file, 'utf8');
    versionHash.update(path.relative(seedsDir, file)).update(text);
    const parsed = YamlSource.parse(relative(file), text);
    issues.push(...parsed.issues);
    if (parsed.issues.length === 0) sources.push({ source: parsed.source, def, entity });
  };

  if (!fs.existsSync(seedsDir))
    throw new SeedValidationError([
      { file: seedsDir, line: 1, column: 1, message: 'seed folder not found' },
    ]);
  const documentsFile = path.join(seedsDir, 'documents.yaml');
  if (!fs.existsSync(documentsFile)) {
    issues.push({
      file: relative(documentsFile),
      line: 1,
      column: 1,
      message: 'missing: every seed needs its documents',
    });
  } else load(documentsFile, 'documentsFile');
  for (const sub of ['entities', 'facts']) {
    const dir = path.join(seedsDir, sub);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (!/\.ya?ml$/.test(name)) continue;
      if (sub === 'facts') load(file, 'factsFile');
      else if (ENTITY_FILES[name]) load(file, ENTITY_FILES[name].def, ENTITY_FILES[name]);
      else
        issues.push({
          file: relative(file),
          line: 1,
          column: 1,
          message: `unknown entity file: expected one of ${Object.keys(ENTITY_FILES).join(', ')}`,
        });
    }
  }

  // Shape, file by file.
  const valid = sources.filter(({ source, def }) => {
    const validate = validatorFor(seedsDir, def);
    if (validate(source.value)) return true;
    issues.push(...schemaIssues(source, validate.errors ?? []));
    return false;
  });

  // Entities, documents included, with unique ids across all files.
  const entities = new Map<string, Located<Raw> & { label: EntityLabel }>();
  const addEntity = (item: Located<Raw>, label: EntityLabel) => {
    const id = item.value.id as string;
    const existing = entities.get(id);
    if (existing) {
      const at = existing.source.locate(existing.path);
      issues.push(
        item.source.issue(
          [...item.path, 'id'],
          `duplicate id "${id}" (first defined at ${existing.source.file}:${at.line})`,
        ),
      );
      return;
    }
    entities.set(id, { ...item, label });
  };
  const factFiles: Located<Raw>[] = [];
  for (const { source, def, entity } of valid) {
    const root = source.value as Raw;
    if (def === 'documentsFile') {
      (root.documents as Raw[]).forEach((value, i) =>
        addEntity({ value, source, path: ['documents', i] }, 'Document'),
      );
    } else if (entity) {
      (root[entity.key] as Raw[]).forEach((value, i) =>
        addEntity({ value, source, path: [entity.key, i] }, entity.label),
      );
    } else {
      factFiles.push({ value: root, source, path: [] });
    }
  }

  const labelOf = (id: string) => entities.get(id)?.label;
  const dateOf = (item: Located<Raw>, field: string): PartialDate | undefined => {
    const raw = item.value[field];
    if (raw === undefined || raw === null) return undefined;
    const date = parsePartialDate(String(raw));
    if (!date)
      issues.push(
        item.source.issue(
          [...item.path, field],
          `${field}: "${String(raw)}" is not a valid ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`,
        ),
      );
    return date;
  };
  const checkOrder = (item: Located<Raw>, start?: PartialDate, end?: PartialDate) => {
    if (start && end && end.max < start.min) {
      issues.push(
        item.source.issue([...item.path, 'end'], `end ${end.value} is before start ${start.value}`),
      );
    }
  };

  // Texts: checksums and the NFC text that quotes are checked against.
  const texts = new Map<string, string>();
  const documentsPresent = fs.existsSync(options.documentsDir);
  let textsSkipped: string | null = null;
  if (!documentsPresent) {
    textsSkipped = `documents folder ${options.documentsDir} not found: quote and checksum checks were skipped`;
    if (options.requireTexts) {
      issues.push({
        file: options.documentsDir,
        line: 1,
        column: 1,
        message: 'documents folder not found, and quote checks are required',
      });
    }
  }
  for (const [id, doc] of entities) {
    if (doc.label !== 'Document' || !documentsPresent) continue;
    const file = path.join(options.documentsDir, String(doc.value.file));
    if (!fs.existsSync(file)) {
      issues.push(doc.source.issue([...doc.path, 'file'], `document text ${file} not found`));
      continue;
    }
    const bytes = fs.readFileSync(file);
    const actual = sha256(bytes);
    if (actual !== doc.value.sha256) {
      issues.push(
        doc.source.issue(
          [...doc.path, 'sha256'],
          `the text of ${doc.value.file} changed: its SHA-256 is ${actual}, the seed records ${String(doc.value.sha256)}`,
        ),
      );
    }
    texts.set(id, bytes.toString('utf8').normalize('NFC'));
  }

  const evidence: EvidenceRecord[] = [];
  const addEvidence = (about: string, document: string, quote: string, where: Located<unknown>) => {
    if (labelOf(document) !== 'Document') {
      issues.push(where.source.issue(where.path, `unknown document "${document}"`));
      return;
    }
    const text = texts.get(document);
    const nfc = quote.normalize('NFC');
    let offset: number | null = null;
    if (text !== undefined) {
      offset = text.indexOf(nfc);
      if (offset < 0) {
        issues.push(
          where.source.issue(
            [...where.path, 'quote'],
            `quote not found verbatim in ${document}: "${quote.length > 80 ? `${quote.slice(0, 77)}...` : quote}"`,
          ),
        );
        return;
      }
    }
    const id = sha256(`${about}\n${document}\n${nfc}`).slice(0, 20);
    if (!evidence.some((e) => e.id === id))
      evidence.push({ id, about, document, quote: nfc, offset });
  };

  // Entity records and their evidence.
  const entityRecords: EntityRecord[] = [];
  for (const [id, item] of entities) {
    const raw = item.value;
    const { labels, aliases } = localized(raw);
    const properties: Record<string, string | number | null> = {};
    const dates: Record<string, PartialDate> = {};
    for (const field of [
      'kind',
      'format',
      'ordinal',
      'file',
      'title',
      'label',
      'language',
      'publisher',
      'sha256',
    ]) {
      if (raw[field] !== undefined) properties[field] = raw[field] as string | number | null;
    }
    for (const field of item.label === 'Document' ? ['published'] : ['start', 'end']) {
      const date = dateOf(item, field);
      if (date) dates[field] = date;
    }
    checkOrder(item, dates.start, dates.end);
    if (item.label === 'Document' && labelOf(String(raw.publisher)) !== 'Organization') {
      issues.push(
        item.source.issue(
          [...item.path, 'publisher'],
          `publisher "${String(raw.publisher)}" is not a known organization`,
        ),
      );
    }
    const name = item.label === 'Document' ? String(raw.title ?? raw.label) : String(raw.name);
    entityRecords.push({
      id,
      label: item.label,
      name,
      labels,
      aliases,
      wikidata: ((raw.externalIds as Raw | undefined)?.wikidata as string | undefined) ?? null,
      properties,
      dates,
    });
    ((raw.evidence as Raw[] | undefined) ?? []).forEach((ev, i) => {
      const at = { value: ev, source: item.source, path: [...item.path, 'evidence', i] };
      addEvidence(id, item.label === 'Document' ? id : String(ev.document), String(ev.quote), at);
    });
  }

  // Facts: endpoints of the right kinds, dates, one relationship per fact across documents.
  const facts = new Map<string, FactRecord & { at: Located<Raw> }>();
  for (const file of factFiles) {
    const document = String(file.value.document);
    const expectedName = `${document}.yaml`;
    if (labelOf(document) !== 'Document') {
      issues.push(file.source.issue(['document'], `unknown document "${document}"`));
      continue;
    }
    if (path.basename(file.source.file) !== expectedName) {
      issues.push(
        file.source.issue(
          ['document'],
          `facts of document "${document}" belong in facts/${expectedName}`,
        ),
      );
    }
    (file.value.facts as Raw[]).forEach((raw, i) => {
      const item: Located<Raw> = { value: raw, source: file.source, path: ['facts', i] };
      const type = String(raw.type);
      const from = String(raw.from);
      const to = String(raw.to);
      if (!isRelationshipType(type)) return; // the schema already said so
      const fromLabel = labelOf(from);
      const toLabel = labelOf(to);
      if (!fromLabel)
        issues.push(file.source.issue([...item.path, 'from'], `unknown id "${from}"`));
      if (!toLabel) issues.push(file.source.issue([...item.path, 'to'], `unknown id "${to}"`));
      if (!fromLabel || !toLabel) return;
      if (!ENDPOINTS[type].some(([a, b]) => a === fromLabel && b === toLabel)) {
        const allowed = ENDPOINTS[type].map(([a, b]) => `${a} → ${b}`).join(' or ');
        issues.push(
          file.source.issue(
            [...item.path, 'type'],
            `${type} cannot join ${fromLabel} "${from}" to ${toLabel} "${to}" (allowed: ${allowed})`,
          ),
        );
        return;
      }
      if (raw.onBehalfOf !== undefined && labelOf(String(raw.onBehalfOf)) !== 'Organization') {
        issues.push(
          file.source.issue(
            [...item.path, 'onBehalfOf'],
            `onBehalfOf "${String(raw.onBehalfOf)}" is not a known organization`,
          ),
        );
      }
      const qualifiers: Record<string, string | null> = {};
      for (const q of FACT_QUALIFIERS) qualifiers[q] = raw[q] === undefined ? null : String(raw[q]);
      const dates: Record<string, PartialDate> = {};
      for (const d of FACT_DATES) {
        const date = dateOf(item, d);
        if (date) dates[d] = date;
      }
      checkOrder(item, dates.start, dates.end);
      const id = [
        from,
        type.toLowerCase().replace(/_/g, '-'),
        to,
        ...(raw.key ? [String(raw.key)] : []),
      ].join('--');
      const existing = facts.get(id);
      if (existing) {
        const same =
          JSON.stringify([
            existing.qualifiers,
            Object.fromEntries(Object.entries(existing.dates).map(([k, v]) => [k, v.value])),
          ]) ===
          JSON.stringify([
            qualifiers,
            Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, v.value])),
          ]);
        if (!same) {
          const at = existing.at.source.locate(existing.at.path);
          issues.push(
            file.source.issue(
              item.path,
              `the same ${type} fact ${from} → ${to} is stated with other qualifiers at ${existing.at.source.file}:${at.line}; give one of them a distinct "key" or make them agree`,
            ),
          );
          return;
        }
      } else {
        facts.set(id, { id, type, from, to, qualifiers, dates, at: item });
      }
      (raw.evidence as Raw[]).forEach((ev, j) => {
        addEvidence(id, document, String(ev.quote), {
          value: ev,
          source: file.source,
          path: [...item.path, 'evidence', j],
        });
      });
    });
  }

  if (issues.length > 0) {
    issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    throw new SeedValidationError(issues);
  }
  return {
    version: versionHash.digest('hex').slice(0, 16),
    entities: entityRecords,
    facts: [...facts.values()].map(({ at: _at, ...fact }) => fact),
    evidence,
    textsSkipped,
  };
}
