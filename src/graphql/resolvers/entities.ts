import type { GraphQLContext } from '../context.js';
import {
  numberProp,
  requiredString,
  stringProp,
  type EntityRecord,
  type EvidenceRecord,
} from '../../data/records.js';
import type { RelationshipFieldName } from '../../data/relationship-fields.js';
import { partialDateProp } from '../../data/dates.js';
import type { EntityConnection, FactConnectionRecord } from '../../data/graph-data.js';
import { fieldNamesAt, type IdOnlyLoad, type Lookahead } from '../lookahead.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { meetingFormat, organizationKind } from './enums.js';

/**
 * A field that needs only its parent's id: a relationship field (one batched loader per field
 * name and arguments, counting the field's facts only when the query selects totalCount) or the
 * evidence of an entity.
 */
const relatedLoad =
  (name: RelationshipFieldName): IdOnlyLoad<GraphQLContext, FactConnectionRecord> =>
  (id, args, { data }, lookahead) =>
    data.relationship(name, id, args, {
      withTotal: fieldNamesAt(lookahead, []).has('totalCount'),
      nodesById: onlyIdFields(fieldNamesAt(lookahead, ['edges', 'node'])),
    });

const evidenceLoad: IdOnlyLoad<GraphQLContext, EvidenceRecord[]> = (id, _args, { data }) =>
  data.evidenceFor(id);

const actorLoads = {
  evidence: evidenceLoad,
  chaired: relatedLoad('Actor.chaired'),
  participations: relatedLoad('Actor.participations'),
  organized: relatedLoad('Actor.organized'),
  presidencies: relatedLoad('Actor.presidencies'),
};

/**
 * The fields of each entity type that need only the entity's id. Their resolvers are made from
 * them, and a root lookup by id starts them along with its own load (src/graphql/lookahead.ts),
 * so `meeting(id:) { chairs themes evidence }` costs one round trip, not two.
 */
export const ID_ONLY_LOADS = {
  Person: { ...actorLoads, positions: relatedLoad('Person.positions') },
  Organization: {
    ...actorLoads,
    hosted: relatedLoad('Organization.hosted'),
    presidedBy: relatedLoad('Organization.presidedBy'),
    members: relatedLoad('Organization.members'),
    memberships: relatedLoad('Organization.memberships'),
    subOrganizations: relatedLoad('Organization.subOrganizations'),
    positions: relatedLoad('Organization.positions'),
    published: relatedLoad('Organization.published'),
  },
  Meeting: {
    evidence: evidenceLoad,
    chairs: relatedLoad('Meeting.chairs'),
    participants: relatedLoad('Meeting.participants'),
    organizers: relatedLoad('Meeting.organizers'),
    hosts: relatedLoad('Meeting.hosts'),
    themes: relatedLoad('Meeting.themes'),
    partOf: relatedLoad('Meeting.partOf'),
    parts: relatedLoad('Meeting.parts'),
  },
  Theme: { evidence: evidenceLoad, meetings: relatedLoad('Theme.meetings') },
  Place: { evidence: evidenceLoad, meetings: relatedLoad('Place.meetings') },
  Document: { evidence: evidenceLoad },
} satisfies Record<string, Record<string, IdOnlyLoad<GraphQLContext, unknown>>>;

/**
 * Entity fields that need nothing of the entity but its id and name: its relationship fields,
 * evidence, documents and facts load by id. When a page's nodes are asked for these only, they
 * are read as {id, name}: a full entity (every name in every language, dates, search keys) is
 * most of what a deep query would otherwise unpack.
 */
const ID_AND_NAME_FIELDS = new Set([
  'id',
  'name',
  '__typename',
  'parentOrganization',
  'place',
  'publisher',
  'documents',
  'facts',
  ...Object.values(ID_ONLY_LOADS).flatMap((fields) => Object.keys(fields)),
]);

function onlyIdFields(selected: Set<string>): boolean {
  for (const field of selected) if (!ID_AND_NAME_FIELDS.has(field)) return false;
  return true;
}

/** Resolvers calling the loads with their parent's id. */
function idOnlyResolvers<T extends Record<string, IdOnlyLoad<GraphQLContext, unknown>>>(loads: T) {
  return Object.fromEntries(
    Object.entries(loads).map(([field, load]) => [
      field,
      (
        parent: EntityRecord,
        args: Record<string, unknown>,
        context: GraphQLContext,
        info: Lookahead,
      ) => load(parent.id, args, context, info),
    ]),
  ) as {
    [K in keyof T]: (
      parent: EntityRecord,
      args: Record<string, unknown>,
      context: GraphQLContext,
      info: Lookahead,
    ) => ReturnType<T[K]>;
  };
}

const relatedOne =
  (name: RelationshipFieldName) =>
  (parent: EntityRecord, _args: unknown, { data }: GraphQLContext) =>
    data.singleRelationship(name, parent.id);

/** Root lists count their whole list only when a client selects totalCount. */
const lazyTotal = {
  totalCount: (connection: EntityConnection) => connection.totalCount(),
};

/** A relationship field's total, loaded with its page since the query selects it. */
const pageTotal = {
  totalCount: (connection: FactConnectionRecord) => {
    if (connection.totalCount === null) throw new Error('totalCount was not loaded with its page');
    return connection.totalCount;
  },
};

export const entityResolvers: Resolvers = {
  MeetingConnection: lazyTotal,
  ActorConnection: lazyTotal,
  PersonConnection: lazyTotal,
  OrganizationConnection: lazyTotal,
  ThemeConnection: lazyTotal,
  PlaceConnection: lazyTotal,
  DocumentConnection: lazyTotal,
  ActorFactConnection: pageTotal,
  PersonFactConnection: pageTotal,
  OrganizationFactConnection: pageTotal,
  MeetingFactConnection: pageTotal,
  ThemeFactConnection: pageTotal,
  DocumentFactConnection: pageTotal,

  Node: { __resolveType: (entity) => entity.label },
  Entity: { __resolveType: (entity) => entity.label },
  Actor: {
    __resolveType: (entity) => (entity.label === 'Person' ? 'Person' : 'Organization'),
  },

  Person: idOnlyResolvers(ID_ONLY_LOADS.Person),

  Organization: {
    ...idOnlyResolvers(ID_ONLY_LOADS.Organization),
    kind: (org) => organizationKind(stringProp(org.props, 'kind')),
    parentOrganization: relatedOne('Organization.parentOrganization'),
  },

  Meeting: {
    ...idOnlyResolvers(ID_ONLY_LOADS.Meeting),
    kind: (meeting) => requiredString(meeting.props, 'kind'),
    format: (meeting) => meetingFormat(stringProp(meeting.props, 'format')),
    ordinal: (meeting) => numberProp(meeting.props, 'ordinal'),
    start: (meeting) => partialDateProp(meeting.props, 'start'),
    end: (meeting) => partialDateProp(meeting.props, 'end'),
    place: relatedOne('Meeting.place'),
    documents: (meeting, args, { data }) => data.meetingDocuments(meeting.id, args),
  },

  Theme: idOnlyResolvers(ID_ONLY_LOADS.Theme),

  Place: idOnlyResolvers(ID_ONLY_LOADS.Place),

  Document: {
    ...idOnlyResolvers(ID_ONLY_LOADS.Document),
    title: (doc) => stringProp(doc.props, 'title'),
    label: (doc) => requiredString(doc.props, 'label'),
    language: (doc) => requiredString(doc.props, 'language'),
    published: (doc) => partialDateProp(doc.props, 'published'),
    file: (doc) => requiredString(doc.props, 'file'),
    sha256: (doc) => requiredString(doc.props, 'sha256'),
    publisher: relatedOne('Document.publisher'),
    facts: (doc, args, { data }) => data.documentFacts(doc.id, args),
  },
};
