import DataLoader from 'dataloader';
import type { Db } from '../db.js';
import type { Lookups } from '../lookups/lookups.js';
import { toEvidence, type EvidenceRecord, type Props } from '../records.js';
import { statement } from '../statements.js';

/** The quotes supporting facts and entities, batched per request like the lookups. */
export class EvidenceReads {
  private readonly evidence: DataLoader<string, EvidenceRecord[]>;

  constructor(db: Db, lookups: Lookups) {
    this.evidence = new DataLoader(async (ids) => {
      const rows = await db.read(statement('read/evidence/evidence-about'), { ids });
      const byAbout = new Map<string, EvidenceRecord[]>(ids.map((id) => [id, []]));
      for (const r of rows) {
        lookups.prime(r.document as Props, r.documentLabels);
        byAbout.get(String(r.about))?.push(toEvidence(r.evidence as Props, r.documentId));
      }
      return ids.map((id) => byAbout.get(id) ?? []);
    });
  }

  /** The quotes supporting a fact or an entity. */
  async evidenceFor(aboutId: string): Promise<EvidenceRecord[]> {
    return this.evidence.load(aboutId);
  }
}

/** A document's quotes for one fact, in the order they appear in its text. */
export function inReadingOrder(quotes: EvidenceRecord[]): EvidenceRecord[] {
  return quotes.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
}
