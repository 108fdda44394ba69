import {
  Kind,
  type FieldNode,
  valueFromASTUntyped,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a resolver may read of the query below its field: the part of GraphQLResolveInfo this
 * module uses, so a prefetch can describe a field it has not reached yet.
 */
export type Lookahead = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * The fields selected at `path` below the field (e.g. ['edges', 'node']; [] for its direct
 * subfields), through inline fragments and fragment spreads whose type condition `applies`.
 * Directives (@skip, @include) are not evaluated: a field under one counts as selected, which
 * can only cost a prefetch or a read not needed.
 */
function fieldsAt(
  lookahead: Lookahead,
  path: readonly string[],
  applies: (condition: string | undefined) => boolean,
): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>) => {
    for (const node of set?.selections ?? []) {
      if (node.kind === Kind.FIELD) {
        if (depth === path.length) found.push(node);
        else if (node.name.value === path[depth]) visit(node.selectionSet, depth + 1, seen);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (applies(node.typeCondition?.name.value)) visit(node.selectionSet, depth, seen);
      } else if (!seen.has(node.name.value)) {
        seen.add(node.name.value);
        const fragment = lookahead.fragments[node.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) {
          visit(fragment.selectionSet, depth, seen);
        }
      }
    }
  };
  for (const field of lookahead.fieldNodes) visit(field.selectionSet, 0, new Set());
  return found;
}

/**
 * The names of the fields selected at `path` below the field, through every fragment whatever
 * its type condition: a superset of what any one type will resolve, which is what a caller
 * deciding what to fetch needs.
 */
export function fieldNamesAt(lookahead: Lookahead, path: readonly string[]): Set<string> {
  return new Set(fieldsAt(lookahead, path, () => true).map((node) => node.name.value));
}

/** Whether a fragment's type condition (none, the type, an interface or union of it) applies. */
function appliesTo(type: GraphQLObjectType, schema: GraphQLResolveInfo['schema']) {
  return (condition: string | undefined) => {
    if (condition === undefined || condition === type.name) return true;
    if (type.getInterfaces().some((i) => i.name === condition)) return true;
    const union = schema.getType(condition) as { getTypes?: () => readonly { name: string }[] };
    return union?.getTypes?.().some((member) => member.name === type.name) ?? false;
  };
}

/**
 * Fields that need only their parent's id, so they can be loaded before the parent itself:
 * given the id, the field's arguments and its selection, they start their (DataLoader) load.
 */
export type IdOnlyLoad<C, R> = (
  id: string,
  args: Record<string, unknown>,
  context: C,
  lookahead: Lookahead,
) => Promise<R>;

/**
 * For a root lookup by id (`meeting(id:)` ...): starts the loads of the selected fields of
 * `type` that need only the id, so they share the lookup's round trip instead of waiting for it;
 * the resolvers later find the same loads in their DataLoaders' caches. A failure is left to
 * those resolvers to report (when the entity does not exist, they never run, and nothing is lost).
 */
export function prefetchIdOnlyFields<C>(
  info: GraphQLResolveInfo,
  typeName: string,
  id: string,
  context: C,
  loads: Readonly<Record<string, Readonly<Record<string, IdOnlyLoad<C, unknown>>>>>,
): void {
  const type = info.schema.getType(typeName);
  const byField = loads[typeName];
  if (!byField || !isObjectType(type)) return;
  const objectType = type;
  const fields = objectType.getFields();
  for (const node of fieldsAt(info, [], appliesTo(objectType, info.schema))) {
    const load = byField[node.name.value];
    const definition = fields[node.name.value];
    if (!load || !definition || node.directives?.length) continue;
    const args = argumentValues(definition, node, info.variableValues);
    load(id, args, context, { fieldNodes: [node], fragments: info.fragments }).catch(() => {
      // Reported by the field's resolver, which awaits the same cached load.
    });
  }
}

/**
 * A field's arguments as its resolver will get them, for the plain scalars our relationship
 * fields take: variables (already coerced by the executor), literals, then defaults. Not
 * graphql's getArgumentValues, whose instanceof checks fail when two copies of graphql are
 * loaded (as under vitest). A difference could only cost a prefetch that is not reused.
 */
function argumentValues(
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of definition.args) {
    const given = node.arguments?.find((a) => a.name.value === arg.name);
    if (given) {
      const value = given.value;
      if (value.kind !== Kind.VARIABLE) args[arg.name] = valueFromASTUntyped(value, variables);
      else if (value.name.value in variables) args[arg.name] = variables[value.name.value];
      else if (arg.defaultValue !== undefined) args[arg.name] = arg.defaultValue;
    } else if (arg.defaultValue !== undefined) {
      args[arg.name] = arg.defaultValue;
    }
  }
  return args;
}

/**
 * graphql's own isObjectType, isAbstractType ... use instanceof, which fails when two copies of
 * graphql are loaded (vitest loads its ESM and CommonJS builds side by side); the type's
 * toStringTag says the same thing in any realm.
 */
function isObjectType(type: unknown): type is GraphQLObjectType {
  return Object.prototype.toString.call(type) === '[object GraphQLObjectType]';
}
