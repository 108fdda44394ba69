import type { GraphQLResolveInfo } from 'graphql';
import { BadInputError } from '../../data/errors.js';
import { isEntityId } from '../../data/ids.js';
import type { GraphQLContext } from '../context.js';
import { prefetchIdOnlyFields } from '../lookahead.js';
import { ID_ONLY_LOADS } from './entities.js';
import type { EntityQuery } from '../../data/graph-data.js';
import { ENTITY_LABELS, type EntityLabel } from '../../model/graph-model.js';
import { packageVersion } from '../../server/version.js';
import type { ActorFilter, NameFilter, QueryResolvers } from '../generated/resolvers-types.js';
import { LABEL_OF_TYPE, storedKinds } from './enums.js';

const MAX_IDS = 100;

function entityQuery(
  labels: readonly EntityLabel[],
  where: ActorFilter | NameFilter | null | undefined,
): EntityQuery {
  const actor: ActorFilter = where ?? {};
  return {
    labels,
    kinds: storedKinds(actor.kind),
    memberOf: actor.memberOf ?? null,
    asOf: actor.asOf ?? null,
    text: actor.text ?? null,
  };
}

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
    const entity = context.data.entityOf(label, id);
    if (isEntityId(id)) prefetchIdOnlyFields(info, label, id, context, ID_ONLY_LOADS);
    return entity;
  };
}

export const queryResolvers: QueryResolvers = {
  version: () => packageVersion,

  // Relay's object identification: an id that names nothing is null, not an error.
  node: (_root, { id }, { data }) => data.entity(id),
  nodes: (_root, { ids }, { data }) => {
    if (ids.length > MAX_IDS) throw new BadInputError(`ask for at most ${MAX_IDS} ids at once`);
    return Promise.all(ids.map((id) => data.entity(id)));
  },

  person: lookup('Person'),
  organization: lookup('Organization'),
  meeting: lookup('Meeting'),
  theme: lookup('Theme'),
  place: lookup('Place'),
  document: lookup('Document'),
  fact: (_root, { id }, { data }) => data.fact(id),

  meetings: (_root, { where, orderBy, ...page }, { data }) =>
    data.meetings(
      {
        dateFrom: where?.dateFrom ?? null,
        dateTo: where?.dateTo ?? null,
        kinds: where?.kind ?? null,
        chairedBy: where?.chairedBy ?? null,
        participant: where?.participant ?? null,
        theme: where?.theme ?? null,
        place: where?.place ?? null,
        partOf: where?.partOf ?? null,
        text: where?.text ?? null,
        orderBy: orderBy?.field ?? 'START',
        descending: orderBy?.direction === 'DESC',
      },
      page,
    ),
  actors: (_root, { where, ...page }, { data }) =>
    data.entityList(entityQuery(['Person', 'Organization'], where), page),
  persons: (_root, { where, ...page }, { data }) =>
    data.entityList(entityQuery(['Person'], where), page),
  organizations: (_root, { where, ...page }, { data }) =>
    data.entityList(entityQuery(['Organization'], where), page),
  themes: (_root, { where, ...page }, { data }) =>
    data.entityList(entityQuery(['Theme'], where), page),
  places: (_root, { where, ...page }, { data }) =>
    data.entityList(entityQuery(['Place'], where), page),
  documents: (_root, { where, ...page }, { data }) =>
    data.entityList(entityQuery(['Document'], where), page),

  search: (_root, { text, types, first, after }, { data }) =>
    data.search(text, types?.length ? types.map((t) => LABEL_OF_TYPE[t]) : ENTITY_LABELS, {
      first,
      after,
    }),
};
