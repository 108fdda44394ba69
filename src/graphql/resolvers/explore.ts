import { GraphQLJSONObject } from 'graphql-scalars';
import { ExploreData } from '../../explore/explore-data.js';
import type { GraphQLContext } from '../context.js';
import type { EntityType, QueryResolvers, Resolvers } from '../generated/resolvers-types.js';
import { LABEL_OF_TYPE } from './enums.js';
import { edgeFields } from './facts.js';

/**
 * Thin resolvers over src/explore (schema/explore.graphql). Exploration reads through the
 * request's Db, so its reads count in cypherRoundTrips; what it returns carries its entities and
 * facts already, and the quotes of its edges come through the request's evidence loader.
 */
const explore = ({ db }: GraphQLContext) => new ExploreData(db);

const labels = (types: readonly EntityType[] | null | undefined) =>
  types?.map((t) => LABEL_OF_TYPE[t]) ?? null;

export const exploreQueryResolvers: QueryResolvers = {
  shortestPaths: (_root, { from, to, ...args }, context) =>
    explore(context).shortestPaths(from, to, args),
  neighborhood: (_root, { id, nodeTypes, ...args }, context) =>
    explore(context).neighborhood(id, { ...args, nodeTypes: labels(nodeTypes) }),
  subgraph: (_root, { ids, nodeTypes, ...filter }, context) =>
    explore(context).subgraph(ids, { ...filter, nodeTypes: labels(nodeTypes) }),
  connections: (_root, { between, ...args }, context) =>
    explore(context).connections(between, args),
  coParticipants: (_root, { actorId, first }, context) =>
    explore(context).coParticipants(actorId, first),
  timeline: (_root, { actorId, ...args }, context) => explore(context).timeline(actorId, args),
};

export const exploreResolvers: Resolvers = {
  JSONObject: GraphQLJSONObject,
  GraphEdge: {
    evidence: (edge, _args, { reads }) => reads.evidence.evidenceFor(edge.id),
  },
  TimelineEdge: edgeFields,
};
