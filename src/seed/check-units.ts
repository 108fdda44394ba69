import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { EntityLabel } from '../model/graph-model.js';
import type { ArticleTexts } from './article-texts.js';
import type { CheckedFact, Located, Raw, SeedChecker } from './checker.js';
import { schemaIssues } from './schema.js';
import type { EntityRecord, EvidenceRecord } from './types.js';
import { YamlSource } from './yaml-source.js';

/**
 * The validator's checks, one unit at a time: an entity item (with its quotes and, for a
 * document, its text's checksum) or a whole facts file (see validateSeeds).
 */

export interface UnitContext {
  checker: SeedChecker;
  texts: ArticleTexts;
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
