import { BadInputError } from './errors.js';

/**
 * Keyset cursors: the position of an item in its list, as its sort key and its id (the id breaks
 * ties). "After this cursor" is a comparison, not an offset, so a page stays where it is when
 * items are added elsewhere, and a page deep in a list costs what the first one does.
 */
/** Lists sorted in the database have text keys; search ranks by [tier, -score]. */
export type SortKey = string | number[];
/**
 * Where a cursor points, and under which order when its list was not in its usual one (a
 * relationship field's orderBy, see src/model/relationship-order.ts): its key means nothing
 * under another order.
 */
export type Position = readonly [key: SortKey, id: string, order?: string];

export function encodeCursor(key: SortKey, id: string, order: string | null = null): string {
  const position = order === null ? [key, id] : [key, id, order];
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  let value: unknown;
  try {
    if (cursor.length > 1000 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw new Error();
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadInputError(`"${cursor.slice(0, 40)}" is not a cursor this API gave out`);
  }
  if (
    Array.isArray(value) &&
    (value.length === 2 || (value.length === 3 && typeof value[2] === 'string')) &&
    isSortKey(value[0]) &&
    typeof value[1] === 'string'
  ) {
    return value.length === 2 ? [value[0], value[1]] : [value[0], value[1], value[2] as string];
  }
  throw new BadInputError(`"${cursor.slice(0, 40)}" is not a cursor this API gave out`);
}

function isSortKey(value: unknown): value is SortKey {
  return (
    typeof value === 'string' ||
    (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v)))
  );
}
