import { partialDateProp } from '../../read/dates.js';
import { stringProp, type FactRecord } from '../../read/records.js';
import type { GraphQLContext } from '../context.js';
import type { FactEdgeResolvers, Resolvers } from '../generated/resolvers-types.js';

/** The qualifier fields a fact has, wherever it shows (Fact, or an edge of a relationship field). */
function qualifiers<T>(factOf: (parent: T) => FactRecord) {
  const text = (name: string) => (parent: T) => stringProp(factOf(parent).props, name);
  const date = (name: string) => (parent: T) => partialDateProp(factOf(parent).props, name);
  return {
    type: (parent: T) => factOf(parent).type,
    role: text('role'),
    capacity: text('capacity'),
    title: text('title'),
    start: date('start'),
    end: date('end'),
    attested: date('attested'),
    onBehalfOf: async (parent: T, _args: unknown, { reads }: GraphQLContext) => {
      const id = stringProp(factOf(parent).props, 'onBehalfOf');
      return id === null ? null : reads.lookups.entityOf('Organization', id);
    },
    evidence: (parent: T, _args: unknown, { reads }: GraphQLContext) =>
      reads.evidence.evidenceFor(factOf(parent).id),
  };
}

export const edgeFields = {
  ...qualifiers((edge: { fact: FactRecord }) => edge.fact),
  factId: (edge: { fact: FactRecord }) => edge.fact.id,
};

const EDGE_TYPE_OF_LABEL = {
  Person: 'PersonFactEdge',
  Organization: 'OrganizationFactEdge',
  Meeting: 'MeetingFactEdge',
  Theme: 'ThemeFactEdge',
  Place: 'PlaceFactEdge',
  Document: 'DocumentFactEdge',
} as const;

const factEdge: FactEdgeResolvers = {
  // Every field returns a concrete edge type; this only answers introspection-driven tools.
  __resolveType: (edge) => EDGE_TYPE_OF_LABEL[edge.node.label],
};

export const factResolvers: Resolvers = {
  FactEdge: factEdge,
  ActorFactEdge: edgeFields,
  PersonFactEdge: edgeFields,
  OrganizationFactEdge: edgeFields,
  MeetingFactEdge: edgeFields,
  ThemeFactEdge: edgeFields,
  PlaceFactEdge: edgeFields,
  DocumentFactEdge: edgeFields,

  Fact: {
    ...qualifiers((fact: FactRecord) => fact),
    subject: (fact, _args, { reads }) => reads.lookups.endOf(fact.subjectId),
    object: (fact, _args, { reads }) => reads.lookups.endOf(fact.objectId),
  },

  Evidence: {
    document: (evidence, _args, { reads }) =>
      reads.lookups.entityOf('Document', evidence.documentId),
  },
};
