import DataLoader from 'dataloader';
import type { EntityLabel } from '../../model/graph-model.js';
import { entityNotFound, NotFoundError } from '../errors.js';
import { checkEntityId, checkFactId } from '../ids.js';
import { edgesOf, pageOf, type KeyedRow, type PageRequest } from '../pagination.js';
import { toEntity, toFact, type EntityRecord, type FactRecord, type Props } from '../records.js';
import type { Db } from '../db.js';
import { statement, typeExpression } from '../statements.js';

/** A page row of entities, as the page statements return them. */
export interface EntityPageRow extends KeyedRow {
  node: Props;
  labels: unknown;
}

/**
 * Entities and facts by id, through per-request DataLoaders: each level of a query costs one
 * round trip however many ids it asks for. Every entity another read returns is primed here
 * (`prime`), so reaching it again by id costs nothing.
 */
export class Lookups {
  private readonly entities: DataLoader<string, EntityRecord | null>;
  private readonly facts: DataLoader<string, FactRecord | null>;

  constructor(db: Db) {
    this.entities = new DataLoader(async (ids) => {
      const rows = await db.read(statement('read/lookups/entities-by-id'), { ids });
      const found = new Map(rows.map((r) => [String(r.id), toEntity(r.node as Props, r.labels)]));
      return ids.map((id) => found.get(id) ?? null);
    });
    this.facts = new DataLoader(async (ids) => {
      const rows = await db.read(
        statement('read/lookups/facts-by-id', { types: typeExpression() }),
        { ids },
      );
      const found = new Map<string, FactRecord>();
      for (const r of rows) {
        const subject = this.prime(r.subject as Props, r.subjectLabels);
        const object = this.prime(r.object as Props, r.objectLabels);
        found.set(String(r.factId), toFact(r.type, r.fact as Props, subject.id, object.id));
      }
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** Any entity, or null. */
  async entity(id: string): Promise<EntityRecord | null> {
    return this.entities.load(checkEntityId(id));
  }

  /** An entity that must exist and carry `label` (NotFoundError otherwise). */
  async entityOf(label: EntityLabel, id: string): Promise<EntityRecord> {
    const entity = await this.entity(id);
    if (!entity || entity.label !== label) {
      throw entityNotFound(label, id);
    }
    return entity;
  }

  /** A fact's subject or object: the graph guarantees it exists. */
  async endOf(id: string): Promise<EntityRecord> {
    const entity = await this.entities.load(id);
    if (!entity) throw new Error(`a fact points at "${id}", which is not in the graph`);
    return entity;
  }

  async fact(id: string): Promise<FactRecord> {
    const fact = await this.facts.load(checkFactId(id));
    if (!fact) throw new NotFoundError(`no fact has the id "${id}"`);
    return fact;
  }

  /** An entity another read returned whole: later lookups of its id find it here. */
  prime(props: Props, labels: unknown): EntityRecord {
    const entity = toEntity(props, labels);
    this.entities.prime(entity.id, entity);
    return entity;
  }

  /** A page of entity rows as edges, each entity primed. */
  entityPage(read: EntityPageRow[], request: PageRequest) {
    const { rows, pageInfo } = pageOf(read, request);
    return {
      pageInfo,
      edges: edgesOf(rows, (r) => ({ node: this.prime(r.node, r.labels) })),
    };
  }
}
