import {
  getOperationAST,
  getVariableValues,
  type DocumentNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Db } from '../data/db.js';
import { entityNotFound } from '../data/errors.js';
import type { Planned } from '../data/records.js';
import { compileOperation, directiveVariables } from './compile-operation.js';
import type { OperationPlan, RootPlan } from './plan.js';
import { ResultReader } from './read-results.js';
import { prepareRead, statementText, type PreparedRead } from './render-cypher.js';

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

/**
 * The planned part of one request's answer: its root fields' values, read by ONE statement that
 * starts when the first planned root resolver asks (so a request refused before execution, by a
 * limit, never reaches the database).
 */
export class PlannedRead {
  readonly #byKey = new Map<string, RootPlan>();
  #results: Promise<Map<RootPlan, unknown>> | undefined;

  constructor(
    private readonly plan: OperationPlan,
    private readonly prepared: PreparedRead,
    private readonly db: Db,
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
    const value = (await this.#results).get(root);
    const id = this.prepared.params[`r${root.index}_id`] as string;
    if (value === null || value === undefined) throw entityNotFound(root.label, id);
    return value;
  }

  async #read(): Promise<Map<RootPlan, unknown>> {
    const text = statementText(this.plan, this.prepared);
    // Its columns are declared, so reads of the fallback path asked for in the same tick (a
    // root the planner does not answer) share its round trip (src/data/db.ts).
    const columns = this.prepared.roots.map((root) => `r${root.index}`);
    const [row] = await this.db.read({ name: 'planner', text, columns }, this.prepared.params);
    const reader = new ResultReader(this.prepared.requests);
    const results = new Map<RootPlan, unknown>();
    for (const root of this.prepared.roots) {
      results.set(root, reader.entity(root.entity, row?.[`r${root.index}`] ?? null));
    }
    return results;
  }
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
  db: Db,
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
  return prepared.roots.length > 0 ? new PlannedRead(plan, prepared, db) : undefined;
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
