import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  visit,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../read/pagination.js';

/** A list the API does not page (names, aliases, evidence) is counted as this many items. */
export const UNPAGED_LIST_SIZE = 5;

/** Arguments that set how many items a field returns. */
const PAGE_ARGS = ['first', 'last'] as const;
const SIZE_ARGS = [...PAGE_ARGS, 'limit'] as const;

export interface PageSizeBreach {
  field: string;
  argument: string;
  value: number;
}

export interface OperationAnalysis {
  /** Estimated work: every field counts 1, times the number of items of each list it is in. */
  cost: number;
  /** `first`/`last` values outside 0..MAX_PAGE_SIZE, found before anything runs. */
  pageSizeBreaches: PageSizeBreach[];
}

type Variables = Record<string, unknown>;
type AnyField = GraphQLField<unknown, unknown>;

type Composite = GraphQLCompositeType;

function asComposite(type: GraphQLNamedType | null | undefined): Composite | undefined {
  return isCompositeType(type) ? type : undefined;
}

/**
 * Estimates an operation's cost from its document and variables, before execution. It has to
 * run after validation (so fragments resolve and have no cycles) and before any resolver, and
 * it reads variable values, which a validation rule cannot (yoga caches validation per document).
 * Fragments are costed once each, so a fragment spread a thousand times costs a thousand lookups,
 * not a thousand walks.
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables | null | undefined,
): OperationAnalysis {
  const operation = pickOperation(document, operationName);
  const pageSizeBreaches: PageSizeBreach[] = [];
  if (!operation) return { cost: 0, pageSizeBreaches };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const values = variableValues(operation, variables ?? {});
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();

  /**
   * `paged`: the selection is on the object a sized field returned (a connection, an
   * exploration graph). Its lists are that page, already counted on the field that asked.
   */
  const selectionCost = (selectionSet: SelectionSetNode, parent: Composite, paged: boolean) => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, paged);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? asComposite(schema.getType(selection.typeCondition.name.value))
          : parent;
        if (type) total += selectionCost(selection.selectionSet, type, paged);
      } else {
        const key = `${selection.name.value}/${paged}`;
        const known = fragmentCosts.get(key);
        if (known !== undefined) {
          total += known;
          continue;
        }
        const fragment = fragments.get(selection.name.value);
        const type = fragment && asComposite(schema.getType(fragment.typeCondition.name.value));
        if (!fragment || !type || visiting.has(key)) continue;
        visiting.add(key);
        const cost = selectionCost(fragment.selectionSet, type, paged);
        visiting.delete(key);
        fragmentCosts.set(key, cost);
        total += cost;
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: Composite, paged: boolean): number => {
    const name = field.name.value;
    // Introspection is bounded by the schema's size, and is turned off in production.
    if (name.startsWith('__')) return name === '__typename' ? 1 : 0;
    const definition = isUnionType(parent) ? undefined : parent.getFields()[name];
    if (!definition) return 1;
    for (const argName of PAGE_ARGS) {
      const value = argumentValue(field, definition, argName, values);
      if (typeof value === 'number' && (value < 0 || value > MAX_PAGE_SIZE)) {
        pageSizeBreaches.push({ field: name, argument: argName, value });
      }
    }
    if (!field.selectionSet) return 1;
    const type = asComposite(getNamedType(definition.type));
    if (!type) return 1;
    const size = pageSize(field, definition, values);
    const items =
      size ??
      (isListType(getNullableType(definition.type)) && !paged ? listSize(field, values) : 1);
    return 1 + items * selectionCost(field.selectionSet, type, size !== undefined);
  };

  // An operation type the schema lacks costs nothing: it is refused before it runs.
  const root = rootType(schema, operation);
  return {
    cost: root ? selectionCost(operation.selectionSet, root, false) : 0,
    pageSizeBreaches,
  };
}

function pickOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

function rootType(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): Composite | undefined {
  const type =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return type ?? undefined;
}

/** The operation's variables as sent, else their defaults in the document. */
function variableValues(operation: OperationDefinitionNode, sent: Variables): Variables {
  const values: Variables = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name in sent) values[name] = sent[name];
    else if (definition.defaultValue) values[name] = literal(definition.defaultValue, {});
  }
  return values;
}

function literal(node: ValueNode, variables: Variables): unknown {
  switch (node.kind) {
    case Kind.INT:
      return Number(node.value);
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.LIST:
      return node.values.map((v) => literal(v, variables));
    case Kind.NULL:
      return null;
    default:
      return undefined;
  }
}

function argumentValue(
  field: FieldNode,
  definition: AnyField,
  name: string,
  variables: Variables,
): unknown {
  const node = field.arguments?.find((a) => a.name.value === name);
  if (node) return literal(node.value, variables);
  return definition.args.find((a) => a.name === name)?.defaultValue;
}

/** The page a sized field (first/last/limit) asks for; undefined for other fields. */
function pageSize(
  field: FieldNode,
  definition: AnyField,
  variables: Variables,
): number | undefined {
  const sized = SIZE_ARGS.filter((a) => definition.args.some((arg) => arg.name === a));
  if (sized.length === 0) return undefined;
  const values = sized
    .map((a) => argumentValue(field, definition, a, variables))
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  // An absent size means the server's default page; a negative one is refused anyway.
  return values.length > 0 ? Math.max(0, ...values) : DEFAULT_PAGE_SIZE;
}

/** Items of a list that is not a page: as many as the ids asked for, else a guess. */
function listSize(field: FieldNode, variables: Variables): number {
  const ids = field.arguments?.find((a) => a.name.value === 'ids');
  const value = ids && literal(ids.value, variables);
  return Array.isArray(value) ? value.length : UNPAGED_LIST_SIZE;
}

/**
 * Analyses per document, then per operation name and the variables they read (documents come
 * from yoga's parse cache).
 */
const analyses = new WeakMap<DocumentNode, Map<string, OperationAnalysis>>();

/** Variable sets longer than this (as JSON) are analysed each time rather than kept. */
const MAX_CACHED_VARIABLES = 2000;
const MAX_ANALYSES_PER_DOCUMENT = 64;

/**
 * analyzeOperation, remembered per document, operation and the values of the variables that
 * size its lists: a client repeating a query for other ids or days is not walked again.
 */
export function analyzeOperationCached(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables | null | undefined,
): OperationAnalysis {
  const key = cacheKey(document, operationName, variables);
  if (key === undefined || key.length > MAX_CACHED_VARIABLES) {
    return analyzeOperation(schema, document, operationName, variables);
  }
  let byKey = analyses.get(document);
  if (!byKey) {
    byKey = new Map();
    analyses.set(document, byKey);
  }
  let analysis = byKey.get(key);
  if (!analysis) {
    analysis = analyzeOperation(schema, document, operationName, variables);
    if (byKey.size >= MAX_ANALYSES_PER_DOCUMENT) byKey.clear();
    byKey.set(key, analysis);
  }
  return analysis;
}

/**
 * The variables an analysis reads, per document: those inside the arguments that size a list
 * (SIZE_ARGS, `ids`). The others (ids, days, search texts) change with every request and not the
 * cost, so they stay out of the cache key.
 */
const costVariablesOf = new WeakMap<DocumentNode, readonly string[]>();

function costVariables(document: DocumentNode): readonly string[] {
  let names = costVariablesOf.get(document);
  if (names === undefined) {
    const found = new Set<string>();
    visit(document, {
      Argument(node) {
        if (!(SIZED_BY as readonly string[]).includes(node.name.value)) return;
        visit(node.value, {
          Variable(variable) {
            found.add(variable.name.value);
          },
        });
      },
    });
    names = [...found].sort();
    costVariablesOf.set(document, names);
  }
  return names;
}

/** Arguments whose values an analysis reads. */
const SIZED_BY = [...SIZE_ARGS, 'ids'] as const;

/**
 * The cache key of an operation and the variables its analysis reads; undefined when they do
 * not serialize.
 */
function cacheKey(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables | null | undefined,
): string | undefined {
  const read = costVariables(document).map((name) => variables?.[name]);
  try {
    return JSON.stringify([operationName ?? null, read]);
  } catch {
    // Variables nested too deep for JSON.stringify (a hostile request): analysed uncached, and
    // refused further on when they do not coerce.
    return undefined;
  }
}
