import type { PageRequest } from '../pagination.js';
import { edgesOf, pageOf } from '../pagination.js';
import {
  toEntity,
  toEvidence,
  toFact,
  type EntityRecord,
  type EvidenceRecord,
  type FactEdgeRecord,
  type FactRecord,
  type Planned,
  type Props,
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

type Raw = Record<string, unknown>;

/**
 * A page's rows with their keyset position: the sort key (`k`, returned only when the query reads
 * a cursor of the page, the one use of it) and the fact's id.
 */
function keyedRows(page: Raw[]) {
  return page.map((row) => ({ key: row.k as string, id: (row.f as Props).id as string, row }));
}

/** A page's rows and total: `{page, total}` when the query selects the total, else the rows. */
function pageValue(withTotal: boolean, value: unknown): { page: Raw[]; total: number | null } {
  if (!withTotal) return { page: value as Raw[], total: null };
  const { page, total } = value as { page: Raw[]; total: unknown };
  return { page, total: Number(total) };
}

/**
 * Turns the planned statement's answer into the records the resolvers know (EntityRecord,
 * FactEdgeRecord ...), each carrying its planned fields' values by response key, in the shape
 * the batched loaders give them: the same resolvers serve both paths.
 */
export class ResultReader {
  constructor(private readonly requests: ReadonlyMap<RelationshipChild, PageRequest>) {}

  /** A root list's page of entities, with its total when the query selects it. */
  list(root: ListRoot, list: ListQuery, raw: unknown): LazyConnection<EntityEdge> {
    const { rows, total } = raw as {
      rows: Array<{ key: string; id: string; node: Raw }>;
      total: unknown;
    };
    const { rows: read, pageInfo } = pageOf(rows, list.request);
    return {
      pageInfo,
      edges: edgesOf(read, (row) => ({ node: this.entity(root.entity, row.node)! })),
      totalCount: async () => Number(total),
    };
  }

  entity(plan: EntityPlan, raw: unknown): EntityRecord | null {
    if (raw === null || raw === undefined) return null;
    const props = raw as Raw;
    const record = toEntity(props, plan.abstract ? props['@l'] : plan.labels);
    if (plan.children.length > 0) {
      record.planned = this.planned(plan.children, props, '', record.label, (child, value) =>
        this.child(child, value, record.id),
      );
    }
    return record;
  }

  private planned(
    children: readonly Keyed[],
    raw: Raw,
    prefix: string,
    label: string | null,
    read: (child: Child, value: unknown) => unknown,
  ): Planned {
    const planned: Planned = {};
    for (const keyed of children) {
      if (keyed.labels !== null && !keyed.labels.includes(label as never)) continue;
      planned[keyed.key] = read(keyed.child, raw[`@${prefix}${keyed.key}`]);
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
    const { rows: read, pageInfo } = pageOf(keyedRows(page), request);
    return {
      totalCount: total,
      pageInfo,
      edges: edgesOf(read, ({ row }) => this.edge(child, row, parentId)),
    };
  }

  /** An edge without its cursor, which edgesOf gives it. */
  private edge(
    child: PageChild | SingleEdgeChild,
    row: Raw,
    parentId: string,
  ): Omit<FactEdgeRecord, 'cursor'> {
    const plan: EdgePlan = child.edge;
    const node = this.entity(plan.node, row.n)!;
    const [subjectId, objectId] =
      child.fact.direction === 'out' ? [parentId, node.id] : [node.id, parentId];
    const fact = this.fact(plan, child.fact.type, row, subjectId, objectId);
    const edge: Omit<FactEdgeRecord, 'cursor'> = { fact, node };
    if (plan.edgeChildren.length > 0) {
      edge.planned = this.planned(plan.edgeChildren, row, 'e:', null, (c, v) =>
        this.factChild(c, v),
      );
    }
    return edge;
  }

  private fact(
    selection: FactSelection,
    type: unknown,
    row: Raw,
    subjectId: string,
    objectId: string,
  ): FactRecord {
    const fact = toFact(type, row.f as Props, subjectId, objectId);
    if (selection.factChildren.length > 0) {
      fact.planned = this.planned(selection.factChildren, row, 'f:', null, (c, v) =>
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
    const { rows: read, pageInfo } = pageOf(keyedRows(page), request);
    return {
      // Not read when null: the query does not select it.
      totalCount: total ?? 0,
      pageInfo,
      edges: edgesOf(read, ({ row }) => ({
        node: this.fact(child, row.t, row, row.s as string, row.o as string),
        evidence: inReadingOrder(
          this.evidence(
            child.quotes,
            (row.q as Raw[]).map((quote) => ({ ...quote, documentId })),
          ),
        ),
      })),
    };
  }

  private factChild(child: Child, value: unknown): unknown {
    if (child.kind === 'evidence') return this.evidence(child, value);
    if (child.kind === 'byId') return this.entity(child.entity, value);
    throw new Error(`${child.kind} is not a field of a fact`);
  }

  private evidence(child: EvidenceChild, value: unknown): EvidenceRecord[] {
    const { document, documentKeys } = child;
    return (value as Raw[]).map((row) => {
      const evidence = toEvidence(row, row.documentId);
      if (document) {
        const record = this.entity(document, row['@document']);
        evidence.planned = Object.fromEntries(documentKeys.map((key) => [key, record]));
      }
      return evidence;
    });
  }
}
