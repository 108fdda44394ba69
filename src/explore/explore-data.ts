import type { Date as Neo4jDate } from 'neo4j-driver';
import { dayParameter } from '../db/dates.js';
import type { Db } from '../read/db.js';
import type { PartialDateView } from '../read/dates.js';
import { partialDateProp } from '../read/dates.js';
import { BadInputError, NotFoundError } from '../read/errors.js';
import { checkEntityId } from '../read/ids.js';
import {
  edgesOf,
  pageOf,
  pageQuery,
  pageRequest,
  type PageArgs,
  type PageInfo,
} from '../read/pagination.js';
import {
  toEntity,
  toFact,
  type EntityRecord,
  type FactEdgeRecord,
  type Props,
} from '../read/records.js';
import { labelExpression, orderDirection, statement, typeExpression } from '../read/statements.js';
import {
  ENTITY_LABELS,
  RELATIONSHIP_TYPES,
  type EntityLabel,
  type RelationshipType,
} from '../model/graph-model.js';
import type { PartialDate } from '../model/partial-date.js';
import {
  GraphBuilder,
  toGraphEdge,
  toGraphNode,
  type EdgeRow,
  type GraphEdgeRecord,
  type GraphNodeRecord,
  type GraphRecord,
  type NodeRow,
} from './graph.js';
import {
  DEFAULTS,
  EDGES_PER_NODE,
  MAX_BETWEEN,
  MAX_DEPTH,
  MAX_FIRST,
  MAX_HOPS,
  MAX_LIMIT,
  MAX_PER_NODE,
  bounded,
  entityIds,
} from './limits.js';

/** What narrows a traversal: fact types, entity labels and a date range (all optional). */
export interface GraphFilter {
  relationshipTypes?: readonly RelationshipType[] | null;
  nodeTypes?: readonly EntityLabel[] | null;
  dateFrom?: PartialDate | null;
  dateTo?: PartialDate | null;
}

export interface NeighborhoodArgs extends GraphFilter {
  depth?: number | null;
  limit?: number | null;
  perNodeLimit?: number | null;
}

export interface PathArgs {
  maxHops?: number | null;
  relationshipTypes?: readonly RelationshipType[] | null;
}

export interface PathRecord {
  length: number;
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
}

export interface PathSetRecord {
  paths: PathRecord[];
  graph: GraphRecord;
}

export interface CoParticipantRecord {
  actor: EntityRecord;
  count: number;
  meetings: EntityRecord[];
}

export interface TimelineEdgeRecord extends FactEdgeRecord {
  /** Where the entry sits in time: the fact's start or attested date, else its meeting's start. */
  date: PartialDateView | null;
  endDate: PartialDateView | null;
}

export interface TimelineConnectionRecord {
  edges: TimelineEdgeRecord[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The facts a timeline lists: meetings, posts, memberships, presidencies. */
export const TIMELINE_TYPES: readonly RelationshipType[] = [
  'CHAIRED',
  'PARTICIPATED_IN',
  'ORGANIZED',
  'HOSTED',
  'HELD_POSITION',
  'MEMBER_OF',
  'PRESIDED',
];

const ACTOR_LABELS: readonly EntityLabel[] = ['Person', 'Organization'];

/** Latest shared meetings listed per co-participant (the count covers them all). */
const SHARED_MEETINGS_LISTED = 20;

/** Entities per read when exporting the whole graph. */
const WHOLE_GRAPH_PAGE = 2000;

/**
 * Exploration over the stored graph: neighbourhoods, sub-graphs, paths, co-participation and
 * timelines. Every read goes through the request's Db (so GraphQL responses count it in
 * cypherRoundTrips) and costs a fixed number of round trips: a neighbourhood one per level plus
 * one, everything else one. Traversals follow the model's fact types only (typeExpression), so
 * they never reach Evidence, CITED_IN or GraphMeta, and every bound is checked first
 * (src/explore/limits.ts).
 */
export class ExploreData {
  constructor(private readonly db: Db) {}

  /**
   * The ego network of `id`: the entities within `depth` facts of it, at most `limit` of them,
   * following at most `perNodeLimit` facts out of each (best attested first), and the facts
   * among them. `truncated` says a bound left something out.
   */
  async neighborhood(id: string, args: NeighborhoodArgs = {}): Promise<GraphRecord> {
    checkEntityId(id);
    const depth = bounded('depth', args.depth, DEFAULTS.depth, 1, MAX_DEPTH);
    const limit = bounded('limit', args.limit, DEFAULTS.limit, 1, MAX_LIMIT);
    const perNode = bounded(
      'perNodeLimit',
      args.perNodeLimit,
      DEFAULTS.perNodeLimit,
      1,
      MAX_PER_NODE,
    );
    const filter = filterParams(args);
    const hop = statement('explore/neighborhood-hop', {
      types: typeExpression(filter.types),
      labels: labelExpression(filter.labels),
      all: typeExpression(),
    });
    const graph = new GraphBuilder();
    let frontier = [id];
    for (let level = 1; level <= depth && frontier.length > 0; level += 1) {
      const rows = await this.db.read(hop, { ids: frontier, perNode, ...filter.dates });
      if (level === 1) {
        const center = rows[0]?.center as NodeRow | undefined;
        if (!center) throw new NotFoundError(`nothing has the id "${id}"`);
        graph.addNode(toGraphNode(center));
      }
      const found = new Map<string, GraphNodeRecord>();
      for (const row of rows) {
        const facts = row.facts as Array<{ edge: EdgeRow; node: NodeRow }>;
        if (row.cut === true) graph.truncated = true;
        for (const { edge, node } of facts) {
          const neighbour = toGraphNode(node);
          if (!graph.has(neighbour.id)) found.set(neighbour.id, neighbour);
          graph.addEdge(toGraphEdge(edge));
        }
      }
      // Each level in id order, so the same call keeps the same entities when the limit cuts.
      const next = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      const room = limit - graph.size;
      if (next.length > room) graph.truncated = true;
      frontier = next.slice(0, Math.max(room, 0)).map((node) => {
        graph.addNode(node);
        return node.id;
      });
    }
    await this.addInducedEdges(graph, filter, limit);
    return graph.build();
  }

  /**
   * The entities `ids` (those that pass the filter) and every fact among them that passes it:
   * what the explorer shows, and what it downloads.
   */
  async subgraph(ids: readonly string[], filter: GraphFilter = {}): Promise<GraphRecord> {
    const unique = entityIds('ids', ids, 1, MAX_LIMIT);
    const params = filterParams(filter);
    const rows = await this.db.read(
      statement('explore/nodes-by-id', {
        labels: labelExpression(params.labels),
        all: typeExpression(),
      }),
      { ids: unique, ...params.dates },
    );
    const graph = new GraphBuilder();
    for (const row of rows) graph.addNode(toGraphNode(row.node as NodeRow));
    await this.addInducedEdges(graph, params, unique.length);
    return graph.build();
  }

  /** The shortest paths between two entities, at most `maxHops` facts long, at most `first`. */
  async shortestPaths(
    from: string,
    to: string,
    args: PathArgs & { first?: number | null },
  ): Promise<PathSetRecord> {
    checkEntityId(from, 'from');
    checkEntityId(to, 'to');
    if (from === to) throw new BadInputError('from and to must be two different entities');
    const maxHops = bounded('maxHops', args.maxHops, DEFAULTS.maxHops, 1, MAX_HOPS);
    const first = bounded('first', args.first, DEFAULTS.paths, 1, MAX_FIRST);
    const [row] = await this.db.read(
      statement('explore/shortest-paths', {
        types: typeExpression(relationshipTypes(args.relationshipTypes)),
        all: typeExpression(),
      }),
      { from, to, maxHops, limit: first + 1 },
    );
    if (!row?.fromFound) throw new NotFoundError(`nothing has the id "${from}"`);
    if (!row.toFound) throw new NotFoundError(`nothing has the id "${to}"`);
    const read = (row.paths as PathRow[]).map(toPath);
    const paths = read.slice(0, first);
    const graph = new GraphBuilder();
    for (const path of paths) addPath(graph, path);
    graph.truncated = read.length > first;
    return { paths, graph: graph.build() };
  }

  /**
   * How a set of entities is linked: the paths of the two shortest lengths between every two of
   * them, at most `maxHops` long and `limit` in all, as one graph with the entities themselves.
   */
  async connections(
    between: readonly string[],
    args: PathArgs & { limit?: number | null },
  ): Promise<GraphRecord> {
    const ids = entityIds('between', between, 2, MAX_BETWEEN);
    if (ids.length < 2) throw new BadInputError('between must name at least two different ids');
    const maxHops = bounded('maxHops', args.maxHops, DEFAULTS.connectionHops, 1, MAX_HOPS);
    const limit = bounded('limit', args.limit, DEFAULTS.connectionPaths, 1, MAX_LIMIT);
    const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b]));
    const [row] = await this.db.read(
      statement('explore/connections', {
        types: typeExpression(relationshipTypes(args.relationshipTypes)),
        all: typeExpression(),
      }),
      { ids, pairs, maxHops, limit: limit + 1 },
    );
    const found = ((row?.found ?? []) as NodeRow[]).map(toGraphNode);
    const missing = ids.filter((id) => !found.some((node) => node.id === id));
    if (missing.length > 0) throw new NotFoundError(`nothing has the id "${missing.join('", "')}"`);
    const graph = new GraphBuilder();
    for (const node of found) graph.addNode(node);
    const paths = (row?.paths as PathRow[]).map(toPath);
    for (const path of paths.slice(0, limit)) addPath(graph, path);
    graph.truncated = paths.length > limit;
    return graph.build();
  }

  /** Actors sharing meetings (chaired or attended) with `actorId`, strongest first. */
  async coParticipants(actorId: string, first?: number | null): Promise<CoParticipantRecord[]> {
    checkEntityId(actorId, 'actorId');
    const limit = bounded('first', first, DEFAULTS.coParticipants, 1, MAX_FIRST);
    const [row] = await this.db.read(statement('explore/co-participants'), {
      actorId,
      limit,
      meetings: SHARED_MEETINGS_LISTED,
    });
    checkActor(actorId, row?.actorLabels);
    const found = (row?.coParticipants ?? []) as Array<{
      node: Props;
      labels: unknown;
      shared: unknown;
      meetings: Array<{ node: Props; labels: unknown }>;
    }>;
    return found.map((c) => ({
      actor: toEntity(c.node, c.labels),
      count: Number(c.shared),
      meetings: c.meetings.map((m) => toEntity(m.node, m.labels)),
    }));
  }

  /** An actor's meetings, posts, memberships and presidencies in date order (see the Cypher). */
  async timeline(
    actorId: string,
    args: PageArgs & { types?: readonly RelationshipType[] | null },
  ): Promise<TimelineConnectionRecord> {
    checkEntityId(actorId, 'actorId');
    const types = args.types?.length ? args.types : TIMELINE_TYPES;
    const other = types.filter((t) => !TIMELINE_TYPES.includes(t));
    if (other.length > 0) {
      throw new BadInputError(
        `a timeline lists ${TIMELINE_TYPES.join(', ')}; not ${other.join(', ')}`,
      );
    }
    const request = pageRequest(args);
    const { params, descending } = pageQuery(request);
    const [row] = await this.db.read(
      statement('explore/timeline-page', {
        types: typeExpression(types),
        order: orderDirection(descending),
      }),
      { actorId, ...params },
    );
    checkActor(actorId, row?.actorLabels);
    const { rows, pageInfo } = pageOf((row?.page ?? []) as TimelineRow[], request);
    return {
      totalCount: Number(row?.total ?? 0),
      pageInfo,
      edges: edgesOf(rows, (r) => ({
        fact: toFact(r.type, r.fact, r.subjectId, r.objectId),
        node: toEntity(r.node, r.labels),
        date: partialDateProp({ date: r.date }, 'date'),
        endDate: partialDateProp({ date: r.endDate }, 'date'),
      })),
    };
  }

  /**
   * Every entity and fact, for exports, read `WHOLE_GRAPH_PAGE` entities at a time. With
   * `maxNodes`, stops there (truncated) and keeps only the facts among the entities read.
   */
  async wholeGraph(maxNodes = Infinity): Promise<GraphRecord> {
    const page = statement('explore/whole-graph-page', {
      types: typeExpression(),
      all: typeExpression(),
    });
    const graph = new GraphBuilder();
    let afterId = '';
    for (;;) {
      const limit = Math.min(WHOLE_GRAPH_PAGE, maxNodes - graph.size + 1);
      const rows = await this.db.read(page, { afterId, limit });
      for (const row of rows) {
        if (graph.size >= maxNodes) {
          graph.truncated = true;
          break;
        }
        const node = toGraphNode(row.node as NodeRow);
        graph.addNode(node);
        for (const edge of row.edges as EdgeRow[]) graph.addEdge(toGraphEdge(edge));
        afterId = node.id;
      }
      if (graph.truncated || rows.length < limit) break;
    }
    return graph.build();
  }

  /** The facts among the graph's entities, at most EDGES_PER_NODE per entity of the limit. */
  private async addInducedEdges(
    graph: GraphBuilder,
    filter: FilterParams,
    nodeLimit: number,
  ): Promise<void> {
    const ids = graph.build().nodes.map((n) => n.id);
    if (ids.length === 0) return;
    const maxEdges = EDGES_PER_NODE * nodeLimit;
    const rows = await this.db.read(
      statement('explore/induced-edges', { types: typeExpression(filter.types) }),
      { ids, limit: maxEdges + 1, ...filter.dates },
    );
    if (rows.length > maxEdges) graph.truncated = true;
    for (const row of rows.slice(0, maxEdges)) graph.addEdge(toGraphEdge(row.edge as EdgeRow));
  }
}

interface FilterParams {
  types: readonly RelationshipType[];
  labels: readonly EntityLabel[];
  /** Dates as statement parameters (null: open). */
  dates: { dateFrom: Neo4jDate<number> | null; dateTo: Neo4jDate<number> | null };
}

/** A filter as statement tokens and parameters; a date range widens to its precision. */
function filterParams(filter: GraphFilter): FilterParams {
  const { dateFrom, dateTo } = filter;
  if (dateFrom && dateTo && dateFrom.min > dateTo.max) {
    throw new BadInputError(`dateFrom ${dateFrom.value} is after dateTo ${dateTo.value}`);
  }
  return {
    types: relationshipTypes(filter.relationshipTypes),
    labels: filter.nodeTypes?.length ? filter.nodeTypes : ENTITY_LABELS,
    dates: { dateFrom: dayParameter(dateFrom?.min), dateTo: dayParameter(dateTo?.max) },
  };
}

/** An empty or absent list means every type. */
function relationshipTypes(types: readonly RelationshipType[] | null | undefined) {
  return types?.length ? types : RELATIONSHIP_TYPES;
}

function checkActor(id: string, labels: unknown): void {
  const isActor =
    Array.isArray(labels) && labels.some((l) => ACTOR_LABELS.includes(l as EntityLabel));
  if (!isActor) throw new NotFoundError(`no person or organization has the id "${id}"`);
}

interface PathRow {
  nodes: NodeRow[];
  edges: EdgeRow[];
}

interface TimelineRow {
  key: string;
  id: string;
  date: unknown;
  endDate: unknown;
  type: unknown;
  fact: Props;
  subjectId: unknown;
  objectId: unknown;
  node: Props;
  labels: unknown;
}

function toPath(row: PathRow): PathRecord {
  return {
    length: row.edges.length,
    nodes: row.nodes.map(toGraphNode),
    edges: row.edges.map(toGraphEdge),
  };
}

function addPath(graph: GraphBuilder, path: PathRecord): void {
  for (const node of path.nodes) graph.addNode(node);
  for (const edge of path.edges) graph.addEdge(edge);
}
