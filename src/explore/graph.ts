import { partialDateProp } from '../read/dates.js';
import {
  numberProp,
  stringProp,
  toEntity,
  toFact,
  type EntityRecord,
  type FactRecord,
  type Props,
} from '../read/records.js';
import type { EntityLabel, RelationshipType } from '../model/graph-model.js';

/**
 * A sub-graph shaped for visualizers (schema/explore.graphql, type Graph): node ids are entity
 * ids and edge ids are fact ids, so they are the same in every answer and every export, and
 * sub-graphs merge by id. `properties` are flat scalars only, so GraphML, GEXF and both JSON
 * formats carry them unchanged (src/explore/formats.ts).
 */
export type GraphProperties = Record<string, string | number | boolean>;

/** An entity type as the API spells it (enum EntityType): PERSON, ORGANIZATION ... */
export type EntityTypeName = Uppercase<EntityLabel>;

export interface GraphNodeRecord {
  id: string;
  label: string;
  type: EntityTypeName;
  properties: GraphProperties;
  /** The entity, for GraphNode.entity (no extra database read). */
  entity: EntityRecord;
}

export interface GraphEdgeRecord {
  id: string;
  /** The fact's subject: edges keep the fact's direction. */
  source: string;
  /** The fact's object. */
  target: string;
  type: RelationshipType;
  properties: GraphProperties;
  fact: FactRecord;
}

export interface GraphRecord {
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
  /** A limit cut the result: the graph holds more than this. */
  truncated: boolean;
}

/** A node as the explore statements return it (cypher/explore/fragments/graph-node.cypher). */
export interface NodeRow {
  node: Props;
  labels: unknown;
  degree: unknown;
  evidenceCount: unknown;
}

/** A fact as the explore statements return it (cypher/explore/fragments/graph-edge.cypher). */
export interface EdgeRow {
  type: unknown;
  fact: Props;
  source: unknown;
  target: unknown;
}

// The partial dates entities and facts carry (src/model/graph-model.ts, header).
const NODE_DATES = ['start', 'end', 'published'] as const;
const EDGE_DATES = ['start', 'end', 'attested'] as const;
const EDGE_TEXTS = ['role', 'capacity', 'onBehalfOf', 'title'] as const;

/**
 * Each partial date as four flat attributes, so a visualizer can both show it as the source
 * gives it and filter on days: start "2021-04", startPrecision "MONTH", startFirstDay
 * "2021-04-01", startLastDay "2021-04-30" (spelled as the API's PartialDate).
 */
function dateProperties(props: Props, names: readonly string[], out: GraphProperties): void {
  for (const name of names) {
    const date = partialDateProp(props, name);
    if (!date) continue;
    out[name] = date.value;
    out[`${name}Precision`] = date.precision;
    out[`${name}FirstDay`] = date.firstDay;
    out[`${name}LastDay`] = date.lastDay;
  }
}

function setText(out: GraphProperties, name: string, value: string | null): void {
  if (value !== null) out[name] = value;
}

export function toGraphNode(row: NodeRow): GraphNodeRecord {
  const entity = toEntity(row.node, row.labels);
  const props = entity.props;
  const properties: GraphProperties = {};
  setText(properties, 'wikidataId', entity.wikidataId);
  // Kinds and formats as the API's enums spell them (OrganizationKind, MeetingFormat); a
  // meeting's kind is a free word in the API too (Meeting.kind: String).
  const kind = stringProp(props, 'kind');
  if (kind !== null) properties.kind = entity.label === 'Organization' ? kind.toUpperCase() : kind;
  setText(properties, 'format', stringProp(props, 'format')?.toUpperCase() ?? null);
  const ordinal = numberProp(props, 'ordinal');
  if (ordinal !== null) properties.ordinal = ordinal;
  if (entity.label === 'Document') {
    setText(properties, 'title', stringProp(props, 'title'));
    setText(properties, 'language', stringProp(props, 'language'));
    setText(properties, 'publisher', stringProp(props, 'publisher'));
  }
  dateProperties(props, NODE_DATES, properties);
  properties.degree = Number(row.degree ?? 0);
  properties.evidenceCount = Number(row.evidenceCount ?? 0);
  return {
    id: entity.id,
    label: entity.name,
    type: entity.label.toUpperCase() as EntityTypeName,
    properties,
    entity,
  };
}

export function toGraphEdge(row: EdgeRow): GraphEdgeRecord {
  const fact = toFact(row.type, row.fact, row.source, row.target);
  const properties: GraphProperties = {};
  for (const name of EDGE_TEXTS) setText(properties, name, stringProp(fact.props, name));
  dateProperties(fact.props, EDGE_DATES, properties);
  properties.evidenceCount = numberProp(fact.props, 'evidenceCount') ?? 0;
  return {
    id: fact.id,
    source: fact.subjectId,
    target: fact.objectId,
    type: fact.type,
    properties,
    fact,
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Collects nodes and edges by id (a fact seen from both ends, or on two paths, is one edge) and
 * keeps only edges whose two ends are in the graph.
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNodeRecord>();
  private readonly edges = new Map<string, GraphEdgeRecord>();
  truncated = false;

  get size(): number {
    return this.nodes.size;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  addNode(node: GraphNodeRecord): void {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  addEdge(edge: GraphEdgeRecord): void {
    if (!this.edges.has(edge.id)) this.edges.set(edge.id, edge);
  }

  /** Nodes in the order they were added (a neighbourhood's centre first), edges by id. */
  build(): GraphRecord {
    return {
      nodes: [...this.nodes.values()],
      edges: [...this.edges.values()]
        .filter((e) => this.nodes.has(e.source) && this.nodes.has(e.target))
        .sort(byId),
      truncated: this.truncated,
    };
  }
}
