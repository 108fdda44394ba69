import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../src/read/cursor.js';
import { BadInputError } from '../../../src/read/errors.js';
import { pageOf, pageQuery, pageRequest, type PageRequest } from '../../../src/read/pagination.js';

describe('cursors', () => {
  it('are opaque base64url and give back the position they encode', () => {
    for (const [key, id] of [
      ['2021-04', 'unsc-debate-2021-04-regional-organizations'],
      ['', 'session-consequences-of-bombs-and-mines'],
      [[0, -7.864075660705566], 'united-nations'],
    ] as const) {
      const cursor = encodeCursor(key as never, id);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toEqual([key, id]);
    }
  });

  it.each([
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['a non-string id', Buffer.from('["k",1]').toString('base64url')],
    ['a number key', Buffer.from('[42,"x"]').toString('base64url')],
    ['a non-string order', Buffer.from('["k","x",1]').toString('base64url')],
    ['four parts', Buffer.from('["k","x","NAME_ASC","y"]').toString('base64url')],
    ['too long', 'A'.repeat(2000)],
  ])('reject %s', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(BadInputError);
  });
});

describe('page requests', () => {
  it('default to the first 20', () => {
    expect(pageRequest({})).toEqual({ first: 20, last: null, after: null, before: null });
  });

  it('take last/before instead of first/after', () => {
    const before = encodeCursor('b', 'x');
    expect(pageRequest({ last: 5, before })).toEqual({
      first: null,
      last: 5,
      after: null,
      before: ['b', 'x'],
    });
  });

  it("keep a cursor to the order it was made under (a relationship field's orderBy)", () => {
    const usual = encodeCursor('2021-04', 'f1');
    const latestFirst = encodeCursor('2021-04', 'f1', 'DATE_DESC');
    expect(decodeCursor(latestFirst)).toEqual(['2021-04', 'f1', 'DATE_DESC']);
    expect(pageRequest({ after: latestFirst }, 'DATE_DESC')).toMatchObject({
      after: ['2021-04', 'f1', 'DATE_DESC'],
      order: 'DATE_DESC',
    });
    // Under the usual order a cursor names no order, as cursors did before orderBy.
    expect(pageRequest({ after: usual })).toEqual({
      first: 20,
      last: null,
      after: ['2021-04', 'f1'],
      before: null,
    });
    const refused = new BadInputError(
      'this cursor was made under another orderBy; pass the orderBy it was made under, or start again without a cursor',
    );
    expect(() => pageRequest({ after: usual }, 'DATE_DESC')).toThrow(refused);
    expect(() => pageRequest({ before: latestFirst })).toThrow(refused);
    expect(() => pageRequest({ before: latestFirst }, 'NAME_DESC')).toThrow(refused);
    // The page's own cursors carry its order.
    const { rows: page } = pageOf([{ key: 'k', id: 'x' }], pageRequest({ first: 1 }, 'NAME_DESC'));
    expect(decodeCursor(page[0]!.cursor)).toEqual(['k', 'x', 'NAME_DESC']);
  });

  it.each([
    [{ first: 101 }, 'first must be an integer from 0 to 100, got 101'],
    [{ last: -1 }, 'last must be an integer from 0 to 100, got -1'],
    [{ first: 1, last: 1 }, 'pass either first or last, not both'],
  ])('refuse %j', (args, message) => {
    expect(() => pageRequest(args)).toThrow(new BadInputError(message));
  });
});

// Ten rows a..j, read the way the Cypher page queries read them: between the keyset bounds, in
// the direction asked, up to the limit.
const rows = 'abcdefghij'.split('').map((id) => ({ key: id, id }));
function read(request: PageRequest, descending = false) {
  const { params, descending: backwards } = pageQuery(request, descending);
  const lower = params.lowerId as string;
  const upper = params.upperId as string;
  const inside = rows.filter(
    (r) => (lower === '' || r.id > lower) && (upper === '' || r.id < upper),
  );
  if (backwards) inside.reverse();
  return inside.slice(0, params.limit as number);
}
const page = (request: PageRequest, descending = false) => {
  const { rows: got, pageInfo } = pageOf(read(request, descending), request);
  return { ids: got.map((r) => r.row.id).join(''), ...pageInfo };
};
const at = (id: string) => [id, id] as const;
const forward = (first: number, after: string | null = null): PageRequest => ({
  first,
  last: null,
  after: after === null ? null : at(after),
  before: null,
});
const backward = (last: number, before: string | null = null): PageRequest => ({
  first: null,
  last,
  after: null,
  before: before === null ? null : at(before),
});

describe('reading a page out of a sorted list', () => {
  it('forwards: first, then after a cursor', () => {
    expect(page(forward(3))).toMatchObject({
      ids: 'abc',
      hasNextPage: true,
      hasPreviousPage: false,
    });
    expect(page(forward(3, 'c'))).toMatchObject({
      ids: 'def',
      hasNextPage: true,
      hasPreviousPage: true,
    });
    expect(page(forward(3, 'g'))).toMatchObject({
      ids: 'hij',
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });

  it('backwards: last, then before a cursor', () => {
    expect(page(backward(4))).toMatchObject({
      ids: 'ghij',
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect(page(backward(4, 'c'))).toMatchObject({
      ids: 'ab',
      hasNextPage: true,
      hasPreviousPage: false,
    });
  });

  it('without bounds, reads the whole key range', () => {
    expect(pageQuery(forward(3)).params).toEqual({
      lowerKey: '',
      lowerId: '',
      upperKey: '\uffff',
      upperId: '',
      limit: 4,
    });
  });

  it('refuses a cursor from a ranked search in a sorted list', () => {
    const fromSearch = decodeCursor(encodeCursor([0, -2.5], 'united-nations'));
    expect(() => pageQuery({ ...forward(3), after: fromSearch })).toThrow(BadInputError);
  });

  it('in descending order, the bounds swap and the reading direction turns', () => {
    expect(pageQuery(forward(3, 'h'), true)).toEqual({
      params: { lowerKey: '', lowerId: '', upperKey: 'h', upperId: 'h', limit: 4 },
      descending: true,
    });
    expect(page(forward(3), true)).toMatchObject({
      ids: 'jih',
      hasNextPage: true,
      hasPreviousPage: false,
    });
    expect(page(forward(3, 'h'), true)).toMatchObject({
      ids: 'gfe',
      hasNextPage: true,
      hasPreviousPage: true,
    });
    expect(page(backward(2), true)).toMatchObject({
      ids: 'ba',
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });

  it('gives each edge the cursor of its row', () => {
    const { rows: got, pageInfo } = pageOf(read(forward(2)), forward(2));
    expect(got.map((r) => decodeCursor(r.cursor))).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
    expect(pageInfo.startCursor).toBe(got[0]!.cursor);
    expect(pageInfo.endCursor).toBe(got[1]!.cursor);
  });

  it('an empty page has no cursors', () => {
    expect(page(forward(0))).toMatchObject({
      ids: '',
      hasNextPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
