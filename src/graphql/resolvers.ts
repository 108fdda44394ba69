import { packageVersion } from '../server/version.js';

export const resolvers = {
  Query: {
    version: () => packageVersion,
  },
};
