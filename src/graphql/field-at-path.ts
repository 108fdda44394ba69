import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type FieldNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The field nodes of the document a response path points at (`['meeting', 'chairs']`): the
 * locations an error at that path reports. graphql-jit's resolver errors carry the path only, so
 * the locations graphql-js would give are found again here. Fragments are followed whatever
 * their type condition: a response key names the same field under each.
 */
export function fieldNodesAt(
  document: DocumentNode,
  operationName: string | null | undefined,
  path: ReadonlyArray<string | number>,
): FieldNode[] | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  let sets: SelectionSetNode[] = [operation.selectionSet];
  let found: FieldNode[] = [];
  for (const key of path) {
    if (typeof key === 'number') continue;
    found = [];
    const visit = (set: SelectionSetNode, seen: Set<string>) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if ((selection.alias?.value ?? selection.name.value) === key) found.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          visit(selection.selectionSet, seen);
        } else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) visit(fragment, seen);
        }
      }
    };
    for (const set of sets) visit(set, new Set());
    if (found.length === 0) return undefined;
    sets = found.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }
  return found.length > 0 ? found.slice(0, 1) : undefined;
}
