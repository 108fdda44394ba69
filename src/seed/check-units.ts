import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { EntityLabel } from '../model/graph-model.js';
import type { CheckedFact, Located, Raw, SeedChecker, TextLookup } from './checker.js';
import { schemaIssues } from './schema.js';
import type { EntityRecord, EvidenceRecord } from './types.js';
import { YamlSource } from './yaml-source.js';

/**
 * The validator's checks, one unit at a time: an entity item (with its quotes and, for a
 * document, its text's checksum) or a whole facts file (see validateSeeds).
 */

const TEXT_CACHE = 256;

/** Article texts read on demand through a small LRU: quotes of one article come together. */
export class LazyTexts implements TextLookup {
  private readonly cache = new Map<string, string | undefined>();
  checker: SeedChecker | undefined;

  constructor(private readonly dir: string | undefined) {}

  /** A text already read (for its checksum), so its quotes need not read it again. */
  remember(documentId: string, bytes: Buffer): void {
    this.cache.set(documentId, bytes.toString('utf8').normalize('NFC'));
    if (this.cache.size > TEXT_CACHE) this.cache.delete(this.cache.keys().next().value!);
  }

  get(documentId: string): string | undefined {
    if (this.dir === undefined) return undefined;
    if (this.cache.has(documentId)) {
      const text = this.cache.get(documentId);
      this.cache.delete(documentId);
      this.cache.set(documentId, text);
      return text;
    }
    const name = this.checker?.textFileOf(documentId);
    const file = name === undefined ? undefined : path.join(this.dir, name);
    // A missing text is reported once, with its document entry; its quotes go unchecked.
    let text: string | undefined;
    try {
      text = file ? fs.readFileSync(file, 'utf8').normalize('NFC') : undefined;
    } catch {
      text = undefined;
    }
    this.cache.set(documentId, text);
    if (this.cache.size > TEXT_CACHE) this.cache.delete(this.cache.keys().next().value!);
    return text;
  }
}

export interface UnitContext {
  checker: SeedChecker;
  texts: LazyTexts;
  /** The article texts' folder when it is there (else quotes and checksums go unchecked). */
  documentsDir: string | undefined;
}

/** An entity just indexed: its checks, its record and its quotes. */
export function checkEntityItem(
  context: UnitContext,
  item: Located<Raw>,
  label: EntityLabel,
): { record: EntityRecord; evidence: EvidenceRecord[] } {
  const { checker, texts, documentsDir } = context;
  if (label === 'Document' && documentsDir !== undefined) {
    const bytes = checker.checkDocumentText(item, documentsDir);
    if (bytes) texts.remember(item.value.id as string, bytes);
  }
  return checker.entity(item, label);
}

/** A facts file's text: every fact checked, each one that passes handed to onFact. */
export function checkFactsText(
  context: UnitContext,
  validateFacts: ValidateFunction,
  display: string,
  text: string,
  onFact: (fact: CheckedFact) => void,
): void {
  const { checker } = context;
  const parsed = YamlSource.parseFast(display, text);
  checker.report(...parsed.issues);
  if (parsed.issues.length > 0) return;
  const root = parsed.source.value as Raw;
  if (!validateFacts(root)) {
    checker.report(...schemaIssues(parsed.source, validateFacts.errors ?? []));
    return;
  }
  const document = checker.factsDocument(parsed.source, root);
  if (document === undefined) return;
  const facts = root.facts as Raw[];
  for (let i = 0; i < facts.length; i++) {
    const fact = checker.fact(
      { value: facts[i]!, source: parsed.source, path: ['facts', i] },
      document,
    );
    if (fact) onFact(fact);
  }
}
