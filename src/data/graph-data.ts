import DataLoader from 'dataloader';
import type { EntityLabel } from '../model/graph-model.js';
import type { PartialDate } from '../model/partial-date.js';
import type { Position } from './cursor.js';
import type { Db, Row } from './db.js';
import { BadInputError, entityNotFound, NotFoundError } from './errors.js';
import { checkEntityId, checkFactId } from './ids.js';
import {
  edgesOf,
  pageOf,
  pageQuery,
  pageRequest,
  type KeyedRow,
  type PageArgs,
  type PageInfo,
  type PageRequest,
} from './pagination.js';
import {
  toEntity,
  toEvidence,
  toFact,
  type EntityRecord,
  type EvidenceRecord,
  type FactEdgeRecord,
  type FactRecord,
  type Props,
} from './records.js';
import type { FactField } from '../model/fact-fields.js';
import { orderTag, requestedOrder } from '../model/relationship-order.js';
import { bestName, compareTuples, luceneQuery } from './search.js';
import {
  labelExpression,
  orderDirection,
  AS_OF_ON_R,
  ORDER_KEY_ON_R,
  relationshipPattern,
  RETURNED_PROPERTIES,
  sortProperty,
  statement,
  typeExpression,
  type Fragment,
  type Statement,
} from './statements.js';

export interface Connection<E> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A relationship field's page: its total is counted only when the query selects it. */
export interface RelationshipConnection<E> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

export type FactConnectionRecord = RelationshipConnection<FactEdgeRecord>;

/** A root list: its total costs a count over the whole list, so it runs only when asked for. */
export interface LazyConnection<E> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

export interface EntityEdge {
  cursor: string;
  node: EntityRecord;
}

export type EntityConnection = LazyConnection<EntityEdge>;

export interface SupportedFactEdgeRecord {
  cursor: string;
  node: FactRecord;
  evidence: EvidenceRecord[];
}

export interface SearchHitRecord {
  cursor: string;
  node: EntityRecord;
  score: number;
  matchedName: string;
  matchedLanguage: string | null;
}

/** A relationship field's arguments: Relay's, its order and, on some fields, a day. */
export type RelationshipArgs = PageArgs & {
  asOf?: string | null;
  orderBy?: { field?: unknown; direction?: unknown } | null;
};

export interface MeetingQuery {
  /** Meetings whose period overlaps [dateFrom.min, dateTo.max]. */
  dateFrom: PartialDate | null;
  dateTo: PartialDate | null;
  kinds: string[] | null;
  chairedBy: string | null;
  participant: string | null;
  theme: string | null;
  place: string | null;
  partOf: string | null;
  text: string | null;
  orderBy: 'START' | 'NAME';
  descending: boolean;
}

export interface EntityQuery {
  labels: readonly EntityLabel[];
  /** Stored kinds (organizations only). */
  kinds: string[] | null;
  memberOf: string | null;
  /** A day (YYYY-MM-DD) at which the membership must hold. */
  asOf: string | null;
  text: string | null;
}

/**
 * A root list's page before it is read: its page statement (returning key, id and the node as
 * `returned` says: its properties and labels, or the node itself for the query planner to
 * project), its count statement, and their parameters.
 */
export interface ListQuery {
  request: PageRequest;
  page(returned: Fragment): Statement;
  params: Record<string, unknown>;
  count: Statement;
  /** The count's parameters. */
  filters: Record<string, unknown>;
}

/** Hits the full-text index hands over for ranking; beyond it, a search is too vague to page. */
export const SEARCH_LIMIT = 1000;

/** Names a list's text filter may match; more would make the filter no filter. */
export const TEXT_FILTER_LIMIT = 10_000;

interface PageRow extends KeyedRow {
  node: Props;
  labels: unknown;
}

interface FactRow extends KeyedRow {
  type: string;
  fact: Props;
  subjectId: string;
  objectId: string;
}

/**
 * The graph as one GraphQL request sees it. Lookups and relationship fields go through
 * per-request DataLoaders, so each level of a query costs one Cypher round trip per field kind,
 * however many items it has; every entity a query returns primes the entity loader, so reaching
 * it again costs nothing.
 */
export class GraphData {
  private readonly entities: DataLoader<string, EntityRecord | null>;
  private readonly facts: DataLoader<string, FactRecord | null>;
  private readonly evidence: DataLoader<string, EvidenceRecord[]>;
  /** One loader per field and page arguments: a batch shares its Cypher parameters. */
  private readonly pageLoaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly db: Db) {
    this.entities = new DataLoader(async (ids) => {
      const rows = await db.read(statement('api/entities-by-id'), { ids });
      const found = new Map(rows.map((r) => [String(r.id), toEntity(r.node as Props, r.labels)]));
      return ids.map((id) => found.get(id) ?? null);
    });
    this.facts = new DataLoader(async (ids) => {
      const rows = await db.read(statement('api/facts-by-id', { types: typeExpression() }), {
        ids,
      });
      const found = new Map<string, FactRecord>();
      for (const r of rows) {
        const subject = this.prime(r.subject as Props, r.subjectLabels);
        const object = this.prime(r.object as Props, r.objectLabels);
        found.set(String(r.factId), toFact(r.type, r.fact as Props, subject.id, object.id));
      }
      return ids.map((id) => found.get(id) ?? null);
    });
    this.evidence = new DataLoader(async (ids) => {
      const rows = await db.read(statement('api/evidence-about'), { ids });
      const byAbout = new Map<string, EvidenceRecord[]>(ids.map((id) => [id, []]));
      for (const r of rows) {
        this.prime(r.document as Props, r.documentLabels);
        byAbout.get(String(r.about))?.push(toEvidence(r.evidence as Props, r.documentId));
      }
      return ids.map((id) => byAbout.get(id) ?? []);
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

  /** The quotes supporting a fact or an entity. */
  async evidenceFor(aboutId: string): Promise<EvidenceRecord[]> {
    return this.evidence.load(aboutId);
  }

  /**
   * A page of a relationship field of `parentId`, in the order `args.orderBy` asks for (the
   * field's usual one when null). `withTotal`: count every fact of the field too (the GraphQL
   * layer asks for it when a query selects totalCount). `nodesById`: the query reads only the
   * nodes' ids and names (and what loads by id), so the nodes are read as just that; such partial
   * entities never go into the entity cache.
   */
  async relationship(
    field: FactField,
    parentId: string,
    args: RelationshipArgs,
    { withTotal = true, nodesById = false }: { withTotal?: boolean; nodesById?: boolean } = {},
  ): Promise<RelationshipConnection<FactEdgeRecord>> {
    const order = requestedOrder(field.order, args.orderBy);
    const request = pageRequest(args, orderTag(field.order, order));
    const asOf = args.asOf ?? '';
    const { params, descending } = pageQuery(request, order.descending);
    const loader = this.pageLoader(
      [field.name, request, order.by, asOf, withTotal, nodesById],
      statement('api/relationship-page', {
        rel: relationshipPattern(field.type, field.direction),
        order: orderDirection(descending),
        ...AS_OF_ON_R,
        ...ORDER_KEY_ON_R,
      }),
      'parentId',
      { asOf, withTotal, slim: nodesById, orderBy: order.by, ...params },
      (row) => {
        const { rows, pageInfo } = pageOf(pageRows<FactRow & PageRow>(row), request);
        return {
          totalCount: withTotal ? Number(row?.total ?? 0) : null,
          pageInfo,
          edges: edgesOf(rows, (r) => ({
            fact: toFact(r.type, r.fact, r.subjectId, r.objectId),
            node: nodesById ? toEntity(r.node, r.labels) : this.prime(r.node, r.labels),
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
    const loader = this.pageLoader(
      ['Document.facts', request],
      statement('api/document-facts-page', {
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
    const loader = this.pageLoader(
      ['Meeting.documents', request],
      statement('api/meeting-documents-page', { order: orderDirection(descending) }),
      'meetingId',
      params,
      (row) => {
        const total = Number(row?.total ?? 0);
        return {
          ...this.entityPage(pageRows<PageRow>(row), request),
          totalCount: async () => total,
        };
      },
    );
    return loader.load(meetingId);
  }

  async meetings(query: MeetingQuery, args: PageArgs): Promise<LazyConnection<EntityEdge>> {
    return this.readList(await this.meetingList(query, args));
  }

  async entityList(query: EntityQuery, args: PageArgs): Promise<LazyConnection<EntityEdge>> {
    return this.readList(await this.entityListQuery(query, args));
  }

  /**
   * The meeting list's page as statements and parameters (ids checked, the text filter read), or
   * 'nothing' when no meeting can match; the batched path and the query planner both read it.
   */
  async meetingList(query: MeetingQuery, args: PageArgs): Promise<ListQuery | 'nothing'> {
    const request = pageRequest(args);
    const ids = ['chairedBy', 'participant', 'theme', 'place', 'partOf'] as const;
    for (const name of ids) {
      const id = query[name];
      if (id !== null) checkEntityId(id, name);
    }
    const text = await this.textFilter(query.text, ['Meeting']);
    if (text === 'nothing') return 'nothing';
    // '' and [] stand for "no filter": see cypher/api/fragments/meeting-filter.cypher.
    const filters = {
      ...text,
      kinds: query.kinds ?? [],
      dateFrom: query.dateFrom?.min ?? '',
      dateTo: query.dateTo?.max ?? '',
      chairedBy: query.chairedBy ?? '',
      participant: query.participant ?? '',
      theme: query.theme ?? '',
      place: query.place ?? '',
      partOf: query.partOf ?? '',
    };
    const key = sortProperty(query.orderBy === 'NAME' ? 'nameKey' : 'sortKey');
    const { params, descending } = pageQuery(request, query.descending);
    if (query.orderBy === 'START' && filters.dateTo !== '') endSeekAtDay(params, filters.dateTo);
    return {
      request,
      page: (returned) =>
        statement('api/meeting-page', { key, order: orderDirection(descending), returned }),
      params: { ...filters, ...params },
      count: statement('api/meeting-count'),
      filters,
    };
  }

  /** An entity list's page as statements and parameters (see meetingList). */
  async entityListQuery(query: EntityQuery, args: PageArgs): Promise<ListQuery | 'nothing'> {
    const request = pageRequest(args);
    if (query.memberOf !== null) checkEntityId(query.memberOf, 'memberOf');
    const text = await this.textFilter(query.text, query.labels);
    if (text === 'nothing') return 'nothing';
    const labels = labelExpression(query.labels);
    const filters = {
      ...text,
      kinds: query.kinds ?? [],
      memberOf: query.memberOf ?? '',
      asOf: query.asOf ?? '',
    };
    const { params, descending } = pageQuery(request);
    return {
      request,
      page: (returned) =>
        statement('api/entity-page', {
          ...AS_OF_ON_R,
          labels,
          key: sortProperty('sortKey'),
          order: orderDirection(descending),
          returned,
        }),
      params: { ...filters, ...params },
      count: statement('api/entity-count', { labels, ...AS_OF_ON_R }),
      filters,
    };
  }

  private async readList(list: ListQuery | 'nothing'): Promise<LazyConnection<EntityEdge>> {
    if (list === 'nothing') return emptyConnection();
    const rows = await this.db.read(list.page(RETURNED_PROPERTIES), list.params);
    return {
      ...this.entityPage(rows as unknown as PageRow[], list.request),
      totalCount: this.count(list.count, list.filters),
    };
  }

  /**
   * Ranked search: the full-text index finds the hits, then each is ranked by its best-matching
   * name (whole name, words in a row, all words), then by score. The index alone would put
   * "Atelier ASEAN-ONU" above the United Nations for "ONU", as its name field is shorter.
   */
  async search(
    text: string,
    labels: readonly EntityLabel[],
    args: Pick<PageArgs, 'first' | 'after'>,
  ): Promise<Connection<SearchHitRecord>> {
    const request = pageRequest(args);
    if (request.after !== null && !Array.isArray(request.after[0])) {
      throw new BadInputError('this cursor is not from a search');
    }
    const rows = await this.db.read(statement('api/search'), {
      query: luceneQuery(text),
      limit: SEARCH_LIMIT,
      labels,
    });
    const hits = rows
      .map((r) => {
        const node = this.prime(r.node as Props, r.labels);
        const score = Number(r.score);
        const match = bestName(node, text);
        return { key: [match.tier, -score], id: node.id, node, score, match };
      })
      .sort((a, b) => comparePositions([a.key, a.id], [b.key, b.id]));
    const after = request.after;
    const read = hits
      .filter((hit) => after === null || comparePositions([hit.key, hit.id], after) > 0)
      .slice(0, (request.first ?? 0) + 1);
    const { rows: page, pageInfo } = pageOf(read, request);
    return {
      totalCount: hits.length,
      pageInfo,
      edges: edgesOf(page, (row) => ({
        node: row.node,
        score: row.score,
        matchedName: row.match.text,
        matchedLanguage: row.match.language,
      })),
    };
  }

  /**
   * A list's text filter as page query parameters: the ids of the entities whose names match, or
   * 'nothing' when none do (the page is then empty without asking).
   */
  private async textFilter(
    text: string | null,
    labels: readonly EntityLabel[],
  ): Promise<{ byText: boolean; textIds: string[] } | 'nothing'> {
    if (text === null) return { byText: false, textIds: [] };
    const [row] = await this.db.read(statement('api/text-matches'), {
      query: luceneQuery(text),
      limit: TEXT_FILTER_LIMIT + 1,
      labels,
    });
    if (Number(row?.matched ?? 0) > TEXT_FILTER_LIMIT) {
      throw new BadInputError(
        `"${text}" matches more than ${TEXT_FILTER_LIMIT} names; add a word to narrow it`,
      );
    }
    const ids = (row?.ids as string[] | undefined) ?? [];
    return ids.length === 0 ? 'nothing' : { byText: true, textIds: ids };
  }

  /** A count that runs once, when first asked for. */
  private count(st: Statement, params: Record<string, unknown>): () => Promise<number> {
    let total: Promise<number> | undefined;
    return () => (total ??= this.db.read(st, params).then(([row]) => Number(row?.total ?? 0)));
  }

  private pageLoader<T>(
    key: unknown[],
    st: Statement,
    idColumn: string,
    params: Record<string, unknown>,
    build: (row: Row | undefined) => T,
  ): DataLoader<string, T> {
    const cacheKey = JSON.stringify(key);
    let loader = this.pageLoaders.get(cacheKey) as DataLoader<string, T> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T>(async (ids) => {
        const rows = await this.db.read(st, { ids, ...params });
        const byId = new Map(rows.map((r) => [String(r[idColumn]), r]));
        return ids.map((id) => build(byId.get(id)));
      });
      this.pageLoaders.set(cacheKey, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  private entityPage(read: PageRow[], request: PageRequest) {
    const { rows, pageInfo } = pageOf(read, request);
    return {
      pageInfo,
      edges: edgesOf(rows, (r) => ({ node: this.prime(r.node, r.labels) })),
    };
  }

  private prime(props: Props, labels: unknown): EntityRecord {
    const entity = toEntity(props, labels);
    this.entities.prime(entity.id, entity);
    return entity;
  }
}

/**
 * Ordered by start, meetings that start after `day` cannot overlap a range ending on it: the
 * index seek may stop there instead of reading to the end of the list (the date filter still
 * decides). A sortKey is the start as given ("2021", "2021-04", "2021-04-19"), and a shorter
 * date sorts before its extensions, so sortKey <= day exactly when the start's first day is.
 * A cursor bound already below `day` is kept.
 */
function endSeekAtDay(params: Record<string, unknown>, day: string): void {
  if (String(params.upperKey) > day) {
    params.upperKey = day;
    params.upperId = '';
  }
}

/** A document's quotes for one fact, in the order they appear in its text. */
export function inReadingOrder(quotes: EvidenceRecord[]): EvidenceRecord[] {
  return quotes.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
}

export function emptyConnection(): LazyConnection<EntityEdge> {
  const pageInfo = {
    hasNextPage: false,
    hasPreviousPage: false,
    startCursor: null,
    endCursor: null,
  };
  return { edges: [], pageInfo, totalCount: async () => 0 };
}

function pageRows<T>(row: Row | undefined): T[] {
  return Array.isArray(row?.page) ? (row.page as T[]) : [];
}

/** Search positions: [tier, -score] then id, as the hits are sorted. */
function comparePositions(a: Position, b: Position): number {
  const byKey = compareTuples(a[0] as number[], b[0] as number[]);
  if (byKey !== 0) return byKey;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
