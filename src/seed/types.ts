import type { EntityLabel, RelationshipType } from '../model/graph-model.js';
import type { PartialDate } from '../model/partial-date.js';

/** A problem in the seed files, located for a curator: file, line and column (1-based). */
export interface SeedIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly issues: SeedIssue[]) {
    super(`${issues.length} problem(s) in the seed files:\n${issues.map(formatIssue).join('\n')}`);
  }
}

export function formatIssue(issue: SeedIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

export interface LocalizedText {
  text: string;
  lang: string;
}

export interface EvidenceRecord {
  id: string;
  /** Id of the fact or entity the quote supports. */
  about: string;
  document: string;
  quote: string;
  /** Character offset of the quote in the NFC text; null when the texts were absent. */
  offset: number | null;
}

export interface EntityRecord {
  id: string;
  label: EntityLabel;
  name: string;
  labels: LocalizedText[];
  aliases: LocalizedText[];
  wikidata: string | null;
  /** Label-specific scalar properties (kind, format, ordinal, file, title ...). */
  properties: Record<string, string | number | null>;
  dates: Record<string, PartialDate>;
}

export interface FactRecord {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  qualifiers: Record<string, string | null>;
  dates: Record<string, PartialDate>;
}

/** The validated, normalized content of all seed files, ready to load. */
export interface SeedGraph {
  version: string;
  entities: EntityRecord[];
  facts: FactRecord[];
  evidence: EvidenceRecord[];
  /** Set when the article texts were not found, so quotes and checksums went unchecked. */
  textsSkipped: string | null;
}
