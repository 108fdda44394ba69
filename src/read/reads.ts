import type { Db } from './db.js';
import { EvidenceReads } from './evidence/evidence.js';
import { Lists } from './lists/lists.js';
import { Lookups } from './lookups/lookups.js';
import { RelationshipPages } from './relationship-pages/relationship-pages.js';
import { Search } from './search/search.js';

/**
 * The read side as one GraphQL request sees it, by family: a new one per request, so its
 * DataLoaders batch and cache within the request only. The families share the request's Db (one
 * round-trip count) and its entity lookups (whatever one family reads, the others find by id).
 */
export class Reads {
  readonly lookups: Lookups;
  readonly evidence: EvidenceReads;
  readonly pages: RelationshipPages;
  readonly lists: Lists;
  readonly search: Search;

  constructor(db: Db) {
    this.lookups = new Lookups(db);
    this.evidence = new EvidenceReads(db, this.lookups);
    this.pages = new RelationshipPages(db, this.lookups);
    this.lists = new Lists(db, this.lookups);
    this.search = new Search(db, this.lookups);
  }
}
