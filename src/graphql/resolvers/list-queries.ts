import type { EntityQuery, MeetingQuery } from '../../read/lists/lists.js';
import type { EntityLabel } from '../../model/graph-model.js';
import type {
  ActorFilter,
  MeetingFilter,
  MeetingOrder,
  NameFilter,
} from '../generated/resolvers-types.js';
import { storedKinds } from './enums.js';

/** The root entity lists and the labels each lists. */
export const LIST_LABELS = {
  actors: ['Person', 'Organization'],
  persons: ['Person'],
  organizations: ['Organization'],
  themes: ['Theme'],
  places: ['Place'],
  documents: ['Document'],
} as const satisfies Record<string, readonly EntityLabel[]>;

/** The meeting list's arguments as the data layer's query (the resolver's and the planner's). */
export function meetingQuery(
  where: MeetingFilter | null | undefined,
  orderBy: MeetingOrder | null | undefined,
): MeetingQuery {
  return {
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
  };
}

/** An entity list's arguments as the data layer's query. */
export function entityQuery(
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
