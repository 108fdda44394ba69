import type { GraphQLContext } from '../context.js';
import {
  numberProp,
  requiredString,
  stringProp,
  type EntityRecord,
  type EvidenceRecord,
} from '../../read/records.js';
import { factFieldsOfLabel, type FactField } from '../../model/fact-fields.js';
import { ENTITY_LABELS, type EntityLabel } from '../../model/graph-model.js';
import { partialDateProp } from '../../read/dates.js';
import type { EntityConnection, FactConnectionRecord } from '../../read/records.js';
import { fieldNamesAt, type IdOnlyLoad, type Lookahead } from '../lookahead.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { meetingFormat, organizationKind } from './enums.js';

/**
 * A relationship field that needs only its parent's id: one batched loader per field and
 * arguments, counting the field's facts only when the query selects totalCount.
 */
const relatedLoad =
  (field: FactField): IdOnlyLoad<GraphQLContext, FactConnectionRecord> =>
  (id, args, { reads }, lookahead) =>
    reads.pages.relationship(field, id, args, {
      withTotal: fieldNamesAt(lookahead, []).has('totalCount'),
      slim: slimNodesAt(lookahead, ['edges', 'node']),
    });

const evidenceLoad: IdOnlyLoad<GraphQLContext, EvidenceRecord[]> = (id, _args, { reads }) =>
  reads.evidence.evidenceFor(id);

type IdOnlyLoads = Record<string, IdOnlyLoad<GraphQLContext, unknown>>;

/** Evidence and every connection-valued relationship field the SDL declares for `label`. */
function idOnlyLoadsOf(label: EntityLabel): IdOnlyLoads {
  const loads: IdOnlyLoads = { evidence: evidenceLoad };
  for (const [name, fact] of factFieldsOfLabel(label)) {
    if (!fact.single) loads[name] = relatedLoad(fact);
  }
  return loads;
}

/**
 * The fields of each entity type that need only the entity's id. Their resolvers are made from
 * them, and a root lookup by id starts them along with its own load (src/graphql/lookahead.ts),
 * so `meeting(id:) { chairs themes evidence }` costs one round trip, not two.
 */
export const ID_ONLY_LOADS = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, idOnlyLoadsOf(label)]),
) as Record<EntityLabel, IdOnlyLoads>;

/**
 * Entity fields that need nothing of the entity but its id and name: its relationship fields,
 * evidence, documents and facts load by id. When a page's nodes are asked for these only, they
 * are read slim, as {id, name}: a full entity (every name in every language, dates, search keys)
 * is most of what a deep query would otherwise unpack. Slim entities never enter the request's
 * entity cache.
 */
const SLIM_FIELDS = new Set([
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

/** Whether the nodes below `lookahead` at `path` may be read slim (see SLIM_FIELDS). */
export function slimNodesAt(lookahead: Lookahead, path: readonly string[]): boolean {
  for (const field of fieldNamesAt(lookahead, path)) if (!SLIM_FIELDS.has(field)) return false;
  return true;
}

type EntityFieldResolver = (
  parent: EntityRecord,
  args: Record<string, unknown>,
  context: GraphQLContext,
  info: Lookahead,
) => Promise<unknown>;

/**
 * The resolvers of `label`'s fields that need only its id: the loads above, and the relationship
 * fields with one edge (Meeting.place, Document.publisher ...).
 */
function idOnlyResolvers(label: EntityLabel): Record<string, EntityFieldResolver> {
  const resolvers: Record<string, EntityFieldResolver> = {};
  for (const [field, load] of Object.entries(ID_ONLY_LOADS[label])) {
    resolvers[field] = (parent, args, context, info) => load(parent.id, args, context, info);
  }
  for (const [field, fact] of factFieldsOfLabel(label)) {
    if (fact.single) {
      resolvers[field] = (parent, _args, { reads }) =>
        reads.pages.singleRelationship(fact, parent.id);
    }
  }
  return resolvers;
}

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

  Person: idOnlyResolvers('Person'),

  Organization: {
    ...idOnlyResolvers('Organization'),
    kind: (org) => organizationKind(stringProp(org.props, 'kind')),
  },

  Meeting: {
    ...idOnlyResolvers('Meeting'),
    kind: (meeting) => requiredString(meeting.props, 'kind'),
    format: (meeting) => meetingFormat(stringProp(meeting.props, 'format')),
    ordinal: (meeting) => numberProp(meeting.props, 'ordinal'),
    start: (meeting) => partialDateProp(meeting.props, 'start'),
    end: (meeting) => partialDateProp(meeting.props, 'end'),
    documents: (meeting, args, { reads }) => reads.pages.meetingDocuments(meeting.id, args),
  },

  Theme: idOnlyResolvers('Theme'),

  Place: idOnlyResolvers('Place'),

  Document: {
    ...idOnlyResolvers('Document'),
    title: (doc) => stringProp(doc.props, 'title'),
    label: (doc) => requiredString(doc.props, 'label'),
    language: (doc) => requiredString(doc.props, 'language'),
    published: (doc) => partialDateProp(doc.props, 'published'),
    file: (doc) => requiredString(doc.props, 'file'),
    sha256: (doc) => requiredString(doc.props, 'sha256'),
    facts: (doc, args, { reads }) => reads.pages.documentFacts(doc.id, args),
  },
};
