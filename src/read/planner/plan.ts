import type { FieldNode, GraphQLField } from 'graphql';
import type { FactField } from '../../model/fact-fields.js';
import type { EntityLabel } from '../../model/graph-model.js';

/**
 * A compiled read: what one GraphQL operation asks of the graph, as a tree the planner renders
 * into ONE Cypher statement (render-cypher.ts) and reads its answer back with (read-results.ts).
 * Built once per document, operation and @skip/@include values (compile-operation.ts); per
 * request only the arguments are read again, from the request's variables.
 *
 * Every place in the tree that will hold a planned value has a response key (the field's alias or
 * name): the value is found there by the field's resolver (src/read/planner/planned-read.ts), so the
 * resolvers of a planned answer read it directly and issue no load.
 */

/** An entity as the query selects it. */
export interface EntityPlan {
  /** The labels it can have (one for an object type; several for Node, Entity, Actor). */
  labels: readonly EntityLabel[];
  /** Whether its label must be read (a field of an interface type). */
  abstract: boolean;
  /** The stored properties its selected scalar fields read (id always). */
  props: readonly string[];
  /** Its planned fields (relationship fields, evidence), by response key. */
  children: readonly Keyed[];
}

/** A planned field of a parent, at its response key; `labels` limits it to some parent types. */
export interface Keyed {
  key: string;
  labels: readonly EntityLabel[] | null;
  child: Child;
}

export type RelationshipChild = PageChild | SingleEdgeChild | DocumentFactsChild;

export type Child =
  DocumentFactsChild | PageChild | SingleEdgeChild | EvidenceChild | EntityByIdChild | FactEndChild;

/** A relationship field's page (a *FactConnection). */
export interface PageChild {
  kind: 'page';
  /** Numbers its variables and parameters in the statement. */
  index: number;
  fact: FactField;
  /** For the arguments, read per request from the variables. */
  definition: GraphQLField<unknown, unknown>;
  node: FieldNode;
  withTotal: boolean;
  /** Whether the query selects a cursor of the page (the edges' or pageInfo's). */
  cursors: boolean;
  edge: EdgePlan;
}

/** What a query selects of a fact (Fact, or the fact behind an edge). */
export interface FactSelection {
  /** The fact's stored properties its selected qualifier fields read (id always). */
  factProps: readonly string[];
  /** Planned fields of the fact (subject, object, evidence, onBehalfOf). */
  factChildren: readonly Keyed[];
}

/** Document.facts: a page of the facts a document supports, with its quotes for each. */
export interface DocumentFactsChild extends FactSelection {
  kind: 'documentFacts';
  index: number;
  definition: GraphQLField<unknown, unknown>;
  node: FieldNode;
  withTotal: boolean;
  /** Whether the query selects a cursor of the page (the edges' or pageInfo's). */
  cursors: boolean;
  /** What the edges' `evidence` selects (the document's own quotes for the fact). */
  quotes: EvidenceChild;
}

/** A relationship field with one edge (Meeting.place, Document.publisher ...). */
export interface SingleEdgeChild {
  kind: 'single';
  index: number;
  fact: FactField;
  /** Whether the query selects the edge's cursor. */
  cursors: boolean;
  edge: EdgePlan;
}

/** The quotes about an entity or a fact. */
export interface EvidenceChild {
  kind: 'evidence';
  index: number;
  /** Stored properties of the quote (id, quote, offset). */
  props: readonly string[];
  document: EntityPlan | null;
  /** The response keys the document is selected under (one plan serves them all). */
  documentKeys: readonly string[];
}

/** An entity named by a fact's property (onBehalfOf). */
export interface EntityByIdChild {
  kind: 'byId';
  index: number;
  property: 'onBehalfOf';
  entity: EntityPlan;
}

/** A fact's subject or object, seen from an edge of a relationship field. */
export interface FactEndChild {
  kind: 'end';
  end: 'subject' | 'object';
  entity: EntityPlan;
}

/** An edge of a relationship field: the fact and the entity at its other end. */
export interface EdgePlan extends FactSelection {
  node: EntityPlan;
  /** Planned fields of the edge (evidence, onBehalfOf). */
  edgeChildren: readonly Keyed[];
}

/** A root field the planner answers. */
export interface LookupRoot {
  kind: 'lookup';
  key: string;
  index: number;
  definition: GraphQLField<unknown, unknown>;
  node: FieldNode;
  /** The label a typed lookup asks for, or null for node(id:). */
  label: EntityLabel | null;
  entity: EntityPlan;
}

/** A root list (meetings, actors, persons ...): a page of entities, filtered and ordered. */
export interface ListRoot {
  kind: 'list';
  key: string;
  index: number;
  definition: GraphQLField<unknown, unknown>;
  node: FieldNode;
  /** The root field: meetings, or one of the entity lists. */
  field: string;
  /** What the query selects of each listed entity (under edges.node). */
  entity: EntityPlan;
  withTotal: boolean;
}

export type RootPlan = LookupRoot | ListRoot;

export interface OperationPlan {
  roots: readonly RootPlan[];
  /** The relationship fields under each root, in tree order (their arguments are per request). */
  pagesOf: ReadonlyMap<RootPlan, readonly RelationshipChild[]>;
  /** Statement texts already rendered for this plan, by the roots and page directions used. */
  texts: Map<string, string>;
}
