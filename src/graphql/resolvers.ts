import { plannedField, plannedRoot } from '../read/planner/planned-read.js';
import type { QueryResolvers, Resolvers } from './generated/resolvers-types.js';
import { entityResolvers } from './resolvers/entities.js';
import { exploreQueryResolvers, exploreResolvers } from './resolvers/explore.js';
import { factResolvers } from './resolvers/facts.js';
import { queryResolvers } from './resolvers/query.js';
import { DateScalar, IsoDate } from './resolvers/scalars.js';

/**
 * Every field resolver of these types first returns the value the query planner read for it,
 * when its parent carries one (src/read/planner); otherwise it loads as written.
 */
function withPlannedFields(typeResolvers: Resolvers): Resolvers {
  return Object.fromEntries(
    Object.entries(typeResolvers).map(([type, fields]) => [
      type,
      Object.fromEntries(
        Object.entries(fields as Record<string, unknown>).map(([name, resolve]) => [
          name,
          typeof resolve === 'function' && !name.startsWith('__')
            ? plannedField(resolve as Parameters<typeof plannedField>[0])
            : resolve,
        ]),
      ),
    ]),
  ) as Resolvers;
}

/** The root lookups the planner answers (src/read/planner/compile-operation.ts, LOOKUPS). */
function withPlannedRoots(query: QueryResolvers): QueryResolvers {
  return Object.fromEntries(
    Object.entries(query).map(([name, resolve]) => [
      name,
      typeof resolve === 'function'
        ? plannedRoot(resolve as Parameters<typeof plannedRoot>[0])
        : resolve,
    ]),
  ) as QueryResolvers;
}

/** Thin resolvers over src/read; typed from the SDL, so a field the SDL lacks does not compile. */
export const resolvers: Resolvers = {
  Query: withPlannedRoots({ ...queryResolvers, ...exploreQueryResolvers }),
  Date: DateScalar,
  IsoDate,
  ...withPlannedFields(entityResolvers),
  ...withPlannedFields(factResolvers),
  ...exploreResolvers,
};
