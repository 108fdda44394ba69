import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  type DocumentNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Db } from '../db.js';
import { emptyConnection, type ListQuery } from '../lists/lists.js';
import type { Reads } from '../reads.js';
import type {
  ActorFilter,
  MeetingFilter,
  MeetingOrder,
} from '../../graphql/generated/resolvers-types.js';
import { entityQuery, LIST_LABELS, meetingQuery } from '../../graphql/resolvers/list-queries.js';
import { entityNotFound } from '../errors.js';
import type { Planned } from '../records.js';
import { compileOperation, directiveVariables } from './compile-operation.js';
import type { ListRoot, OperationPlan, RootPlan } from './plan.js';
import { ResultReader } from './read-results.js';
import { listParams, prepareRead, statementText, type PreparedRead } from './render-cypher.js';

type Variables = Record<string, unknown>;

interface DocumentPlans {
  /** The variables whose values select a plan (@skip/@include). */
  directiveVariables: string[];
  plans: Map<string, OperationPlan | null>;
}

/** Plans per document: documents come from yoga's parse cache, so a WeakMap follows its LRU. */
const plansByDocument = new WeakMap<DocumentNode, DocumentPlans>();

/** Variants of one document (operation names, @skip/@include values) kept at the most. */
const MAX_PLANS_PER_DOCUMENT = 32;

/** The compiled plan of an operation, from the cache or compiled now. */
export function planFor(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): OperationPlan | null {
  let entry = plansByDocument.get(document);
  if (!entry) {
    entry = { directiveVariables: directiveVariables(document), plans: new Map() };
    plansByDocument.set(document, entry);
  }
  const key = JSON.stringify([
    operationName ?? null,
    entry.directiveVariables.map((name) => variables[name] ?? null),
  ]);
  let plan = entry.plans.get(key);
  if (plan === undefined) {
    plan = compileOperation(schema, document, operationName, variables);
    if (entry.plans.size >= MAX_PLANS_PER_DOCUMENT) entry.plans.clear();
    entry.plans.set(key, plan);
  }
  return plan;
}

type Settled = { value: unknown } | { error: unknown };

/**
 * The planned part of one request's answer: its root fields' values, read by ONE statement that
 * starts when the first planned root resolver asks (so a request refused before execution, by a
 * limit, never reaches the database). A root list first reads its text filter, if it has one,
 * with the batched path's own code (Reads.meetingList ...), which also checks its arguments.
 */
export class PlannedRead {
  readonly #byKey = new Map<string, RootPlan>();
  #results: Promise<Map<RootPlan, Settled>> | undefined;

  constructor(
    private readonly plan: OperationPlan,
    private readonly prepared: PreparedRead,
    private readonly variables: Variables,
    private readonly context: { db: Db; reads: Reads },
  ) {
    for (const root of prepared.roots) this.#byKey.set(root.key, root);
  }

  /** Whether the root field at this response key is planned (else its resolver loads it). */
  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  async root(key: string): Promise<unknown> {
    const root = this.#byKey.get(key);
    if (!root) throw new Error(`the root field ${key} is not planned`);
    this.#results ??= this.#read();
    const settled = (await this.#results).get(root);
    if (!settled) throw new Error(`the root field ${key} was not read`);
    if ('error' in settled) throw settled.error;
    // node(id:) answers null for an id that names nothing (Relay); typed lookups say NOT_FOUND.
    if (settled.value === null && root.kind === 'lookup' && root.label !== null) {
      throw entityNotFound(root.label, this.prepared.params[`r${root.index}_id`] as string);
    }
    return settled.value;
  }

  async #read(): Promise<Map<RootPlan, Settled>> {
    const results = new Map<RootPlan, Settled>();
    const lists = new Map<ListRoot, ListQuery>();
    await Promise.all(
      this.prepared.roots.map(async (root) => {
        if (root.kind !== 'list') return;
        try {
          const list = await listQueryOf(root, this.variables, this.context.reads);
          if (list === 'nothing') results.set(root, { value: emptyConnection() });
          else lists.set(root, list);
        } catch (error) {
          results.set(root, { error });
        }
      }),
    );
    const roots = this.prepared.roots.filter(
      (r) => r.kind === 'lookup' || lists.has(r as ListRoot),
    );
    if (roots.length === 0) return results;
    const text = statementText(this.plan, this.prepared, roots, lists);
    const params = { ...this.prepared.params };
    for (const [root, list] of lists) Object.assign(params, listParams(root, list));
    // Its columns are declared, so reads of the fallback path asked for in the same tick (a
    // root the planner does not answer) share its round trip (src/read/db.ts).
    const columns = roots.map((root) => `r${root.index}`);
    try {
      const [row] = await this.context.db.read({ name: 'planner', text, columns }, params);
      const reader = new ResultReader(this.prepared.requests);
      for (const root of roots) {
        const raw = row?.[`r${root.index}`] ?? null;
        const list = root.kind === 'list' ? lists.get(root) : undefined;
        const value = list
          ? reader.list(root as ListRoot, list, raw)
          : reader.entity(root.entity, raw);
        results.set(root, { value });
      }
    } catch (error) {
      for (const root of roots) results.set(root, { error });
    }
    return results;
  }
}

/** A root list's query, from its arguments as the resolver would read them. */
function listQueryOf(
  root: ListRoot,
  variables: Variables,
  reads: Reads,
): Promise<ListQuery | 'nothing'> {
  const { where, orderBy, ...page } = getArgumentValues(root.definition, root.node, variables);
  if (root.field === 'meetings') {
    return reads.lists.meetingList(
      meetingQuery(where as MeetingFilter | undefined, orderBy as MeetingOrder | undefined),
      page,
    );
  }
  const labels = LIST_LABELS[root.field as keyof typeof LIST_LABELS];
  return reads.lists.entityListQuery(entityQuery(labels, where as ActorFilter | undefined), page);
}

/**
 * The request's planned read, or undefined when nothing of the operation is planned (or its
 * variables do not coerce: the executor then reports that).
 */
export function startPlannedRead(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Variables | null | undefined,
  context: { db: Db; reads: Reads },
): PlannedRead | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return undefined;
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
  );
  if (coerced.errors) return undefined;
  const plan = planFor(schema, document, operationName, coerced.coerced);
  if (!plan) return undefined;
  const prepared = prepareRead(plan, coerced.coerced);
  return prepared.roots.length > 0
    ? new PlannedRead(plan, prepared, coerced.coerced, context)
    : undefined;
}

type AnyResolver = (
  parent: unknown,
  args: unknown,
  context: { planned?: PlannedRead },
  info: GraphQLResolveInfo,
) => unknown;

/** A root field's resolver that answers from the planned read when its field is planned. */
export function plannedRoot<R extends AnyResolver>(resolve: R): R {
  return ((parent, args, context, info) =>
    context.planned?.has(info.path.key as string)
      ? context.planned.root(info.path.key as string)
      : resolve(parent, args, context, info)) as R;
}

/** A field's resolver that returns the planned value its parent carries, else resolves. */
export function plannedField<R extends AnyResolver>(resolve: R): R {
  return ((parent, args, context, info) => {
    const planned = (parent as { planned?: Planned } | null)?.planned;
    const key = info.path.key as string;
    if (planned !== undefined && Object.prototype.hasOwnProperty.call(planned, key)) {
      return planned[key];
    }
    return resolve(parent, args, context, info);
  }) as R;
}
