import type { PageRequest } from '../pagination.js';
import { edgesOf, pageOf } from '../pagination.js';
import {
  propsFrom,
  toEntity,
  toEvidence,
  toFact,
  type EntityRecord,
  type EvidenceRecord,
  type FactEdgeRecord,
  type FactRecord,
  type Planned,
} from '../records.js';
import type {
  Connection,
  EntityEdge,
  LazyConnection,
  RelationshipConnection,
  SupportedFactEdgeRecord,
} from '../records.js';
import { inReadingOrder } from '../evidence/evidence.js';
import type { ListQuery } from '../lists/lists.js';
import type {
  Child,
  DocumentFactsChild,
  EdgePlan,
  EntityPlan,
  EvidenceChild,
  FactSelection,
  Keyed,
  ListRoot,
  PageChild,
  RelationshipChild,
  SingleEdgeChild,
} from './plan.js';
import {
  documentFactLayout,
  edgeLayout,
  entityLayout,
  evidenceLayout,
  LIST_LAYOUT,
  LIST_ROW_LAYOUT,
  type EdgeLayout,
  type FactLayout,
} from './row-layout.js';

/** A value of the statement: a list in the order render-cypher.ts writes it. */
type Row = readonly unknown[];

/**
 * A page's rows with their keyset position: the sort key (at `keyAt`, returned only when the
 * query reads a cursor of the page, the one use of it) and the fact's id (in the fact's
 * properties at `factAt`, at `idAt` among them).
 */
function keyedRows(page: Row[], keyAt: number | null, factAt: number, idAt: number) {
  return page.map((row) => ({
    key: (keyAt === null ? undefined : row[keyAt]) as string,
    id: (row[factAt] as Row)[idAt] as string,
    row,
  }));
}

/** A page's rows and total: `[page, total]` when the query selects the total, else the rows. */
function pageValue(withTotal: boolean, value: unknown): { page: Row[]; total: number | null } {
  if (!withTotal) return { page: value as Row[], total: null };
  const [page, total] = value as [Row[], unknown];
  return { page, total: Number(total) };
}

/** Where the fact's id is among the properties a selection reads (id is always one). */
function idPosition(selection: FactSelection): number {
  const at = selection.factProps.indexOf('id');
  if (at < 0) throw new Error('a planned fact reads no id');
  return at;
}

/**
 * Turns the planned statement's answer into the records the resolvers know (EntityRecord,
 * FactEdgeRecord ...), each carrying its planned fields' values by response key, in the shape
 * the batched loaders give them: the same resolvers serve both paths. Every value is a list
 * (see render-cypher.ts's row()), read here by position in the order it was written.
 */
export class ResultReader {
  constructor(private readonly requests: ReadonlyMap<RelationshipChild, PageRequest>) {}

  /** A root list's page of entities, with its total when the query selects it. */
  list(root: ListRoot, list: ListQuery, raw: unknown): LazyConnection<EntityEdge> {
    const value = raw as Row;
    const total = value[LIST_LAYOUT.total];
    const rows = (value[LIST_LAYOUT.rows] as Row[]).map((row) => ({
      key: row[LIST_ROW_LAYOUT.key] as string,
      id: row[LIST_ROW_LAYOUT.id] as string,
      node: row[LIST_ROW_LAYOUT.node],
    }));
    const { rows: read, pageInfo } = pageOf(rows, list.request);
    return {
      pageInfo,
      edges: edgesOf(read, (row) => ({ node: this.entity(root.entity, row.node)! })),
      totalCount: async () => Number(total),
    };
  }

  /** An entity's row (see entityLayout). */
  entity(plan: EntityPlan, raw: unknown): EntityRecord | null {
    if (raw === null || raw === undefined) return null;
    const row = raw as Row;
    const at = entityLayout(plan);
    const labels = at.labels === null ? plan.labels : row[at.labels];
    const record = toEntity(propsFrom(plan.props, row, at.props), labels);
    if (plan.children.length > 0) {
      record.planned = this.planned(plan.children, row, at.children, record.label, (child, value) =>
        this.child(child, value, record.id),
      );
    }
    return record;
  }

  /** The planned fields `children`, their values in `row` from position `at` on. */
  private planned(
    children: readonly Keyed[],
    row: Row,
    at: number,
    label: string | null,
    read: (child: Child, value: unknown) => unknown,
  ): Planned {
    const planned: Planned = {};
    for (let i = 0; i < children.length; i++) {
      const keyed = children[i]!;
      if (keyed.labels !== null && !keyed.labels.includes(label as never)) continue;
      planned[keyed.key] = read(keyed.child, row[at + i]);
    }
    return planned;
  }

  private child(child: Child, value: unknown, parentId: string): unknown {
    switch (child.kind) {
      case 'page':
        return this.page(child, value, parentId);
      case 'single':
        return this.page(child, value, parentId).edges[0] ?? null;
      case 'evidence':
        return this.evidence(child, value);
      case 'documentFacts':
        return this.documentFacts(child, value, parentId);
      default:
        throw new Error(`${child.kind} is not a field of an entity`);
    }
  }

  private page(
    child: PageChild | SingleEdgeChild,
    value: unknown,
    parentId: string,
  ): RelationshipConnection<FactEdgeRecord> {
    const request = this.requests.get(child);
    if (!request) throw new Error(`page ${child.index} was not prepared`);
    const { page, total } = pageValue(child.kind === 'page' && child.withTotal, value);
    const at = edgeLayout(child);
    const rows = keyedRows(page, at.key, at.fact, idPosition(child.edge));
    const { rows: read, pageInfo } = pageOf(rows, request);
    return {
      totalCount: total,
      pageInfo,
      edges: edgesOf(read, ({ row }) => this.edge(child, at, row, parentId)),
    };
  }

  /** An edge's row, laid out as `at` says, without its cursor, which edgesOf gives it. */
  private edge(
    child: PageChild | SingleEdgeChild,
    at: EdgeLayout,
    row: Row,
    parentId: string,
  ): Omit<FactEdgeRecord, 'cursor'> {
    const plan: EdgePlan = child.edge;
    const node = this.entity(plan.node, row[at.node])!;
    const [subjectId, objectId] =
      child.fact.direction === 'out' ? [parentId, node.id] : [node.id, parentId];
    const fact = this.fact(plan, child.fact.type, row, at, subjectId, objectId);
    const edge: Omit<FactEdgeRecord, 'cursor'> = { fact, node };
    if (plan.edgeChildren.length > 0) {
      edge.planned = this.planned(plan.edgeChildren, row, at.edgeChildren, null, (c, v) =>
        this.factChild(c, v),
      );
    }
    return edge;
  }

  /** A fact: its properties' list and its planned fields, where `at` says in `row`. */
  private fact(
    selection: FactSelection,
    type: unknown,
    row: Row,
    at: FactLayout,
    subjectId: string,
    objectId: string,
  ): FactRecord {
    const props = propsFrom(selection.factProps, row[at.fact] as Row);
    const fact = toFact(type, props, subjectId, objectId);
    if (selection.factChildren.length > 0) {
      fact.planned = this.planned(selection.factChildren, row, at.factChildren, null, (c, v) =>
        c.kind === 'end' ? this.entity(c.entity, v) : this.factChild(c, v),
      );
    }
    return fact;
  }

  /** Document.facts: each fact with the document's quotes for it, in reading order. */
  private documentFacts(
    child: DocumentFactsChild,
    value: unknown,
    documentId: string,
  ): Connection<SupportedFactEdgeRecord> {
    const request = this.requests.get(child);
    if (!request) throw new Error(`page ${child.index} was not prepared`);
    const { page, total } = pageValue(child.withTotal, value);
    const at = documentFactLayout(child);
    const rows = keyedRows(page, at.key, at.fact, idPosition(child));
    const { rows: read, pageInfo } = pageOf(rows, request);
    return {
      // Not read when null: the query does not select it.
      totalCount: total ?? 0,
      pageInfo,
      edges: edgesOf(read, ({ row }) => ({
        node: this.fact(
          child,
          row[at.type],
          row,
          at,
          row[at.subjectId] as string,
          row[at.objectId] as string,
        ),
        evidence: inReadingOrder(this.evidence(child.quotes, row[at.quotes], documentId)),
      })),
    };
  }

  private factChild(child: Child, value: unknown): unknown {
    if (child.kind === 'evidence') return this.evidence(child, value);
    if (child.kind === 'byId') return this.entity(child.entity, value);
    throw new Error(`${child.kind} is not a field of a fact`);
  }

  /**
   * Quotes, a row each (see evidenceLayout); `documentId` when they all come from one document,
   * whose id the rows then leave out.
   */
  private evidence(child: EvidenceChild, value: unknown, documentId?: string): EvidenceRecord[] {
    const { document, documentKeys, props } = child;
    const at = evidenceLayout(child);
    return (value as Row[]).map((row) => {
      const evidence = toEvidence(
        propsFrom(props, row, at.props),
        documentId ?? row[at.documentId],
      );
      if (document && at.document !== null) {
        const record = this.entity(document, row[at.document]);
        evidence.planned = Object.fromEntries(documentKeys.map((key) => [key, record]));
      }
      return evidence;
    });
  }
}
