/**
 * The layout for small networks: fcose (force-directed, on a headless Cytoscape) with Math.random
 * seeded, so the same request always gives the same positions.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { LAYOUT_SEED, type LayoutRequest, type Positions } from './layout.js';
import { withSeededRandom } from './seeded-random.js';

let registered = false;

const NODE_PREFIX = 'firm:';

/** A seeded force-directed layout (fcose) of a headless graph: the same request, the same positions. */
export function fcoseLayout(request: LayoutRequest): Positions {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
    // fcose keeps per-node tables in plain objects keyed by id: a firm called `constructor` would
    // read Object's own property there. Prefixed ids keep the order and cannot collide.
    elements: [
      ...request.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, id: `${NODE_PREFIX}${n.id}` } })),
      ...request.edges.map((e) => ({ group: 'edges' as const, data: { id: `deal:${e.id}`, source: `${NODE_PREFIX}${e.source}`, target: `${NODE_PREFIX}${e.target}` } })),
    ],
  });
  try {
    withSeededRandom(LAYOUT_SEED, () => {
      cy.layout({
        name: 'fcose',
        quality: 'default',
        randomize: true,
        animate: false,
        fit: false,
        // Short ideal edges with strong repulsion and gravity keep the picture compact, so labels
        // stay readable when the whole network is fitted on screen.
        idealEdgeLength: () => 60,
        nodeRepulsion: () => 8000,
        nodeSeparation: 75,
        gravity: 1.2,
        gravityRange: 1.5,
        packComponents: true,
        tile: true,
        tilingPaddingVertical: 20,
        tilingPaddingHorizontal: 20,
      } as cytoscape.LayoutOptions).run();
    });
    const positions: Positions = {};
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      positions[node.id().slice(NODE_PREFIX.length)] = { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
    });
    return positions;
  } finally {
    cy.destroy();
  }
}
