import { decodeCursor, encodeCursor, type Position, type SortKey } from './cursor.js';
import { BadInputError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay's connection arguments, as GraphQL passes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Validated arguments: exactly one of first and last is set. `order` names the list's order when
 * it is not the list's usual one; the page's cursors record it (see encodeCursor).
 */
export type PageRequest = (
  | { first: number; last: null; after: Position | null; before: Position | null }
  | { first: null; last: number; after: Position | null; before: Position | null }
) & { order?: string };

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A row of a sorted list: its sort key and id (the cursor) and whatever else it carries. */
export interface KeyedRow {
  key: SortKey;
  id: string;
}

/**
 * Checks Relay's arguments. `order`: the list's order when it is not its usual one (see
 * orderTag in src/model/relationship-order.ts); a cursor must have been made under the same.
 */
export function pageRequest(args: PageArgs, order: string | null = null): PageRequest {
  const first = size('first', args.first);
  const last = size('last', args.last);
  const after = args.after == null ? null : underOrder(decodeCursor(args.after), order);
  const before = args.before == null ? null : underOrder(decodeCursor(args.before), order);
  if (first !== null && last !== null) {
    throw new BadInputError('pass either first or last, not both');
  }
  const request: PageRequest =
    last === null
      ? { first: first ?? DEFAULT_PAGE_SIZE, last: null, after, before }
      : { first: null, last, after, before };
  if (order !== null) request.order = order;
  return request;
}

/**
 * A cursor's position, if it was made under `order`: its key is a date or a name depending on
 * the order, and read under another it would seek to the wrong place, not fail.
 */
function underOrder(position: Position, order: string | null): Position {
  if ((position[2] ?? null) !== order) {
    throw new BadInputError(
      'this cursor was made under another orderBy; pass the orderBy it was made under, or start again without a cursor',
    );
  }
  return position;
}

function size(name: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadInputError(`${name} must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${value}`);
  }
  return value;
}

/** What a page query gets for a missing bound: '' sorts first, U+FFFF after every text. */
const NO_LOWER_KEY = '';
const NO_UPPER_KEY = '\uffff';

/**
 * How a page query reads: the keyset bounds in ascending key order ([$lowerKey, $lowerId] and
 * [$upperKey, $upperId], exclusive; an id of '' for no bound, so every parameter keeps one type
 * and the query one cached plan), how many rows ($limit: one more than the page, to tell whether
 * more follow) and from which end (`descending`). A list shown in descending order swaps the
 * bounds; a page asked for with last/before reads backwards from its bound, and `pageOf` turns
 * the rows round again.
 */
export function pageQuery(
  request: PageRequest,
  descending = false,
): { params: Record<string, unknown>; descending: boolean } {
  const [lower, upper] = descending
    ? [request.before, request.after]
    : [request.after, request.before];
  for (const bound of [lower, upper]) {
    if (bound !== null && typeof bound[0] !== 'string') {
      throw new BadInputError('this cursor belongs to another list');
    }
  }
  const backwards = request.last !== null;
  return {
    params: {
      lowerKey: lower?.[0] ?? NO_LOWER_KEY,
      lowerId: lower?.[1] ?? '',
      upperKey: upper?.[0] ?? NO_UPPER_KEY,
      upperId: upper?.[1] ?? '',
      limit: (request.last ?? request.first) + 1,
    },
    descending: descending !== backwards,
  };
}

/**
 * The page out of the rows a page query read (in reading order, one more than the page when
 * more follow), with its cursors. With first/after, an `after` cursor means rows precede the
 * page; with last/before, a `before` cursor means rows follow it (the cursor's own row at least).
 */
export function pageOf<T extends KeyedRow>(
  read: readonly T[],
  request: PageRequest,
): { rows: Array<{ row: T; cursor: string }>; pageInfo: PageInfo } {
  const size = request.last ?? request.first;
  const more = read.length > size;
  const rows = read.slice(0, size);
  if (request.last !== null) rows.reverse();
  const page = rows.map((row) => new PageRow(row, request.order ?? null));
  return {
    rows: page,
    pageInfo: {
      hasNextPage: request.last === null ? more : request.before !== null,
      hasPreviousPage: request.last === null ? request.after !== null : more,
      // Read when selected too: a nested query has a page per parent, and few ask their cursors.
      get startCursor() {
        return page[0]?.cursor ?? null;
      },
      get endCursor() {
        return page[page.length - 1]?.cursor ?? null;
      },
    },
  };
}

/**
 * A row of a page and its cursor, encoded when read: most queries select a connection's nodes,
 * not each edge's cursor, and a page of a deep query has hundreds of edges. The getters are the
 * classes' (one per prototype), not each object's: an accessor defined on every row and edge was
 * ~2 % of the server's CPU under q2.
 */
class PageRow<T extends KeyedRow> {
  constructor(
    readonly row: T,
    private readonly order: string | null,
  ) {}

  get cursor(): string {
    return encodeCursor(this.row.key, this.row.id, this.order);
  }
}

/** An edge whose `cursor` is its row's, read only when a client selects it. */
class CursorEdge {
  // Private: the edge's own fields are assigned over the object.
  readonly #at: { cursor: string };

  constructor(at: { cursor: string }) {
    this.#at = at;
  }

  get cursor(): string {
    return this.#at.cursor;
  }
}

/**
 * A page's edges, built from its rows by `toEdge`, each with the `cursor` of its row (which
 * `toEdge` must not set: the getter is read-only).
 */
export function edgesOf<T, E extends object>(
  rows: ReadonlyArray<{ row: T; cursor: string }>,
  toEdge: (row: T) => E & { cursor?: never },
): Array<E & { cursor: string }> {
  return rows.map((at) => Object.assign(new CursorEdge(at), toEdge(at.row)));
}
