import { parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  declaredOrder,
  orderTag,
  requestedOrder,
  type RelationshipOrder,
} from '../../src/model/relationship-order.js';

function field(args: string): FieldDefinitionNode {
  const type = parse(`type T { f${args}: C }`).definitions[0] as ObjectTypeDefinitionNode;
  return type.fields![0]!;
}

const BY_DATE: RelationshipOrder = { by: 'DATE', descending: false };

describe('relationship orders', () => {
  it("read a connection's usual order from its orderBy default", () => {
    expect(declaredOrder(field('(orderBy: O = { field: NAME, direction: DESC })'), 'T.f')).toEqual({
      by: 'NAME',
      descending: true,
    });
    expect(declaredOrder(field('(orderBy: O = { field: DATE })'), 'T.f')).toEqual(BY_DATE);
    expect(() => declaredOrder(field('(orderBy: O)'), 'T.f')).toThrow(
      'T.f: a relationship connection takes orderBy with a default',
    );
    expect(() => declaredOrder(field('(orderBy: O = { field: START })'), 'T.f')).toThrow(
      "T.f: orderBy's default names no field",
    );
  });

  it('take the request’s orderBy, or the usual order for an explicit null', () => {
    expect(requestedOrder(BY_DATE, { field: 'NAME', direction: 'DESC' })).toEqual({
      by: 'NAME',
      descending: true,
    });
    expect(requestedOrder(BY_DATE, null)).toBe(BY_DATE);
    expect(() => requestedOrder(BY_DATE, { field: 'START' })).toThrow('not an order field');
  });

  it('tag cursors with the order only when it is not the usual one', () => {
    expect(orderTag(BY_DATE, BY_DATE)).toBeNull();
    expect(orderTag(BY_DATE, { by: 'DATE', descending: true })).toBe('DATE_DESC');
    expect(orderTag(BY_DATE, { by: 'NAME', descending: false })).toBe('NAME_ASC');
  });
});
