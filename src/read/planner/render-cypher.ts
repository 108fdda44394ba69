import { getArgumentValues } from 'graphql';
import { prefixParameters } from '../combined-statement.js';
import type { ListQuery } from '../lists/lists.js';
import type { RelationshipArgs } from '../relationship-pages/relationship-pages.js';
import { checkEntityId } from '../ids.js';
import { dayParameter } from '../../db/dates.js';
import { pageQuery, pageRequest, type PageRequest } from '../pagination.js';
import {
  cypherPiece,
  fillTemplate,
  joinFragments,
  labelExpression,
  mapKey,
  orderDirection,
  orderKey,
  parameterName,
  relationshipPattern,
  RETURNED_NODE,
  typeExpression,
  trustedStatementText,
  variableName,
  type Fragment,
} from '../statements.js';
import { ENTITY_LABELS } from '../../model/graph-model.js';
import {
  orderTag,
  requestedOrder,
  type RelationshipOrder,
  type RelationshipOrderField,
} from '../../model/relationship-order.js';
import type {
  Child,
  DocumentFactsChild,
  EdgePlan,
  EntityPlan,
  EvidenceChild,
  FactSelection,
  Keyed,
  ListRoot,
  OperationPlan,
  PageChild,
  RelationshipChild,
  RootPlan,
  SingleEdgeChild,
} from './plan.js';
import {
  documentFactLayout,
  edgeLayout,
  entityLayout,
  evidenceLayout,
  LIST_LAYOUT,
  LIST_ROW_LAYOUT,
  type FactLayout,
} from './row-layout.js';

type Variables = Record<string, unknown>;

/** What one request adds to a plan: its roots' arguments, as parameters and page requests. */
export interface PreparedRead {
  /** The roots that go into the statement (a root whose arguments are bad is left out). */
  roots: RootPlan[];
  /** Why each left-out root was left out: its resolver reports it, as the fallback would. */
  refused: Map<RootPlan, unknown>;
  params: Record<string, unknown>;
  /** Each relationship field's request (bounds, size, direction), for reading its rows back. */
  requests: Map<RelationshipChild, PageRequest>;
  /** How each relationship field's page reads: the statement's text depends on it. */
  readings: Map<RelationshipChild, Reading>;
}

/**
 * How a page reads its keys: descending or not (a DESC orderBy and last/before each turn it
 * round), and by which key (null: Document.facts, by where the quotes are in the text).
 */
interface Reading {
  descending: boolean;
  by: RelationshipOrderField | null;
  /** Whether it reads from a cursor: without one, its text has no keyset bounds. */
  seeks: boolean;
}

/** The single-edge fields read the first edge of the same ordered page. */
export const FIRST_EDGE: PageRequest = { first: 1, last: null, after: null, before: null };

/**
 * Reads the request's arguments for every planned root: ids and page arguments are checked here,
 * before anything is sent, with the API's own checks (BadInputError).
 */
export function prepareRead(plan: OperationPlan, variables: Variables): PreparedRead {
  const prepared: PreparedRead = {
    roots: [],
    refused: new Map(),
    params: {},
    requests: new Map(),
    readings: new Map(),
  };
  for (const root of plan.roots) {
    try {
      const params: Record<string, unknown> = {};
      const pages = new Map<RelationshipChild, { request: PageRequest; reading: Reading }>();
      if (root.kind === 'lookup') {
        const { id } = getArgumentValues(root.definition, root.node, variables) as { id: string };
        params[`r${root.index}_id`] = checkEntityId(id);
      }
      for (const page of plan.pagesOf.get(root) ?? []) {
        const { request, order, asOf } = relationshipArguments(page, variables);
        const { params: bounds, descending } = pageQuery(request, order?.descending);
        const seeks = request.after !== null || request.before !== null;
        for (const [name, value] of Object.entries(bounds)) {
          // Without a cursor the text has no bounds (keysetTokens): only the size is sent.
          if (seeks || name === 'limit') params[`p${page.index}_${name}`] = value;
        }
        if (asOf !== null) params[`p${page.index}_asOf`] = dayParameter(asOf);
        pages.set(page, { request, reading: { descending, by: order?.by ?? null, seeks } });
      }
      Object.assign(prepared.params, params);
      for (const [page, { request, reading }] of pages) {
        prepared.requests.set(page, request);
        prepared.readings.set(page, reading);
      }
      prepared.roots.push(root);
    } catch (error) {
      prepared.refused.set(root, error);
    }
  }
  return prepared;
}

/**
 * A relationship field's arguments in one request: its page, its order (none for Document.facts,
 * listed by where its quotes are in the text) and its asOf day (null: the field takes none).
 */
function relationshipArguments(
  page: RelationshipChild,
  variables: Variables,
): { request: PageRequest; order: RelationshipOrder | null; asOf: string | null } {
  if (page.kind === 'documentFacts') {
    const args = getArgumentValues(page.definition, page.node, variables);
    return { request: pageRequest(args), order: null, asOf: null };
  }
  const asOfDay = (args: RelationshipArgs) => (page.fact.temporal ? (args.asOf ?? '') : null);
  if (page.kind === 'single')
    return { request: FIRST_EDGE, order: page.fact.order, asOf: asOfDay({}) };
  const args: RelationshipArgs = getArgumentValues(page.definition, page.node, variables);
  const order = requestedOrder(page.fact.order, args.orderBy);
  const request = pageRequest(args, orderTag(page.fact.order, order));
  return { request, order, asOf: asOfDay(args) };
}

/**
 * The statement for the prepared roots. Texts differ only by which roots are in and how each
 * page reads (which way, by which key), so each is rendered once per plan and reading.
 */
export function statementText(
  plan: OperationPlan,
  prepared: PreparedRead,
  roots: readonly RootPlan[],
  lists: ReadonlyMap<ListRoot, ListQuery>,
): string {
  const readings = [...prepared.readings.values()].map(
    (r) => `${r.descending ? 'd' : 'a'}${r.by?.[0] ?? ''}${r.seeks ? 's' : ''}`,
  );
  const pages = [...lists.values()].map((list) => list.page(RETURNED_NODE).text);
  const key = `${roots.map((r) => r.index).join(',')}|${readings.join('')}|${pages.join('|')}`;
  let text = plan.texts.get(key);
  if (text === undefined) {
    text = render(prepared, roots, lists);
    // A plan has few shapes in practice; the bound only stops a pathological client.
    if (plan.texts.size >= 64) plan.texts.clear();
    plan.texts.set(key, text);
  }
  return text;
}

/** A list's parameters, renamed as its statement pieces are in the planned statement. */
export function listParams(root: ListRoot, list: ListQuery): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(list.params).map(([name, value]) => [`l${root.index}_${name}`, value]),
  );
}

function render(
  prepared: PreparedRead,
  roots: readonly RootPlan[],
  lists: ReadonlyMap<ListRoot, ListQuery>,
): string {
  const renderer = new Renderer(prepared.readings);
  const parts = roots.map((root) => {
    const column = variableName(`r${root.index}`);
    if (root.kind === 'list') {
      const list = lists.get(root);
      if (!list) throw new Error(`list ${root.key} was not prepared`);
      const prefix = `l${root.index}_`;
      // The page statement's columns (see cypher/read/lists/meeting-page.cypher).
      const [key, id, node] = [variableName('key'), variableName('id'), variableName('node')];
      const entries: Fragment[] = [];
      entries[LIST_ROW_LAYOUT.key] = key;
      entries[LIST_ROW_LAYOUT.id] = id;
      entries[LIST_ROW_LAYOUT.node] = renderer.entity(root.entity, node);
      const value: Fragment[] = [];
      value[LIST_LAYOUT.rows] = variableName('rows');
      value[LIST_LAYOUT.total] = variableName('total');
      return fillTemplate('read/planner/root-list', {
        page: cypherPiece`${prefixedStatement(list.page(RETURNED_NODE).text, prefix)}`,
        total: root.withTotal
          ? prefixedStatement(list.count.text, prefix)
          : cypherPiece`RETURN null AS total`,
        row: row(entries),
        value: row(value),
        column,
      });
    }
    const node = variableName(`n${root.index}`);
    return fillTemplate('read/planner/root-lookup', {
      node,
      id: parameterName(`r${root.index}_id`),
      labels: labelExpression(root.label ? [root.label] : ENTITY_LABELS),
      projection: renderer.entity(root.entity, node),
      column,
    });
  });
  const columns = roots.map((root) => variableName(`r${root.index}`));
  return `${parts.join('\n')}\nRETURN ${joinFragments(columns, ', ')}`;
}

/**
 * The keyset tokens of page `i`, whose rows are bound to `key` and `fact`: its bounds (when it
 * reads from a cursor) and size as the parameters prepareRead set ($p<i>_lowerKey ...), and the
 * way it reads its order.
 */
function keysetTokens(
  i: number,
  reading: Reading,
  key: Fragment,
  fact: Fragment,
): Record<string, Fragment> {
  const param = (name: string) => parameterName(`p${i}_${name}`);
  return {
    bounds: reading.seeks
      ? fillTemplate('read/fragments/keyset-bounds', {
          key,
          fact,
          lowerKey: param('lowerKey'),
          lowerId: param('lowerId'),
          upperKey: param('upperKey'),
          upperId: param('upperId'),
        })
      : cypherPiece``,
    limit: param('limit'),
    order: orderDirection(reading.descending),
  };
}

/** A statement from cypher/ (rendered from allow-lists) with its parameters renamed. */
function prefixedStatement(text: string, prefix: string): Fragment {
  return trustedStatementText(prefixParameters(text, prefix));
}

/**
 * A page's rows with its total, for a page whose totalCount the query selects; other pages are
 * their rows alone (read-results.ts reads both shapes).
 */
function withTotal(page: Fragment, total: Fragment): Fragment {
  return cypherPiece`[${page}, ${total}]`;
}

/**
 * Every value the statement returns is a list in the order its plan gives (read-results.ts
 * reads them by position in the same order), not a map: the driver unpacks a map key by key
 * through Object.defineProperty into a slow object, which cost 5–6× the time of the same values
 * as lists (q4's answer: ~750 against ~130 µs per decode).
 */
function row(entries: readonly Fragment[]): Fragment {
  for (let i = 0; i < entries.length; i++) {
    if (entries[i] === undefined) throw new Error(`no value written at position ${i} of a row`);
  }
  return cypherPiece`[${joinFragments(entries, ', ')}]`;
}

class Renderer {
  constructor(private readonly readings: ReadonlyMap<RelationshipChild, Reading>) {}

  /** How page `child` reads (prepareRead decided it). */
  private reading(child: RelationshipChild): Reading {
    const reading = this.readings.get(child);
    if (reading === undefined) throw new Error(`page ${child.index} was not prepared`);
    return reading;
  }

  /**
   * `[n.id, n.name, labels(n), <page>, ...]`: what the query selects of the entity at `v`, its
   * properties (plan.props), its labels when its type is abstract, then its planned fields.
   */
  entity(plan: EntityPlan, v: Fragment): Fragment {
    const at = entityLayout(plan);
    const entries: Fragment[] = [];
    plan.props.forEach((p, i) => (entries[at.props + i] = cypherPiece`${v}.${mapKey(p)}`));
    if (at.labels !== null) entries[at.labels] = cypherPiece`labels(${v})`;
    plan.children.forEach((keyed, i) => {
      entries[at.children + i] = this.keyed(keyed, v, () => this.child(keyed.child, v));
    });
    return row(entries);
  }

  /** A planned field's value, limited to the parent labels that select it (else null). */
  private keyed(keyed: Keyed, v: Fragment, value: () => Fragment): Fragment {
    if (keyed.labels === null) return value();
    return cypherPiece`CASE WHEN ${v}:${labelExpression(keyed.labels)} THEN ${value()} END`;
  }

  private child(child: Child, parent: Fragment): Fragment {
    switch (child.kind) {
      case 'page':
      case 'single':
        return this.page(child, parent);
      case 'evidence':
        return this.evidence(child, cypherPiece`${parent}.id`);
      case 'documentFacts':
        return this.documentFacts(child, parent);
      default:
        throw new Error(`${child.kind} is not a field of an entity`);
    }
  }

  private page(child: PageChild | SingleEdgeChild, parent: Fragment): Fragment {
    const i = child.index;
    const fact = variableName(`r${i}`);
    const other = variableName(`o${i}`);
    const rel = relationshipPattern(child.fact.type, child.fact.direction, fact);
    const param = (name: string) => parameterName(`p${i}_${name}`);
    const holds = child.fact.temporal
      ? fillTemplate('read/fragments/as-of', { fact, day: param('asOf') })
      : cypherPiece`true`;
    // The other end's label when the field's type names one (MeetingFactConnection ...).
    const labels = child.edge.node.labels;
    const otherLabel = labels.length === 1 ? labels[0]! : null;
    const page = fillTemplate('read/planner/relationship-page', {
      parent,
      rel,
      fact,
      other,
      key: variableName(`k${i}`),
      otherLabel: otherLabel === null ? cypherPiece`Entity` : labelExpression([otherLabel]),
      orderKey: orderKey(this.reading(child).by ?? child.fact.order.by, fact, other, otherLabel),
      holds,
      ...keysetTokens(i, this.reading(child), variableName(`k${i}`), fact),
      row: this.edge(child, parent, fact, other, variableName(`k${i}`)),
    });
    return child.kind === 'page' && child.withTotal
      ? withTotal(page, fillTemplate('read/planner/relationship-count', { parent, rel, holds }))
      : page;
  }

  /** One edge of page `child` (see edgeLayout), its sort key bound to `key`. */
  private edge(
    child: PageChild | SingleEdgeChild,
    parent: Fragment,
    fact: Fragment,
    other: Fragment,
    key: Fragment,
  ): Fragment {
    const plan: EdgePlan = child.edge;
    const at = edgeLayout(child);
    const entries: Fragment[] = [];
    entries[at.node] = this.entity(plan.node, other);
    if (at.key !== null) entries[at.key] = key;
    plan.edgeChildren.forEach((keyed, i) => {
      entries[at.edgeChildren + i] = this.keyed(keyed, fact, () =>
        this.factChild(keyed.child, fact),
      );
    });
    const [subject, object] = child.fact.direction === 'out' ? [parent, other] : [other, parent];
    this.fact(entries, at, plan, fact, subject, object);
    return row(entries);
  }

  /**
   * Writes into `entries`, at `at`, a fact's selected properties (one list) and its planned
   * fields, its ends bound to `subject` and `object`.
   */
  private fact(
    entries: Fragment[],
    at: FactLayout,
    selection: FactSelection,
    fact: Fragment,
    subject: Fragment,
    object: Fragment,
  ): void {
    entries[at.fact] = row(selection.factProps.map((p) => cypherPiece`${fact}.${mapKey(p)}`));
    selection.factChildren.forEach((keyed, i) => {
      entries[at.factChildren + i] = this.keyed(keyed, fact, () =>
        keyed.child.kind === 'end'
          ? this.entity(keyed.child.entity, keyed.child.end === 'subject' ? subject : object)
          : this.factChild(keyed.child, fact),
      );
    });
  }

  /** Document.facts: the facts, their type and ends' ids, and the document's quotes for each. */
  private documentFacts(child: DocumentFactsChild, document: Fragment): Fragment {
    const i = child.index;
    const v = (name: string) => variableName(`${name}${i}`);
    const [fact, subject, object, quotes, key, quote] = [
      v('r'),
      v('s'),
      v('o'),
      v('q'),
      v('k'),
      v('x'),
    ];
    // Each quote as an evidence row (see evidence()), its document being this one; its props
    // start with the offset (compile-operation.ts), by which they are put in reading order.
    const quoteRow = this.evidenceRow(child.quotes, quote, document, cypherPiece`null`);
    const at = documentFactLayout(child);
    const entries: Fragment[] = [];
    if (at.key !== null) entries[at.key] = key;
    entries[at.type] = cypherPiece`type(${fact})`;
    entries[at.subjectId] = cypherPiece`${subject}.id`;
    entries[at.objectId] = cypherPiece`${object}.id`;
    entries[at.quotes] = cypherPiece`[${quote} IN ${quotes} | ${quoteRow}]`;
    this.fact(entries, at, child, fact, subject, object);
    const found = fillTemplate('read/planner/document-facts-found', {
      document,
      evidence: v('e'),
      about: v('a'),
      fact,
      subject,
      object,
      types: typeExpression(),
    });
    const [all, one] = [v('all'), v('one')];
    const page = (facts: Fragment) =>
      fillTemplate('read/planner/document-facts-page', {
        found: facts,
        document,
        fact,
        subject,
        object,
        quotes,
        quote,
        key,
        ...keysetTokens(i, this.reading(child), key, fact),
        row: row(entries),
      });
    if (!child.withTotal) return page(found);
    // The facts are found once, for the page and its total (see document-facts-with-total).
    const unwound = fillTemplate('read/planner/document-facts-unwind', {
      all,
      one,
      fact,
      subject,
      object,
    });
    return fillTemplate('read/planner/document-facts-with-total', {
      all,
      found,
      fact,
      subject,
      object,
      page: page(unwound),
    });
  }

  /** A planned field of a fact: its evidence, or the organization it was on behalf of. */
  private factChild(child: Child, fact: Fragment): Fragment {
    if (child.kind === 'evidence') return this.evidence(child, cypherPiece`${fact}.id`);
    if (child.kind === 'byId') {
      const node = variableName(`b${child.index}`);
      return fillTemplate('read/planner/entity-by-id', {
        node,
        id: cypherPiece`${fact}.${mapKey(child.property)}`,
        labels: labelExpression(child.entity.labels),
        projection: this.entity(child.entity, node),
      });
    }
    throw new Error(`${child.kind} is not a field of a fact`);
  }

  private evidence(child: EvidenceChild, about: Fragment): Fragment {
    const e = variableName(`e${child.index}`);
    const d = variableName(`d${child.index}`);
    return fillTemplate('read/planner/evidence', {
      evidence: e,
      document: d,
      about,
      row: this.evidenceRow(child, e, d, cypherPiece`${d}.id`),
    });
  }

  /** A quote `e` from the document `d` (see evidenceLayout), whose id is `documentId`. */
  private evidenceRow(
    child: EvidenceChild,
    e: Fragment,
    d: Fragment,
    documentId: Fragment,
  ): Fragment {
    const at = evidenceLayout(child);
    const entries: Fragment[] = [];
    entries[at.documentId] = documentId;
    child.props.forEach((prop, i) => (entries[at.props + i] = cypherPiece`${e}.${mapKey(prop)}`));
    if (at.document !== null && child.document)
      entries[at.document] = this.entity(child.document, d);
    return row(entries);
  }
}
