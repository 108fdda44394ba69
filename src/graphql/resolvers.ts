import type { Resolvers } from './generated/resolvers-types.js';
import { entityResolvers } from './resolvers/entities.js';
import { exploreQueryResolvers, exploreResolvers } from './resolvers/explore.js';
import { factResolvers } from './resolvers/facts.js';
import { queryResolvers } from './resolvers/query.js';
import { DateScalar, IsoDate } from './resolvers/scalars.js';

/** Thin resolvers over src/data; typed from the SDL, so a field the SDL lacks does not compile. */
export const resolvers: Resolvers = {
  Query: { ...queryResolvers, ...exploreQueryResolvers },
  Date: DateScalar,
  IsoDate,
  ...entityResolvers,
  ...factResolvers,
  ...exploreResolvers,
};
