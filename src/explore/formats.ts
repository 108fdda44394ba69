import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import { packageVersion } from '../server/version.js';
import type { GraphRecord } from './graph.js';
import { writeGraphml } from './graphml-writer.js';

/** GEXF 1.3 by default; 1.2 (namespace 1.2draft) for readers that know no newer, like networkx 2.8. */
export const GEXF_VERSIONS = ['1.3', '1.2'] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

export interface WriteOptions {
  gexfVersion?: GexfVersion;
}

export type ExportFormat = 'json' | 'cytoscape' | 'graphml' | 'gexf';

interface ExportWriter {
  extension: string;
  contentType: string;
  description: string;
  write(graph: GraphRecord, options?: WriteOptions): string;
}

/**
 * The export formats visualizers import, all written from one graphology graph, so they carry
 * the same nodes, edges and attributes as the GraphQL Graph they come from:
 * - node attributes: label (the entity's name), type (PERSON ...) and its properties;
 * - edge attributes: type (CHAIRED ...) and its properties; edge keys are fact ids and keep the
 *   fact's direction (a multigraph: two facts may join the same two entities).
 */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportWriter>> = {
  json: {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    description: 'graphology JSON (sigma.js, graphology.import)',
    write: (graph: GraphRecord) => `${JSON.stringify(toGraphology(graph).export(), null, 2)}\n`,
  },
  cytoscape: {
    extension: 'cyjs',
    contentType: 'application/json; charset=utf-8',
    description: 'Cytoscape.js elements JSON (Cytoscape.js, Cytoscape desktop)',
    write: (graph: GraphRecord) => `${JSON.stringify(toCytoscape(graph), null, 2)}\n`,
  },
  graphml: {
    extension: 'graphml',
    contentType: 'application/graphml+xml; charset=utf-8',
    description: 'GraphML (Gephi, yEd, Cytoscape desktop)',
    write: (graph: GraphRecord) => writeGraphml(toGraphology(graph)),
  },
  gexf: {
    extension: 'gexf',
    contentType: 'application/gexf+xml; charset=utf-8',
    description: 'GEXF 1.3, or 1.2 on request (Gephi, networkx)',
    write: (graph: GraphRecord, { gexfVersion = '1.3' }: WriteOptions = {}) =>
      writeGexf(toGraphology(graph), {
        // 1.3: the current GEXF, which Gephi writes itself since 0.9.2 (it warns on 1.2draft);
        // 1.2 for networkx (2.8 knows only the 1.1 and 1.2draft namespaces).
        version: gexfVersion,
        // Only the meta elements GEXF defines (creator, description).
        pedantic: true,
        // GEXF's own edge label shows the relationship type in Gephi, and its edge kind keeps
        // two facts between the same entities (Viet Nam MEMBER_OF and PRESIDED the Council) as
        // two edges: Gephi merges parallel edges of one kind. The attributes keep the type too.
        formatEdge: (_key, attributes) => ({
          label: String(attributes.type),
          kind: String(attributes.type),
          attributes,
        }),
        formatNode: (_key, { label, ...attributes }) => ({ label: String(label), attributes }),
      }),
  },
};

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

/** Node attributes: label and type first, then the properties. */
export function nodeAttributes(node: GraphRecord['nodes'][number]): Attributes {
  return { label: node.label, type: node.type, ...node.properties };
}

export function edgeAttributes(edge: GraphRecord['edges'][number]): Attributes {
  return { type: edge.type, ...edge.properties };
}

export function toGraphology(graph: GraphRecord): MultiDirectedGraph {
  const out = new MultiDirectedGraph();
  out.replaceAttributes({
    creator: `diplomacy-knowledge-graph ${packageVersion}`,
    description: graph.truncated
      ? 'A sub-graph of the diplomacy knowledge graph; a limit left part of it out.'
      : 'A sub-graph of the diplomacy knowledge graph.',
    truncated: graph.truncated,
  });
  for (const node of graph.nodes) out.addNode(node.id, nodeAttributes(node));
  for (const edge of graph.edges) {
    out.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
  }
  return out;
}

/**
 * Cytoscape.js elements, in the .cyjs layout Cytoscape desktop imports (File > Import >
 * Network from File). Besides the attributes above, nodes carry `name` (Cytoscape desktop's
 * default style labels nodes with it) and edges `interaction` (its column for the edge type).
 */
export function toCytoscape(graph: GraphRecord) {
  return {
    format_version: '1.0',
    generated_by: `diplomacy-knowledge-graph ${packageVersion}`,
    target_cytoscapejs_version: '~3.34',
    data: { name: 'diplomacy knowledge graph', truncated: graph.truncated },
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: { id: node.id, name: node.label, ...nodeAttributes(node) },
      })),
      edges: graph.edges.map((edge) => ({
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          interaction: edge.type,
          ...edgeAttributes(edge),
        },
      })),
    },
  };
}
