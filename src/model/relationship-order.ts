import { Kind, type ConstValueNode, type FieldDefinitionNode } from 'graphql';

/**
 * The orders a relationship field's edges can be listed in (`orderBy: RelationshipOrder` in the
 * SDL): by the other end's date (or the fact's own, see cypher/read/fragments/order-key.cypher)
 * or by its name, either way, ties broken by the fact's id. Each connection field declares its
 * usual order as the argument's default; cursors made under it look as they always did, and a
 * cursor made under any other order names it (see orderTag), so that it is refused elsewhere.
 */
export type RelationshipOrderField = 'DATE' | 'NAME';

export interface RelationshipOrder {
  by: RelationshipOrderField;
  descending: boolean;
}

/**
 * The order of the fields with one edge (Meeting.place, Document.publisher ...), which take no
 * orderBy: their edge is the first by name, as it always was.
 */
export const SINGLE_EDGE_ORDER: RelationshipOrder = { by: 'NAME', descending: false };

function isOrderField(value: unknown): value is RelationshipOrderField {
  return value === 'DATE' || value === 'NAME';
}

/**
 * A connection field's usual order: its `orderBy` argument's default in the SDL. A relationship
 * connection without one is a schema error, so every connection can be ordered.
 */
export function declaredOrder(field: FieldDefinitionNode, name: string): RelationshipOrder {
  const value = field.arguments?.find((a) => a.name.value === 'orderBy')?.defaultValue;
  if (value?.kind !== Kind.OBJECT) {
    throw new Error(`${name}: a relationship connection takes orderBy with a default`);
  }
  const enumAt = (key: string): string | undefined => {
    const found: ConstValueNode | undefined = value.fields.find((f) => f.name.value === key)?.value;
    return found?.kind === Kind.ENUM ? found.value : undefined;
  };
  const by = enumAt('field');
  if (!isOrderField(by)) throw new Error(`${name}: orderBy's default names no field`);
  return { by, descending: enumAt('direction') === 'DESC' };
}

/**
 * The order a request asks for: its `orderBy` (GraphQL has applied the field's default and
 * checked the enums), or the field's usual order for an explicit null.
 */
export function requestedOrder(
  usual: RelationshipOrder,
  orderBy: { field?: unknown; direction?: unknown } | null | undefined,
): RelationshipOrder {
  if (orderBy == null) return usual;
  if (!isOrderField(orderBy.field)) throw new Error(`not an order field: ${String(orderBy.field)}`);
  return { by: orderBy.field, descending: orderBy.direction === 'DESC' };
}

/**
 * What a cursor made under `order` records of it: nothing under the field's usual order (such
 * cursors are as they were before orderBy existed, so those given out earlier keep working),
 * else the order's name, e.g. `DATE_DESC`.
 */
export function orderTag(usual: RelationshipOrder, order: RelationshipOrder): string | null {
  if (order.by === usual.by && order.descending === usual.descending) return null;
  return `${order.by}_${order.descending ? 'DESC' : 'ASC'}`;
}
