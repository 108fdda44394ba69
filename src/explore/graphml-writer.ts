import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import type { AbstractGraph, Attributes } from 'graphology-types';

/**
 * GraphML for a graphology graph. graphology-graphml only parses (its writer was never
 * released), so this writes the document through a DOM (@xmldom/xmldom, the XML library
 * graphology-graphml and graphology-gexf parse with): the serializer does the escaping, and
 * graphology-graphml reads the result back (test/integration/export-formats.test.ts).
 *
 * Each attribute becomes a <key> with the GraphML type of its values (boolean, int, long,
 * double, string), so numbers stay numbers in Gephi, yEd and Cytoscape; absent values are
 * left out. Edges keep their ids and direction; a multigraph is fine in GraphML.
 */
const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const SCHEMA = `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`;

type Domain = 'graph' | 'node' | 'edge';
type KeyType = 'boolean' | 'int' | 'long' | 'double' | 'string';

interface Key {
  id: string;
  type: KeyType;
}

export function writeGraphml(graph: AbstractGraph): string {
  const doc = new DOMImplementation().createDocument(GRAPHML_NS, 'graphml', null);
  const root = doc.documentElement;
  if (!root) throw new Error('could not create the GraphML document');
  root.setAttribute('xmlns:xsi', XSI_NS);
  root.setAttribute('xsi:schemaLocation', SCHEMA);

  /** Appends a child element on a line of its own, indented by its depth. */
  const append = (
    parent: Element,
    depth: number,
    name: string,
    attributes: Record<string, string>,
  ) => {
    const element = doc.createElementNS(GRAPHML_NS, name);
    for (const [attribute, value] of Object.entries(attributes)) {
      element.setAttribute(attribute, value);
    }
    parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
    parent.appendChild(element);
    return element;
  };
  const closeLine = (element: Element, depth: number) => {
    if (element.hasChildNodes()) {
      element.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
    }
  };

  const nodeAttributes: Attributes[] = [];
  graph.forEachNode((_node, attributes) => nodeAttributes.push(attributes));
  const edgeAttributes: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => edgeAttributes.push(attributes));
  const keys: Record<Domain, Map<string, Key>> = {
    graph: declareKeys([graph.getAttributes()], 'g'),
    node: declareKeys(nodeAttributes, 'n'),
    edge: declareKeys(edgeAttributes, 'e'),
  };
  for (const domain of ['graph', 'node', 'edge'] as const) {
    for (const [name, key] of keys[domain]) {
      append(root, 1, 'key', { id: key.id, for: domain, 'attr.name': name, 'attr.type': key.type });
    }
  }

  const writeData = (parent: Element, depth: number, domain: Domain, attributes: Attributes) => {
    for (const [name, value] of Object.entries(attributes)) {
      const key = keys[domain].get(name);
      if (!key || value == null) continue;
      append(parent, depth, 'data', { key: key.id }).appendChild(doc.createTextNode(String(value)));
    }
  };

  const graphElement = append(root, 1, 'graph', {
    id: 'G',
    edgedefault: graph.type === 'undirected' ? 'undirected' : 'directed',
  });
  writeData(graphElement, 2, 'graph', graph.getAttributes());
  graph.forEachNode((node, attributes) => {
    const element = append(graphElement, 2, 'node', { id: node });
    writeData(element, 3, 'node', attributes);
    closeLine(element, 2);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    const element = append(graphElement, 2, 'edge', { id: edge, source, target });
    writeData(element, 3, 'edge', attributes);
    closeLine(element, 2);
  });
  closeLine(graphElement, 1);
  closeLine(root, 0);

  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

/** One key per attribute name, typed by all its values (mixed values become strings). */
function declareKeys(elements: readonly Attributes[], prefix: string): Map<string, Key> {
  const types = new Map<string, KeyType>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value == null) continue;
      const type = typeOf(value);
      const seen = types.get(name);
      types.set(name, seen === undefined ? type : widen(seen, type));
    }
  }
  return new Map(
    [...types].map(([name, type]) => [name, { id: `${prefix}.${name}`, type }] as const),
  );
}

function typeOf(value: unknown): KeyType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    return Math.abs(value) <= 0x7fffffff ? 'int' : 'long';
  }
  return 'string';
}

const NUMERIC: readonly KeyType[] = ['int', 'long', 'double'];

function widen(a: KeyType, b: KeyType): KeyType {
  if (a === b) return a;
  if (NUMERIC.includes(a) && NUMERIC.includes(b)) {
    return a === 'double' || b === 'double' ? 'double' : 'long';
  }
  return 'string';
}
