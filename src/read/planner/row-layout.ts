import type {
  DocumentFactsChild,
  EntityPlan,
  EvidenceChild,
  PageChild,
  SingleEdgeChild,
} from './plan.js';

/**
 * Where each value sits in the lists the planned statement returns. The statement returns lists
 * rather than maps (see row() in render-cypher.ts), so the renderer writes each value at the
 * position given here and the reader (read-results.ts) reads it back from the same position:
 * the order is stated once, here. A planned field list (`children` ...) runs from its position
 * on, one value per field, in the plan's order.
 */

/**
 * A layout computed once per plan node: the reader asks for it on every row it reads, and a
 * plan is compiled once per document.
 */
function perPlanNode<K extends object, V>(compute: (node: K) => V): (node: K) => V {
  const layouts = new WeakMap<K, V>();
  return (node) => {
    let layout = layouts.get(node);
    if (layout === undefined) {
      layout = compute(node);
      layouts.set(node, layout);
    }
    return layout;
  };
}

/** An entity: its selected properties, its labels (abstract types only), its planned fields. */
export const entityLayout = perPlanNode((plan: EntityPlan) => {
  const afterProps = plan.props.length;
  return {
    props: 0,
    labels: plan.abstract ? afterProps : null,
    children: afterProps + (plan.abstract ? 1 : 0),
  };
});

/** Where a fact's properties (one list) and its planned fields sit in an edge's row. */
export interface FactLayout {
  fact: number;
  factChildren: number;
}

/**
 * An edge of a relationship field: the entity at the other end, the sort key (only when the query
 * reads a cursor of the page), the edge's planned fields, then the fact.
 */
export const edgeLayout = perPlanNode((child: PageChild | SingleEdgeChild) => {
  const key = child.cursors ? 1 : null;
  const edgeChildren = key === null ? 1 : 2;
  const fact = edgeChildren + child.edge.edgeChildren.length;
  return { node: 0, key, edgeChildren, fact, factChildren: fact + 1 };
});

export type EdgeLayout = ReturnType<typeof edgeLayout>;

/**
 * A fact of Document.facts: the sort key (cursors only), the fact's type, its subject's and
 * object's ids, the document's quotes for it, then the fact.
 */
export const documentFactLayout = perPlanNode((child: DocumentFactsChild) => {
  const type = child.cursors ? 1 : 0;
  return {
    key: child.cursors ? 0 : null,
    type,
    subjectId: type + 1,
    objectId: type + 2,
    quotes: type + 3,
    fact: type + 4,
    factChildren: type + 5,
  };
});

/**
 * A quote: its document's id (null where the reader knows the document), its selected
 * properties, then its document as the query selects it.
 */
export const evidenceLayout = perPlanNode((child: EvidenceChild) => {
  return { documentId: 0, props: 1, document: child.document ? 1 + child.props.length : null };
});

/** A root list: its rows, then its total (null when the query does not select it). */
export const LIST_LAYOUT = { rows: 0, total: 1 } as const;

/** A row of a root list: its sort key, its id, then the entity as the query selects it. */
export const LIST_ROW_LAYOUT = { key: 0, id: 1, node: 2 } as const;
