import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { SerializedGraph } from 'graphology-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/explore/formats.js';
import type { GraphRecord } from '../../src/explore/graph.js';
import { startApi, type Api } from './api-harness.js';

// Every export format, fetched from /export over HTTP and parsed back with the maintained
// parsers visualizers' ecosystems use (graphology-graphml, graphology-gexf, graphology's own
// import, Cytoscape.js's elements shape), must hold exactly the GraphQL Graph of the same
// request: the same node and edge ids, directions, types, labels, dates and evidence counts,
// with numbers still numbers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Attributes = Record<string, unknown>;

/** A graph as comparable maps: node id -> attributes, edge id -> ends, type and attributes. */
interface Comparable {
  nodes: Record<string, Attributes>;
  edges: Record<string, Attributes>;
}

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const GRAPH_FIELDS = `truncated nodes { id label type properties }
  edges { id source target type properties }`;

async function graphqlGraph(field: string): Promise<Json> {
  const response = await api.query<Json>(`{ graph: ${field} { ${GRAPH_FIELDS} } }`);
  expect(response.errors).toEqual([]);
  return response.data.graph;
}

/** What every format must carry: nodes' label, type and properties; edges' type and properties. */
function fromGraphql(graph: Json): Comparable {
  return {
    nodes: Object.fromEntries(
      graph.nodes.map((n: Json) => [n.id, { label: n.label, type: n.type, ...n.properties }]),
    ),
    edges: Object.fromEntries(
      graph.edges.map((e: Json) => [
        e.id,
        { source: e.source, target: e.target, type: e.type, ...e.properties },
      ]),
    ),
  };
}

function fromGraphology(graph: MultiDirectedGraph): Comparable {
  const nodes: Record<string, Attributes> = {};
  graph.forEachNode((id, attributes) => (nodes[id] = attributes));
  const edges: Record<string, Attributes> = {};
  graph.forEachEdge((id, attributes, source, target) => {
    expect(graph.isDirected(id)).toBe(true);
    edges[id] = { source, target, ...attributes };
  });
  return { nodes, edges };
}

const PARSE: Record<keyof typeof EXPORT_FORMATS, (text: string) => Comparable> = {
  json: (text) => fromGraphology(MultiDirectedGraph.from(JSON.parse(text) as SerializedGraph)),
  graphml: (text) => fromGraphology(parseGraphml(MultiDirectedGraph, text)),
  gexf: (text) => {
    const parsed = fromGraphology(parseGexf(MultiDirectedGraph, text));
    // GEXF's own edge label and kind (Gephi's edge type) are the relationship type, no more.
    for (const edge of Object.values(parsed.edges)) {
      expect([edge.label, edge.kind]).toEqual([edge.type, edge.type]);
      delete edge.label;
      delete edge.kind;
    }
    return parsed;
  },
  cytoscape: (text) => {
    const { elements } = JSON.parse(text) as Json;
    const nodes: Record<string, Attributes> = {};
    for (const { data } of elements.nodes) {
      const { id, name, ...attributes } = data;
      // `name`: the column Cytoscape desktop labels nodes with.
      expect(name).toBe(attributes.label);
      nodes[id] = attributes;
    }
    const edges: Record<string, Attributes> = {};
    for (const { data } of elements.edges) {
      const { id, interaction, ...attributes } = data;
      // `interaction`: Cytoscape desktop's edge type column.
      expect(interaction).toBe(attributes.type);
      edges[id] = attributes;
    }
    return { nodes, edges };
  },
};

const FORMATS = Object.keys(EXPORT_FORMATS) as Array<keyof typeof EXPORT_FORMATS>;

async function exported(path: string, init?: RequestInit) {
  const response = await fetch(`${api.base}${path}`, init);
  return { response, text: await response.text() };
}

describe('exports parse back to the GraphQL Graph', () => {
  it.each(FORMATS)('%s: the neighbourhood of Guterres, two levels', async (format) => {
    const expected = fromGraphql(
      await graphqlGraph('neighborhood(id: "antonio-guterres", depth: 2)'),
    );
    const { response, text } = await exported(`/export/${format}?around=antonio-guterres&depth=2`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(EXPORT_FORMATS[format].contentType);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="antonio-guterres-depth-2.${EXPORT_FORMATS[format].extension}"`,
    );
    expect(response.headers.get('x-graph-truncated')).toBe('false');
    const parsed = PARSE[format](text);
    expect(Object.keys(parsed.nodes)).toHaveLength(22);
    expect(Object.keys(parsed.edges)).toHaveLength(42);
    expect(parsed).toEqual(expected);
    // Spot checks a person would make in Gephi: a typed count, a date at its precision.
    expect(parsed.nodes['unsc-debate-2021-04-regional-organizations']).toMatchObject({
      type: 'MEETING',
      start: '2021-04',
      startPrecision: 'MONTH',
      degree: 14,
    });
    expect(parsed.edges['vietnam--member-of--un-security-council']).toMatchObject({
      source: 'vietnam',
      target: 'un-security-council',
      type: 'MEMBER_OF',
      start: '2020',
      end: '2021',
      evidenceCount: 4,
    });
  });

  it.each(FORMATS)("%s: the explorer's view, posted as ids and filters", async (format) => {
    const view = {
      ids: ['vietnam', 'asean', 'un-security-council', 'unsc-meeting-2020-01-asean-un-cooperation'],
      relationshipTypes: ['MEMBER_OF', 'PRESIDED', 'CHAIRED'],
      dateFrom: '2021',
    };
    const expected = fromGraphql(
      await graphqlGraph(
        `subgraph(ids: ${JSON.stringify(view.ids)}, relationshipTypes: [MEMBER_OF, PRESIDED, CHAIRED], dateFrom: "2021")`,
      ),
    );
    const { response, text } = await exported(`/export/${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(view),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('explorer-view.');
    const parsed = PARSE[format](text);
    expect(parsed).toEqual(expected);
    // The January 2020 meeting and the 2020 ASEAN chairmanship are outside the range.
    expect(Object.keys(parsed.nodes).sort()).toEqual(['asean', 'un-security-council', 'vietnam']);
    expect(Object.keys(parsed.edges).sort()).toEqual([
      'vietnam--member-of--asean',
      'vietnam--member-of--un-security-council',
      'vietnam--presided--un-security-council',
    ]);
  });

  it.each(FORMATS)(
    '%s: the whole graph, every entity and fact and nothing else',
    async (format) => {
      const { response, text } = await exported(`/export/${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain('diplomacy-graph.');
      const parsed = PARSE[format](text);
      // 42 entities and the 2 documents; 68 facts (README "The seed graph"); no Evidence node,
      // no CITED_IN edge, no GraphMeta.
      expect(Object.keys(parsed.nodes)).toHaveLength(44);
      expect(Object.keys(parsed.edges)).toHaveLength(68);
      const types = new Set(Object.values(parsed.nodes).map((n) => n.type));
      expect([...types].sort()).toEqual([
        'DOCUMENT',
        'MEETING',
        'ORGANIZATION',
        'PERSON',
        'PLACE',
        'THEME',
      ]);
      expect(Object.values(parsed.edges).some((e) => e.type === 'CITED_IN')).toBe(false);
      const expected = fromGraphql(
        await graphqlGraph(`subgraph(ids: ${JSON.stringify(Object.keys(parsed.nodes))})`),
      );
      expect(parsed).toEqual(expected);
    },
  );

  it('a cut neighbourhood says so in a header and in the file', async () => {
    const { response, text } = await exported(
      '/export/graphml?around=united-nations&depth=3&perNodeLimit=1&limit=5',
    );
    expect(response.headers.get('x-graph-truncated')).toBe('true');
    const graph = parseGraphml(MultiDirectedGraph, text);
    expect(graph.getAttribute('truncated')).toBe(true);
    expect(graph.order).toBeLessThanOrEqual(5);
  });
});

describe('export errors', () => {
  it('answers bad requests with the API codes', async () => {
    const codeOf = async (path: string, init?: RequestInit) => {
      const { response, text } = await exported(path, init);
      return [response.status, (JSON.parse(text) as Json).errors[0].extensions.code];
    };
    expect(await codeOf('/export/xml')).toEqual([404, 'NOT_FOUND']);
    expect(await codeOf('/export/json?around=nobody')).toEqual([404, 'NOT_FOUND']);
    expect(await codeOf('/export/json?around=asean&depth=4')).toEqual([400, 'BAD_USER_INPUT']);
    expect(await codeOf('/export/json?around=asean&depth=two')).toEqual([400, 'BAD_USER_INPUT']);
    expect(await codeOf('/export/json?around=asean&types=CITED_IN')).toEqual([
      400,
      'BAD_USER_INPUT',
    ]);
    expect(await codeOf('/export/json?depth=2')).toEqual([400, 'BAD_USER_INPUT']);
    const post = (body: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(await codeOf('/export/json', post('{"ids": '))).toEqual([400, 'BAD_USER_INPUT']);
    expect(await codeOf('/export/json', post('{"ids": ["asean"], "limit": 3}'))).toEqual([
      400,
      'BAD_USER_INPUT',
    ]);
    expect(await codeOf('/export/json', post('{"ids": []}'))).toEqual([400, 'BAD_USER_INPUT']);
    expect(await codeOf('/export/json', { method: 'DELETE' })).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });
});

describe('the GraphML writer', () => {
  it('escapes markup and keeps types, as graphology-graphml reads it back', () => {
    const graph: GraphRecord = {
      truncated: false,
      nodes: ['a', 'b'].map((id) => ({
        id,
        label: `<${id}> & "quotes" ’ Nguyễn`,
        type: 'PERSON',
        properties: { ratio: 0.5, count: 3, big: 2 ** 40, flag: true, text: ']]> --> <!--' },
        entity: undefined as never,
      })),
      edges: [
        {
          id: 'a--x--b',
          source: 'a',
          target: 'b',
          type: 'CHAIRED',
          properties: { evidenceCount: 2, capacity: 'A & B <C>' },
          fact: undefined as never,
        },
      ],
    };
    const parsed = PARSE.graphml(EXPORT_FORMATS.graphml.write(graph));
    expect(parsed.nodes.a).toEqual({
      label: '<a> & "quotes" ’ Nguyễn',
      type: 'PERSON',
      ratio: 0.5,
      count: 3,
      big: 2 ** 40,
      flag: true,
      text: ']]> --> <!--',
    });
    expect(parsed.edges['a--x--b']).toEqual({
      source: 'a',
      target: 'b',
      type: 'CHAIRED',
      evidenceCount: 2,
      capacity: 'A & B <C>',
    });
  });
});
