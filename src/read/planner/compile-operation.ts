import {
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isLeafType,
  isObjectType,
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { factFieldOf } from '../../model/fact-fields.js';
import { LIST_LABELS } from '../../graphql/resolvers/list-queries.js';
import { isEntityLabel, type EntityLabel } from '../../model/graph-model.js';
import type {
  Child,
  DocumentFactsChild,
  EdgePlan,
  EntityPlan,
  EvidenceChild,
  FactSelection,
  Keyed,
  OperationPlan,
  PageChild,
  RelationshipChild,
  RootPlan,
  SingleEdgeChild,
} from './plan.js';

type Variables = Record<string, unknown>;
type AnyField = GraphQLField<unknown, unknown>;

/** Entity fields whose stored properties are named otherwise (the rest read their own name). */
const STORED_PROPS: Record<string, readonly string[]> = {
  names: ['labelTexts', 'labelLangs'],
  aliases: ['aliasTexts', 'aliasLangs'],
  wikidataId: ['wikidata'],
};

/** Scalar-like object types an entity field can return, computed from stored properties. */
const STORED_OBJECT_TYPES = new Set(['PartialDate', 'LocalizedName']);

/** Fact qualifiers the edges and facts show, each read from the stored property of its name. */
const QUALIFIERS = new Set(['role', 'capacity', 'title', 'start', 'end', 'attested']);

/** Root lookups by id the planner answers, with the label each asks for (null: any entity). */
const LOOKUPS: Record<string, EntityLabel | null> = {
  node: null,
  person: 'Person',
  organization: 'Organization',
  meeting: 'Meeting',
  theme: 'Theme',
  place: 'Place',
  document: 'Document',
};

/** Root lists the planner answers (the meeting list and the entity lists). */
const LISTS = { meetings: true, ...LIST_LABELS };

/**
 * Fields the planner does not compile; their resolvers load them through the batched DataLoader
 * path (src/read/reads.ts and its families), one round trip per level, from the planned parent's id. Kept in
 * one list so the README and the tests can say which they are.
 */
export const FALLBACK_FIELDS = [
  'Query.nodes',
  'Query.fact',
  'Query.search',
  'Query.version',
  'Meeting.documents',
  'exploration fields (neighborhood, shortestPaths, connections, coParticipants, timeline, subgraph)',
  'a response key that differs in meaning between the possible types of an interface',
] as const;

interface Compiler {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Variables;
  next: number;
  pages: RelationshipChild[];
  /** Subqueries planned so far (see MAX_SUBQUERIES). */
  subqueries: number;
}

/**
 * Subqueries (pages, evidence, onBehalfOf ...) one statement holds at most. Neo4j plans a new
 * statement text once, but in time that grows with its subqueries (about 2 s for 27 on a busy
 * 2-core machine, against the 5 s QUERY_TIMEOUT_MS); fields past the budget are left to the
 * batched loaders, which read them from their planned parents' ids.
 */
export const MAX_SUBQUERIES = 16;

/** Takes one subquery from the budget, or says there is none left. */
function spend(compiler: Compiler): boolean {
  if (compiler.subqueries >= MAX_SUBQUERIES) return false;
  compiler.subqueries += 1;
  return true;
}

/**
 * Compiles the operation into a plan for its root fields the planner answers; null when it has
 * none (or is not a query). The plan depends on the document, the operation and the values of
 * the variables @skip/@include read (see planKey), nothing else of the variables.
 */
export function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): OperationPlan | null {
  const operation = getOperationAST(document, operationName);
  const queryType = schema.getQueryType();
  if (!operation || operation.operation !== 'query' || !queryType) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const compiler: Compiler = { schema, fragments, variables, next: 0, pages: [], subqueries: 0 };
  const roots: RootPlan[] = [];
  const pagesOf = new Map<RootPlan, RelationshipChild[]>();
  for (const [key, nodes] of collectFields(compiler, queryType, [operation.selectionSet])) {
    const name = nodes[0]!.name.value;
    const definition = queryType.getFields()[name] as AnyField | undefined;
    if (!definition) continue;
    compiler.pages = [];
    const root =
      name in LOOKUPS
        ? lookupRoot(compiler, key, name, definition, nodes)
        : name in LISTS
          ? listRoot(compiler, key, name, definition, nodes)
          : null;
    if (!root) continue;
    roots.push(root);
    pagesOf.set(root, compiler.pages);
  }
  return roots.length === 0 ? null : { roots, pagesOf, texts: new Map() };
}

function lookupRoot(
  compiler: Compiler,
  key: string,
  name: string,
  definition: AnyField,
  nodes: FieldNode[],
): RootPlan | null {
  const entity = entityPlan(compiler, getNamedType(definition.type) as GraphQLCompositeType, nodes);
  if (!entity) return null;
  return {
    kind: 'lookup',
    key,
    index: compiler.next++,
    definition,
    node: nodes[0]!,
    label: LOOKUPS[name]!,
    entity,
  };
}

function listRoot(
  compiler: Compiler,
  key: string,
  name: string,
  definition: AnyField,
  nodes: FieldNode[],
): RootPlan | null {
  const connection = getNamedType(definition.type);
  if (!isObjectType(connection)) return null;
  const fields = [...collectFields(compiler, connection, selectionsOf(nodes)).values()].flat();
  const edgeType = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  const edgeFields = collectFields(
    compiler,
    edgeType,
    selectionsOf(fields.filter((n) => n.name.value === 'edges')),
  );
  const nodeNodes = [...edgeFields.values()].flat().filter((n) => n.name.value === 'node');
  const nodeType = getNamedType(edgeType.getFields().node!.type) as GraphQLCompositeType;
  const entity = entityPlan(compiler, nodeType, nodeNodes);
  if (!entity) return null;
  return {
    kind: 'list',
    key,
    index: compiler.next++,
    definition,
    node: nodes[0]!,
    field: name,
    entity,
    withTotal: fields.some((n) => n.name.value === 'totalCount'),
  };
}

function selectionsOf(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
}

/**
 * The names of the variables whose values change a plan: those @skip and @include read. Their
 * values are part of the plan's cache key.
 */
export function directiveVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'skip' && node.name.value !== 'include') return;
      for (const arg of node.arguments ?? []) {
        if (arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
      }
    },
  });
  return [...names].sort();
}

/** The fields selected on an object type, by response key, as graphql's executor collects them. */
function collectFields(
  compiler: Compiler,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  fields = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (!included(compiler, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(compiler, selection.typeCondition?.name.value, type)) {
          collectFields(compiler, type, [selection.selectionSet], fields, visited);
        }
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = compiler.fragments.get(name);
        if (fragment && applies(compiler, fragment.typeCondition.name.value, type)) {
          collectFields(compiler, type, [fragment.selectionSet], fields, visited);
        }
      }
    }
  }
  return fields;
}

function included(compiler: Compiler, node: { directives?: readonly unknown[] }): boolean {
  if (!node.directives?.length) return true;
  const typed = node as Parameters<typeof getDirectiveValues>[1];
  if (getDirectiveValues(GraphQLSkipDirective, typed, compiler.variables)?.if === true) {
    return false;
  }
  return getDirectiveValues(GraphQLIncludeDirective, typed, compiler.variables)?.if !== false;
}

function applies(compiler: Compiler, condition: string | undefined, type: GraphQLObjectType) {
  if (condition === undefined || condition === type.name) return true;
  const conditionType = compiler.schema.getType(condition);
  return (
    conditionType !== undefined &&
    isAbstractType(conditionType) &&
    compiler.schema.isSubType(conditionType, type)
  );
}

function possibleTypes(
  compiler: Compiler,
  type: GraphQLCompositeType,
): readonly GraphQLObjectType[] {
  return isAbstractType(type)
    ? compiler.schema.getPossibleTypes(type)
    : [type as GraphQLObjectType];
}

/** A field selected on each possible type under one response key. */
interface Selected {
  type: GraphQLObjectType;
  definition: AnyField;
  nodes: FieldNode[];
}

/**
 * The selection of an entity-typed field, or null when the type is not an entity type. Keys
 * whose meaning differs between the possible types are left to the fallback.
 */
function entityPlan(
  compiler: Compiler,
  type: GraphQLCompositeType,
  nodes: readonly FieldNode[],
): EntityPlan | null {
  const types = possibleTypes(compiler, type);
  if (types.length === 0 || !types.every((t) => isEntityLabel(t.name))) return null;
  const labels = types.map((t) => t.name as EntityLabel);
  const byKey = new Map<string, Selected[]>();
  for (const t of types) {
    for (const [key, fieldNodes] of collectFields(compiler, t, selectionsOf(nodes))) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') continue;
      const definition = t.getFields()[name] as AnyField | undefined;
      if (!definition) continue;
      const list = byKey.get(key) ?? [];
      list.push({ type: t, definition, nodes: fieldNodes });
      byKey.set(key, list);
    }
  }
  const props = new Set<string>(['id']);
  const children: Keyed[] = [];
  for (const [key, selected] of byKey) {
    // Scalars read stored properties whatever their selection; a planned child needs one
    // meaning on every type (else its resolver loads it).
    for (const { definition } of selected) {
      const named = getNamedType(definition.type);
      if (isLeafType(named) || STORED_OBJECT_TYPES.has(named.name)) {
        for (const prop of STORED_PROPS[definition.name] ?? [definition.name]) props.add(prop);
      }
    }
    if (!sameMeaning(selected)) continue;
    const { type: first, definition, nodes: fieldNodes } = selected[0]!;
    const name = definition.name;
    const fact = factFieldOf(first.name, name);
    const on =
      selected.length === labels.length ? null : selected.map((s) => s.type.name as EntityLabel);
    const child = fact
      ? relationshipChild(compiler, fact, definition, fieldNodes)
      : name === 'evidence'
        ? plannedEvidence(compiler, fieldNodes)
        : first.name === 'Document' && name === 'facts'
          ? documentFactsChild(compiler, definition, fieldNodes)
          : null;
    if (child) children.push({ key, labels: on, child });
  }
  return { labels, abstract: labels.length > 1, props: [...props], children };
}

/** Whether a response key selects the same field, arguments and selection on every type. */
function sameMeaning(selected: readonly Selected[]): boolean {
  if (selected.length < 2) return true;
  const [first, ...rest] = selected;
  const fact = factFieldOf(first!.type.name, first!.definition.name);
  const text = first!.nodes.map((n) => print(n)).join();
  return rest.every(
    (s) =>
      s.definition.name === first!.definition.name &&
      factFieldOf(s.type.name, s.definition.name) === fact &&
      s.nodes.map((n) => print(n)).join() === text,
  );
}

function relationshipChild(
  compiler: Compiler,
  fact: NonNullable<ReturnType<typeof factFieldOf>>,
  definition: AnyField,
  nodes: readonly FieldNode[],
): Child | null {
  const returned = getNamedType(definition.type);
  if (!isObjectType(returned) || !spend(compiler)) return null;
  if (fact.single) {
    const edge = edgePlan(compiler, returned, nodes);
    if (!edge) return null;
    const cursors = [...collectFields(compiler, returned, selectionsOf(nodes)).values()]
      .flat()
      .some((n) => n.name.value === 'cursor');
    const single: SingleEdgeChild = { kind: 'single', index: compiler.next++, fact, cursors, edge };
    compiler.pages.push(single);
    return single;
  }
  const fields = collectFields(compiler, returned, selectionsOf(nodes));
  const edgeNodes = [...fields.values()].flat().filter((n) => n.name.value === 'edges');
  const edgesField = returned.getFields().edges;
  const edgeType = edgesField && getNamedType(edgesField.type);
  if (!edgeType || !isObjectType(edgeType)) return null;
  const edge = edgePlan(compiler, edgeType, edgeNodes);
  if (!edge) return null;
  const page: PageChild = {
    kind: 'page',
    index: compiler.next++,
    fact,
    definition,
    node: nodes[0]!,
    withTotal: [...fields.values()].flat().some((n) => n.name.value === 'totalCount'),
    cursors: selectsCursors(compiler, returned, [...fields.values()].flat()),
    edge,
  };
  compiler.pages.push(page);
  return page;
}

/**
 * Whether a connection's selection (`fields`, the nodes selected on it) reads a cursor: an edge's
 * `cursor`, or pageInfo's `startCursor` or `endCursor`. Only then does its statement return each
 * row's sort key, which is all a cursor needs besides the fact's id.
 */
function selectsCursors(
  compiler: Compiler,
  connection: GraphQLObjectType,
  fields: readonly FieldNode[],
): boolean {
  const inner = (name: string, wanted: readonly string[]) => {
    const field = connection.getFields()[name];
    const type = field && getNamedType(field.type);
    if (!type || !isObjectType(type)) return false;
    const nodes = fields.filter((n) => n.name.value === name);
    const selected = [...collectFields(compiler, type, selectionsOf(nodes)).values()].flat();
    return selected.some((n) => wanted.includes(n.name.value));
  };
  return inner('edges', ['cursor']) || inner('pageInfo', ['startCursor', 'endCursor']);
}

function edgePlan(
  compiler: Compiler,
  edgeType: GraphQLObjectType,
  nodes: readonly FieldNode[],
): EdgePlan | null {
  const fields = collectFields(compiler, edgeType, selectionsOf(nodes));
  const factProps = new Set<string>(['id']);
  const edgeChildren: Keyed[] = [];
  const nodeNodes: FieldNode[] = [];
  const factNodes: FieldNode[] = [];
  for (const [key, fieldNodes] of fields) {
    const name = fieldNodes[0]!.name.value;
    if (name === 'node') nodeNodes.push(...fieldNodes);
    else if (name === 'fact') factNodes.push(...fieldNodes);
    else if (QUALIFIERS.has(name)) factProps.add(name);
    else if (name === 'evidence') {
      const child = plannedEvidence(compiler, fieldNodes);
      if (child) edgeChildren.push({ key, labels: null, child });
    } else if (name === 'onBehalfOf') {
      factProps.add('onBehalfOf');
      const child = onBehalfOfChild(compiler, fieldNodes);
      if (child) edgeChildren.push({ key, labels: null, child });
    }
  }
  const nodeField = edgeType.getFields().node;
  if (!nodeField) return null;
  const node = entityPlan(
    compiler,
    getNamedType(nodeField.type) as GraphQLCompositeType,
    nodeNodes,
  );
  if (!node) return null;
  const fact = factSelection(compiler, factNodes, factProps);
  return { ...fact, node, edgeChildren };
}

/** What the query selects of a fact, adding to the stored properties already needed. */
function factSelection(
  compiler: Compiler,
  factNodes: readonly FieldNode[],
  factProps = new Set<string>(['id']),
): FactSelection {
  const factChildren: Keyed[] = [];
  const factType = compiler.schema.getType('Fact');
  if (factNodes.length > 0 && factType && isObjectType(factType)) {
    for (const [key, fieldNodes] of collectFields(compiler, factType, selectionsOf(factNodes))) {
      const name = fieldNodes[0]!.name.value;
      if (QUALIFIERS.has(name)) factProps.add(name);
      else if (name === 'evidence') {
        const child = plannedEvidence(compiler, fieldNodes);
        if (child) factChildren.push({ key, labels: null, child });
      } else if (name === 'onBehalfOf') {
        factProps.add('onBehalfOf');
        const child = onBehalfOfChild(compiler, fieldNodes);
        if (child) factChildren.push({ key, labels: null, child });
      } else if (name === 'subject' || name === 'object') {
        const definition = factType.getFields()[name]!;
        const entity = entityPlan(
          compiler,
          getNamedType(definition.type) as GraphQLCompositeType,
          fieldNodes,
        );
        if (entity) {
          factChildren.push({ key, labels: null, child: { kind: 'end', end: name, entity } });
        }
      }
    }
  }
  return { factProps: [...factProps], factChildren };
}

/** Document.facts, with the quotes of the document for each fact. */
function documentFactsChild(
  compiler: Compiler,
  definition: AnyField,
  nodes: readonly FieldNode[],
): DocumentFactsChild | null {
  const connection = getNamedType(definition.type);
  if (!isObjectType(connection) || !spend(compiler)) return null;
  const fields = [...collectFields(compiler, connection, selectionsOf(nodes)).values()].flat();
  const edgeType = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  const edgeNodes = fields.filter((n) => n.name.value === 'edges');
  const edgeFields = [
    ...collectFields(compiler, edgeType, selectionsOf(edgeNodes)).values(),
  ].flat();
  const child: DocumentFactsChild = {
    kind: 'documentFacts',
    index: compiler.next++,
    definition,
    node: nodes[0]!,
    withTotal: fields.some((n) => n.name.value === 'totalCount'),
    cursors: selectsCursors(compiler, connection, fields),
    ...factSelection(
      compiler,
      edgeFields.filter((n) => n.name.value === 'node'),
    ),
    // With their offsets whatever the query selects: they are listed in reading order.
    quotes: evidenceChild(
      compiler,
      edgeFields.filter((n) => n.name.value === 'evidence'),
      ['offset'],
    ),
  };
  compiler.pages.push(child);
  return child;
}

/** The quotes `nodes` select, reading the stored properties `always` too. */
function evidenceChild(
  compiler: Compiler,
  nodes: readonly FieldNode[],
  always: readonly string[] = [],
): EvidenceChild {
  const evidenceType = compiler.schema.getType('Evidence') as GraphQLObjectType;
  const props = new Set<string>(always);
  const documentNodes: FieldNode[] = [];
  const documentKeys: string[] = [];
  for (const [key, fieldNodes] of collectFields(compiler, evidenceType, selectionsOf(nodes))) {
    const name = fieldNodes[0]!.name.value;
    if (name === 'document') {
      documentNodes.push(...fieldNodes);
      documentKeys.push(key);
    } else if (name === 'id' || name === 'quote' || name === 'offset') props.add(name);
  }
  const documentType = compiler.schema.getType('Document') as GraphQLObjectType;
  return {
    kind: 'evidence',
    index: compiler.next++,
    props: [...props],
    document: documentNodes.length > 0 ? entityPlan(compiler, documentType, documentNodes) : null,
    documentKeys,
  };
}

/** The evidence of an entity or fact, as a subquery of its own when the budget allows. */
function plannedEvidence(compiler: Compiler, nodes: readonly FieldNode[]): EvidenceChild | null {
  return spend(compiler) ? evidenceChild(compiler, nodes) : null;
}

function onBehalfOfChild(compiler: Compiler, nodes: readonly FieldNode[]): Child | null {
  if (!spend(compiler)) return null;
  const organization = compiler.schema.getType('Organization') as GraphQLObjectType;
  const entity = entityPlan(compiler, organization, nodes);
  return entity && { kind: 'byId', index: compiler.next++, property: 'onBehalfOf', entity };
}
