import DataLoader from 'dataloader';
import { dayParameter } from '../../db/dates.js';
import type { FactField } from '../../model/fact-fields.js';
import { orderTag, requestedOrder } from '../../model/relationship-order.js';
import type { Db, Row } from '../db.js';
import { inReadingOrder } from '../evidence/evidence.js';
import type { EntityPageRow, Lookups } from '../lookups/lookups.js';
import {
  edgesOf,
  pageOf,
  pageQuery,
  pageRequest,
  type KeyedRow,
  type PageArgs,
} from '../pagination.js';
import {
  toEntity,
  toEvidence,
  toFact,
  type Connection,
  type EntityEdge,
  type FactEdgeRecord,
  type LazyConnection,
  type Props,
  type RelationshipConnection,
  type SupportedFactEdgeRecord,
} from '../records.js';
import {
  AS_OF_ON_R,
  orderKey,
  orderDirection,
  relationshipPattern,
  statement,
  typeExpression,
  type Statement,
} from '../statements.js';

interface FactRow extends KeyedRow {
  type: string;
  fact: Props;
  subjectId: string;
  objectId: string;
}

/** A relationship field's arguments: Relay's, its order and, on some fields, a day. */
export type RelationshipArgs = PageArgs & {
  asOf?: string | null;
  orderBy?: { field?: unknown; direction?: unknown } | null;
};

/**
 * Pages of the relationship fields (a meeting's chairs, a person's participations ...), of a
 * document's facts and of a meeting's documents, for many parents at once: one DataLoader per
 * field and page arguments, so a batch shares its Cypher parameters and a level of a query costs
 * one round trip per field.
 */
export class RelationshipPages {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly db: Db,
    private readonly lookups: Lookups,
  ) {}

  /**
   * A page of a relationship field of `parentId`, in the order `args.orderBy` asks for (the
   * field's usual one when null). `withTotal`: count every fact of the field too (the GraphQL
   * layer asks for it when a query selects totalCount). `slim`: the query reads only the nodes' ids
   * and names (and what loads by id), so the nodes are read as just that; such partial entities
   * never go into the entity cache.
   */
  async relationship(
    field: FactField,
    parentId: string,
    args: RelationshipArgs,
    { withTotal = true, slim = false }: { withTotal?: boolean; slim?: boolean } = {},
  ): Promise<RelationshipConnection<FactEdgeRecord>> {
    const order = requestedOrder(field.order, args.orderBy);
    const request = pageRequest(args, orderTag(field.order, order));
    const asOf = args.asOf ?? '';
    const { params, descending } = pageQuery(request, order.descending);
    const loader = this.loader(
      [field.name, request, order.by, asOf, withTotal, slim],
      statement('read/relationship-pages/relationship-page', {
        rel: relationshipPattern(field.type, field.direction),
        order: orderDirection(descending),
        ...AS_OF_ON_R,
        orderKey: orderKey(order.by),
      }),
      'parentId',
      { asOf: dayParameter(asOf), withTotal, slim, ...params },
      (row) => {
        const { rows, pageInfo } = pageOf(pageRows<FactRow & EntityPageRow>(row), request);
        return {
          totalCount: withTotal ? Number(row?.total ?? 0) : null,
          pageInfo,
          edges: edgesOf(rows, (r) => ({
            fact: toFact(r.type, r.fact, r.subjectId, r.objectId),
            node: slim ? toEntity(r.node, r.labels) : this.lookups.prime(r.node, r.labels),
          })),
        };
      },
    );
    return loader.load(parentId);
  }

  /** A relationship field with at most one edge (Meeting.place, Document.publisher ...). */
  async singleRelationship(field: FactField, parentId: string): Promise<FactEdgeRecord | null> {
    const page = await this.relationship(field, parentId, { first: 1 }, { withTotal: false });
    return page.edges[0] ?? null;
  }

  async documentFacts(
    documentId: string,
    args: PageArgs,
  ): Promise<Connection<SupportedFactEdgeRecord>> {
    const request = pageRequest(args);
    const { params, descending } = pageQuery(request);
    const loader = this.loader(
      ['Document.facts', request],
      statement('read/relationship-pages/document-facts-page', {
        types: typeExpression(),
        order: orderDirection(descending),
      }),
      'documentId',
      params,
      (row) => {
        const { rows, pageInfo } = pageOf(pageRows<FactRow & { quotes: Props[] }>(row), request);
        return {
          totalCount: Number(row?.total ?? 0),
          pageInfo,
          edges: edgesOf(rows, (r) => ({
            node: toFact(r.type, r.fact, r.subjectId, r.objectId),
            evidence: inReadingOrder(r.quotes.map((q) => toEvidence(q, documentId))),
          })),
        };
      },
    );
    return loader.load(documentId);
  }

  async meetingDocuments(meetingId: string, args: PageArgs): Promise<LazyConnection<EntityEdge>> {
    const request = pageRequest(args);
    const { params, descending } = pageQuery(request);
    const loader = this.loader(
      ['Meeting.documents', request],
      statement('read/relationship-pages/meeting-documents-page', {
        order: orderDirection(descending),
      }),
      'meetingId',
      params,
      (row) => {
        const total = Number(row?.total ?? 0);
        return {
          ...this.lookups.entityPage(pageRows<EntityPageRow>(row), request),
          totalCount: async () => total,
        };
      },
    );
    return loader.load(meetingId);
  }

  private loader<T>(
    key: unknown[],
    st: Statement,
    idColumn: string,
    params: Record<string, unknown>,
    build: (row: Row | undefined) => T,
  ): DataLoader<string, T> {
    const cacheKey = JSON.stringify(key);
    let loader = this.loaders.get(cacheKey) as DataLoader<string, T> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T>(async (ids) => {
        const rows = await this.db.read(st, { ids, ...params });
        const byId = new Map(rows.map((r) => [String(r[idColumn]), r]));
        return ids.map((id) => build(byId.get(id)));
      });
      this.loaders.set(cacheKey, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

function pageRows<T>(row: Row | undefined): T[] {
  return Array.isArray(row?.page) ? (row.page as T[]) : [];
}
