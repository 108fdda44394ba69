import type { GraphQLContext } from '../context.js';
import type { PageArgs } from '../../data/pagination.js';
import { numberProp, requiredString, stringProp, type EntityRecord } from '../../data/records.js';
import type { RelationshipFieldName } from '../../data/relationship-fields.js';
import { partialDateProp } from '../../data/dates.js';
import type { EntityConnection } from '../../data/graph-data.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { meetingFormat, organizationKind } from './enums.js';

type RelationshipArgs = PageArgs & { asOf?: string | null };

/** A relationship field: one batched loader per field name and arguments (src/data). */
const related =
  (name: RelationshipFieldName) =>
  (parent: EntityRecord, args: RelationshipArgs, { data }: GraphQLContext) =>
    data.relationship(name, parent.id, args);

const relatedOne =
  (name: RelationshipFieldName) =>
  (parent: EntityRecord, _args: unknown, { data }: GraphQLContext) =>
    data.singleRelationship(name, parent.id);

const evidence = (entity: EntityRecord, _args: unknown, { data }: GraphQLContext) =>
  data.evidenceFor(entity.id);

const actorFields = {
  evidence,
  chaired: related('Actor.chaired'),
  participations: related('Actor.participations'),
  organized: related('Actor.organized'),
  presidencies: related('Actor.presidencies'),
};

/** Root lists count their whole list only when a client selects totalCount. */
const lazyTotal = {
  totalCount: (connection: EntityConnection) => connection.totalCount(),
};

export const entityResolvers: Resolvers = {
  MeetingConnection: lazyTotal,
  ActorConnection: lazyTotal,
  PersonConnection: lazyTotal,
  OrganizationConnection: lazyTotal,
  ThemeConnection: lazyTotal,
  PlaceConnection: lazyTotal,
  DocumentConnection: lazyTotal,

  Node: { __resolveType: (entity) => entity.label },
  Entity: { __resolveType: (entity) => entity.label },
  Actor: {
    __resolveType: (entity) => (entity.label === 'Person' ? 'Person' : 'Organization'),
  },

  Person: {
    ...actorFields,
    positions: related('Person.positions'),
  },

  Organization: {
    ...actorFields,
    kind: (org) => organizationKind(stringProp(org.props, 'kind')),
    hosted: related('Organization.hosted'),
    presidedBy: related('Organization.presidedBy'),
    members: related('Organization.members'),
    memberships: related('Organization.memberships'),
    parentOrganization: relatedOne('Organization.parentOrganization'),
    subOrganizations: related('Organization.subOrganizations'),
    positions: related('Organization.positions'),
    published: related('Organization.published'),
  },

  Meeting: {
    evidence,
    kind: (meeting) => requiredString(meeting.props, 'kind'),
    format: (meeting) => meetingFormat(stringProp(meeting.props, 'format')),
    ordinal: (meeting) => numberProp(meeting.props, 'ordinal'),
    start: (meeting) => partialDateProp(meeting.props, 'start'),
    end: (meeting) => partialDateProp(meeting.props, 'end'),
    chairs: related('Meeting.chairs'),
    participants: related('Meeting.participants'),
    organizers: related('Meeting.organizers'),
    hosts: related('Meeting.hosts'),
    themes: related('Meeting.themes'),
    place: relatedOne('Meeting.place'),
    partOf: related('Meeting.partOf'),
    parts: related('Meeting.parts'),
    documents: (meeting, args, { data }) => data.meetingDocuments(meeting.id, args),
  },

  Theme: {
    evidence,
    meetings: related('Theme.meetings'),
  },

  Place: {
    evidence,
    meetings: related('Place.meetings'),
  },

  Document: {
    evidence,
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
