import { BadInputError } from '../read/errors.js';
import { checkEntityId } from '../read/ids.js';
import { MAX_PAGE_SIZE } from '../read/pagination.js';

/**
 * The bounds of exploration. Every traversal is bounded before it reaches the database, so no
 * request can ask Neo4j to walk the whole graph: paths of at most MAX_HOPS facts, neighbourhoods
 * of at most MAX_DEPTH levels and MAX_LIMIT entities, and at most MAX_PER_NODE facts followed
 * out of any one entity (a hub such as the UN is a handful of its facts, not all of them).
 */
export const MAX_HOPS = 6;
export const MAX_DEPTH = 3;
export const MAX_LIMIT = 500;
export const MAX_PER_NODE = 500;
/** Entities `connections` links at once (every pair is searched: 45 pairs for 10). */
export const MAX_BETWEEN = 10;
/** An edge limit follows the node limit: a graph of n entities shows at most 5n facts. */
export const EDGES_PER_NODE = 5;
/** Lists asked for with `first` (paths, co-participants) are pages like the API's others. */
export const MAX_FIRST = MAX_PAGE_SIZE;

export const DEFAULTS = {
  maxHops: 4,
  depth: 1,
  limit: 100,
  perNodeLimit: 25,
  paths: 10,
  connectionHops: 4,
  connectionPaths: 100,
  coParticipants: 20,
} as const;

/** An integer argument within [min, max], or its default when absent. */
export function bounded(
  name: string,
  value: number | null | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** A list of entity ids: each well-formed, no repeats, at most `max`. */
export function entityIds(name: string, ids: readonly string[], min: number, max: number) {
  if (ids.length < min || ids.length > max) {
    throw new BadInputError(`${name} must list from ${min} to ${max} ids, got ${ids.length}`);
  }
  for (const id of ids) checkEntityId(id, name);
  return [...new Set(ids)];
}
