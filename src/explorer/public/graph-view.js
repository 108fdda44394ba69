/**
 * The graph view: a Cytoscape.js canvas that shows a Graph from the API. Nodes and edges keep
 * the API's ids (entity ids, fact ids), so a new answer updates the view in place: what stays
 * keeps its position, what is new starts next to the node that brought it, and a layout run
 * from those positions settles it.
 */

/** Okabe–Ito colours, told apart with the common colour-vision deficiencies. */
export const TYPE_COLORS = {
  PERSON: '#D55E00',
  ORGANIZATION: '#0072B2',
  MEETING: '#E69F00',
  THEME: '#009E73',
  PLACE: '#CC79A7',
  DOCUMENT: '#7F7F7F',
};

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      label: 'data(short)',
      width: 'mapData(degree, 1, 20, 18, 44)',
      height: 'mapData(degree, 1, 20, 18, 44)',
      'font-size': 12,
      color: '#1f2933',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': 150,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': 1,
      'min-zoomed-font-size': 6,
    },
  },
  { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1f2933' } },
  // Entities the filters left without a fact in view: still there, but out of the way.
  { selector: 'node.isolated', style: { opacity: 0.45 } },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#1b5fa8', 'overlay-opacity': 0 },
  },
  {
    selector: 'edge',
    style: {
      width: 'mapData(evidenceCount, 1, 5, 1.2, 4)',
      'line-color': '#9aa5b1',
      'target-arrow-color': '#9aa5b1',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      label: 'data(type)',
      'font-size': 8,
      color: '#5f6b7a',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'min-zoomed-font-size': 7,
    },
  },
  {
    selector: 'edge:selected',
    style: { 'line-color': '#1b5fa8', 'target-arrow-color': '#1b5fa8', width: 4 },
  },
];

/** Long meeting names are cut on the canvas; the panel and the list show them whole. */
export function shortLabel(label, max = 48) {
  if (label.length <= max) return label;
  const cut = label.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 12))}…`;
}

/** A cut meeting name keeps its date in sight: "UN Security Council high-level… (2021-04)". */
function canvasLabel(node) {
  const short = shortLabel(node.label);
  const start = node.properties.start;
  return short !== node.label && node.type === 'MEETING' && start ? `${short} (${start})` : short;
}

export class GraphView {
  constructor(container, { onNode, onEdge }) {
    this.cy = window.cytoscape({
      container,
      style: STYLE,
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    this.cy.on('tap', 'node', (event) => onNode(event.target.id()));
    this.cy.on('tap', 'edge', (event) => onEdge(event.target.id()));
  }

  /**
   * Shows `graph` (nodes and edges as the API gives them). New nodes start next to `anchor`.
   * Returns whether anything was added or removed.
   */
  show(graph, anchor) {
    const cy = this.cy;
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    const origin = this.positionOf(anchor);
    let changed = false;
    cy.batch(() => {
      const gone = cy
        .elements()
        .filter((el) => (el.isNode() ? !nodeIds.has(el.id()) : !edgeIds.has(el.id())));
      changed = gone.length > 0;
      gone.remove();
      for (const node of graph.nodes) {
        const data = {
          id: node.id,
          label: node.label,
          short: canvasLabel(node),
          type: node.type,
          color: TYPE_COLORS[node.type] ?? '#999999',
          degree: node.properties.degree ?? 1,
        };
        const existing = cy.getElementById(node.id);
        if (existing.nonempty()) {
          existing.data(data);
          continue;
        }
        changed = true;
        cy.add({
          group: 'nodes',
          data,
          position: {
            x: origin.x + (Math.random() - 0.5) * 160,
            y: origin.y + (Math.random() - 0.5) * 160,
          },
        });
      }
      for (const edge of graph.edges) {
        if (cy.getElementById(edge.id).nonempty()) continue;
        changed = true;
        cy.add({
          group: 'edges',
          data: {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            type: edge.type,
            evidenceCount: edge.properties.evidenceCount ?? 1,
          },
        });
      }
    });
    cy.nodes().forEach((node) => {
      node.toggleClass('isolated', cy.nodes().length > 1 && node.connectedEdges().empty());
    });
    if (changed) this.layout();
    return changed;
  }

  layout() {
    this.cy
      .layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: true,
        padding: 40,
        // Spread out enough that labels stay apart, and the layout uses the canvas's width.
        nodeRepulsion: () => 20000,
        idealEdgeLength: () => 90,
        gravity: 0.4,
        nodeDimensionsIncludeLabels: true,
        componentSpacing: 90,
        nodeOverlap: 20,
      })
      .run();
  }

  positionOf(id) {
    const node = id ? this.cy.getElementById(id) : this.cy.collection();
    if (node.nonempty()) return node.position();
    const extent = this.cy.extent();
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  select(id) {
    this.cy.elements().unselect();
    const element = this.cy.getElementById(id);
    if (element.nonempty()) element.select();
  }

  markExpanded(id) {
    this.cy.getElementById(id).addClass('expanded');
  }

  clear() {
    this.cy.elements().remove();
  }

  nodes() {
    return this.cy
      .nodes()
      .map((n) => ({ id: n.id(), label: n.data('label'), type: n.data('type') }));
  }
}
