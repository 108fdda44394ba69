import { buildSchema as buildSdl, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphql/playground.js';
import { buildSchema } from '../../src/graphql/schema.js';
import {
  analyzeOperation,
  analyzeOperationCached,
  UNPAGED_LIST_SIZE,
} from '../../src/server/cost.js';
import { DEFAULT_LIMITS } from '../../src/server/settings.js';

/** A small schema with each kind of list the cost model tells apart. */
const schema = buildSdl(`
  type Query {
    items(first: Int, last: Int, after: String): ItemConnection!
    graph(limit: Int = 50): Graph!
    nodes(ids: [ID!]!): [Item]!
    item(id: ID!): Item
    version: String!
  }
  type ItemConnection { edges: [ItemEdge!]! totalCount: Int! }
  type ItemEdge { node: Item! }
  type Item { id: ID! tags: [String!]! related: [Item!]! children(first: Int): ItemConnection! }
  type Graph { nodes: [Item!]! edges: [ItemEdge!]! }
`);

const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  analyzeOperation(schema, parse(query), operationName, variables);

describe('the cost of an operation', () => {
  it('counts each field once outside lists', () => {
    expect(cost('{ version item(id: "a") { id } }').cost).toBe(1 + (1 + 1));
  });

  it('multiplies a page by its size, counting its edges once', () => {
    // items: 1 + 10 * (edges: 1 + 1 * (node: 1 + id 1))
    expect(cost('{ items(first: 10) { edges { node { id } } } }').cost).toBe(1 + 10 * (1 + 2));
  });

  it('reads sizes from variables and from variable defaults', () => {
    const q = 'query($n: Int = 7) { items(first: $n) { totalCount } }';
    expect(cost(q).cost).toBe(1 + 7);
    expect(cost(q, { n: 3 }).cost).toBe(1 + 3);
  });

  it('takes the default page when no size is given, and an argument default when declared', () => {
    expect(cost('{ items { totalCount } }').cost).toBe(1 + 20);
    expect(cost('{ graph { nodes { id } } }').cost).toBe(1 + 50 * (1 + 1));
  });

  it('multiplies nested pages', () => {
    const q = '{ items(first: 10) { edges { node { children(first: 10) { totalCount } } } } }';
    expect(cost(q).cost).toBe(1 + 10 * (1 + (1 + (1 + 10 * 1))));
  });

  it('counts an unpaged list as a few items, and an id list by its length', () => {
    expect(cost('{ item(id: "a") { tags } }').cost).toBe(1 + 1);
    expect(cost('{ item(id: "a") { related { id } } }').cost).toBe(1 + (1 + UNPAGED_LIST_SIZE * 1));
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }').cost).toBe(1 + 3 * 1);
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b'] }).cost).toBe(
      1 + 2,
    );
  });

  it('costs a fragment spread many times without walking it each time', () => {
    const spreads = Array.from({ length: 30 }, () => '...F1').join(' ');
    const levels = Array.from(
      { length: 5 },
      (_, i) => `fragment F${i} on ItemConnection { ${spreads.replaceAll('F1', `F${i + 1}`)} }`,
    );
    const q = `{ items(first: 1) { ...F0 } } ${levels.join(' ')} fragment F5 on ItemConnection { totalCount }`;
    const started = performance.now();
    expect(cost(q).cost).toBe(1 + 30 ** 5);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('picks the named operation', () => {
    const q = 'query A { version } query B { items(first: 5) { totalCount } }';
    expect(cost(q, {}, 'A').cost).toBe(1);
    expect(cost(q, {}, 'B').cost).toBe(6);
  });
});

describe('page sizes', () => {
  it('reports first and last outside 0..100, from literals and variables', () => {
    expect(cost('{ items(first: 101) { totalCount } }').pageSizeBreaches).toEqual([
      { field: 'items', argument: 'first', value: 101 },
    ]);
    expect(
      cost('query($n: Int) { items(last: $n) { totalCount } }', { n: -1 }).pageSizeBreaches,
    ).toEqual([{ field: 'items', argument: 'last', value: -1 }]);
    expect(cost('{ items(first: 100) { totalCount } }').pageSizeBreaches).toEqual([]);
  });

  it('leaves `limit` to the fields that own it', () => {
    expect(cost('{ graph(limit: 500) { nodes { id } } }').pageSizeBreaches).toEqual([]);
  });
});

describe('the API schema', () => {
  it('lets every example operation through the default limits', () => {
    const api = buildSchema();
    for (const example of loadExamples()) {
      const { cost: c, pageSizeBreaches } = analyzeOperation(
        api,
        parse(example.query),
        undefined,
        {},
      );
      expect({ file: example.file, over: c > DEFAULT_LIMITS.cost, pageSizeBreaches }).toEqual({
        file: example.file,
        over: false,
        pageSizeBreaches: [],
      });
    }
  });
});

describe('the cost analysis cache', () => {
  it('answers a repeated document and variables from the cache, and others anew', () => {
    const document = parse('query ($n: Int) { items(first: $n) { edges { node { id } } } }');
    const ten = analyzeOperationCached(schema, document, undefined, { n: 10 });
    expect(analyzeOperationCached(schema, document, undefined, { n: 10 })).toBe(ten);
    const twenty = analyzeOperationCached(schema, document, undefined, { n: 20 });
    expect(twenty).not.toBe(ten);
    expect(twenty.cost).toBeGreaterThan(ten.cost);
    expect(twenty).toEqual(analyzeOperation(schema, document, undefined, { n: 20 }));
  });

  it('keys on the variables that size lists only: an id or a day does not make a new entry', () => {
    const document = parse(
      'query ($n: Int, $id: ID!) { item(id: $id) { id } items(first: $n) { edges { node { id } } } }',
    );
    const first = analyzeOperationCached(schema, document, undefined, { n: 10, id: 'a' });
    expect(analyzeOperationCached(schema, document, undefined, { n: 10, id: 'b' })).toBe(first);
    expect(analyzeOperationCached(schema, document, undefined, { n: 30, id: 'a' })).not.toBe(first);
  });
});
