import { describe, expect, it } from 'vitest';
import { combineStatements } from '../../../src/read/combined-statement.js';
import type { Statement } from '../../../src/read/statements.js';

const lookup: Statement = {
  name: 'test/lookup',
  text: 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, n.name AS name',
  columns: ['id', 'name'],
};
const count: Statement = {
  name: 'test/count',
  text: 'MATCH (n:Entity) WHERE n.kind IN $kinds RETURN count(n) AS total',
  columns: ['total'],
};

describe('combined statements', () => {
  it('wrap each statement in a subquery with its own parameters', () => {
    const combined = combineStatements([
      { statement: lookup, params: { ids: ['a', 'b'] } },
      { statement: count, params: { kinds: ['state'] } },
    ]);
    expect(combined.statement.text).toBe(
      [
        'CALL () {',
        'UNWIND $p0_ids AS id MATCH (n:Entity {id: id}) RETURN id, n.name AS name',
        '}',
        'WITH collect({id: id, name: name}) AS rows',
        'RETURN 0 AS part, rows',
        'UNION ALL',
        'CALL () {',
        'MATCH (n:Entity) WHERE n.kind IN $p1_kinds RETURN count(n) AS total',
        '}',
        'WITH collect({total: total}) AS rows',
        'RETURN 1 AS part, rows',
      ].join('\n'),
    );
    expect(combined.params).toEqual({ p0_ids: ['a', 'b'], p1_kinds: ['state'] });
    expect(combined.statement.name).toBe('combined(test/lookup+test/count)');
  });

  it('give one text to the same statements in any order, and each caller its own rows', () => {
    const ab = combineStatements([
      { statement: lookup, params: { ids: ['a'] } },
      { statement: count, params: { kinds: [] } },
    ]);
    const ba = combineStatements([
      { statement: count, params: { kinds: ['x'] } },
      { statement: lookup, params: { ids: ['z'] } },
    ]);
    expect(ba.statement.text).toBe(ab.statement.text);
    expect(ba.params).toEqual({ p0_ids: ['z'], p1_kinds: ['x'] });
    // Rows come back per part of the text; split hands them to the callers in their order.
    const rows = [
      { part: 1, rows: [{ total: 3 }] },
      { part: 0, rows: [{ id: 'z', name: 'Zed' }] },
    ];
    expect(ba.split(rows)).toEqual([[{ total: 3 }], [{ id: 'z', name: 'Zed' }]]);
    // A part without rows (none returned) is an empty list, not a hole.
    expect(ba.split([{ part: 0, rows: [] }])).toEqual([[], []]);
  });

  it('refuse a statement that does not declare its columns', () => {
    const bare: Statement = { name: 'test/bare', text: 'RETURN 1 AS one' };
    expect(() =>
      combineStatements([
        { statement: bare, params: {} },
        { statement: count, params: {} },
      ]),
    ).toThrow(/declares no columns/);
  });
});
