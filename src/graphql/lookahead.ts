import {
  getArgumentValues,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
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
    const abstract = schema.getType(condition);
    return isAbstractType(abstract) && schema.isSubType(abstract, type);
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
  const fields = type.getFields();
  for (const node of fieldsAt(info, [], appliesTo(type, info.schema))) {
    const load = byField[node.name.value];
    const definition = fields[node.name.value];
    if (!load || !definition || node.directives?.length) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, node, info.variableValues);
    } catch {
      continue; // A bad argument: the field's own resolution reports it.
    }
    load(id, args, context, { fieldNodes: [node], fragments: info.fragments }).catch(() => {
      // Reported by the field's resolver, which awaits the same cached load.
    });
  }
}
