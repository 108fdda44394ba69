import type { GraphQLResolveInfo } from 'graphql';
import { BadInputError } from '../../read/errors.js';
import { isEntityId } from '../../read/ids.js';
import type { GraphQLContext } from '../context.js';
import { prefetchIdOnlyFields } from '../lookahead.js';
import { ID_ONLY_LOADS, slimNodesAt } from './entities.js';
import { ENTITY_LABELS } from '../../model/graph-model.js';
import { packageVersion } from '../../server/version.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { LABEL_OF_TYPE } from './enums.js';
import { entityQuery, LIST_LABELS, meetingQuery } from './list-queries.js';

const MAX_IDS = 100;

/**
 * A root lookup by id. With the entity it starts the loads of its selected fields that need only
 * the id (relationship fields, evidence), so they share the lookup's round trip.
 */
function lookup<L extends keyof typeof ID_ONLY_LOADS>(label: L) {
  return (
    _root: unknown,
    { id }: { id: string },
    context: GraphQLContext,
    info: GraphQLResolveInfo,
  ) => {
    const entity = context.reads.lookups.entityOf(label, id);
    if (isEntityId(id)) prefetchIdOnlyFields(info, label, id, context, ID_ONLY_LOADS);
    return entity;
  };
}

export const queryResolvers: QueryResolvers = {
  version: () => packageVersion,

  // Relay's object identification: an id that names nothing is null, not an error.
  node: (_root, { id }, { reads }) => reads.lookups.entity(id),
  nodes: (_root, { ids }, { reads }) => {
    if (ids.length > MAX_IDS) throw new BadInputError(`ask for at most ${MAX_IDS} ids at once`);
    return Promise.all(ids.map((id) => reads.lookups.entity(id)));
  },

  person: lookup('Person'),
  organization: lookup('Organization'),
  meeting: lookup('Meeting'),
  theme: lookup('Theme'),
  place: lookup('Place'),
  document: lookup('Document'),
  fact: (_root, { id }, { reads }) => reads.lookups.fact(id),

  meetings: (_root, { where, orderBy, ...page }, { reads }) =>
    reads.lists.meetings(meetingQuery(where, orderBy), page),
  actors: (_root, { where, ...page }, { reads }) =>
    reads.lists.entityList(entityQuery(LIST_LABELS.actors, where), page),
  persons: (_root, { where, ...page }, { reads }) =>
    reads.lists.entityList(entityQuery(LIST_LABELS.persons, where), page),
  organizations: (_root, { where, ...page }, { reads }) =>
    reads.lists.entityList(entityQuery(LIST_LABELS.organizations, where), page),
  themes: (_root, { where, ...page }, { reads }) =>
    reads.lists.entityList(entityQuery(LIST_LABELS.themes, where), page),
  places: (_root, { where, ...page }, { reads }) =>
    reads.lists.entityList(entityQuery(LIST_LABELS.places, where), page),
  documents: (_root, { where, ...page }, { reads }) =>
    reads.lists.entityList(entityQuery(LIST_LABELS.documents, where), page),

  search: (_root, { text, types, first, after }, { reads }, info) =>
    reads.search.search(
      text,
      types?.length ? types.map((t) => LABEL_OF_TYPE[t]) : ENTITY_LABELS,
      { first, after },
      { slim: slimNodesAt(info, ['edges', 'node']) },
    ),
};
