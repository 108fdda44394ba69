import type { EntityLabel, RelationshipType } from '../model/graph-model.js';
import type { DateMention } from './dates.js';
import type { Mention } from './gazetteer.js';

/** What a draft holds: the seed format's parts, each proposal with why it was made. */

export interface DraftDocument {
  id: string;
  file: string;
  title: string | null;
  label: string;
  publisher: string;
  language: string;
  published: string;
  sha256: string;
  evidence: { quote: string }[];
}

export interface ProposedEntity {
  id: string;
  label: EntityLabel;
  name: string;
  labels: Partial<Record<'en' | 'fr' | 'vi', string>>;
  aliases: { text: string; lang: string }[];
  /** Label-specific properties: kind, ordinal, format, start, end. */
  properties: Record<string, string | number>;
  quote: string;
  reason: string;
}

export interface ProposedFact {
  type: RelationshipType;
  from: string;
  to: string;
  qualifiers: Record<string, string>;
  dates: Record<string, string>;
  quotes: string[];
  confidence: number;
  cue: string;
  /** new: a fact the graph lacks; add-evidence: the graph holds it from another article. */
  status: 'new' | 'add-evidence';
}

export interface EntityEvidence {
  id: string;
  quote: string;
}

export interface Draft {
  document: DraftDocument;
  /** Set when the seeds already hold a document with this text's SHA-256. */
  alreadyInSeeds: boolean;
  mentions: Mention[];
  entities: ProposedEntity[];
  entityEvidence: EntityEvidence[];
  facts: ProposedFact[];
  dates: DateMention[];
  warnings: string[];
}
