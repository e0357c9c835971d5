/**
 * The layout of the deal network: a seeded force-directed placement (fcose on a headless Cytoscape)
 * that gives the same positions for the same data wherever it runs — in the page's worker, on the
 * page, or in the build, which precomputes the shipped data set's picture.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { hashText } from '../data/fingerprint.js';
import { withSeededRandom } from './seeded-random.js';

export interface LayoutNode {
  id: string;
  /** Box the firm and its label take, in model pixels. */
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export type Positions = Record<string, { x: number; y: number }>;

/** Layout seed: changing it changes every picture (and every shared link's positions). */
export const LAYOUT_SEED = 20_251_125;

/** Above this many firms the layout runs at draft quality, which is ~50× faster. */
export const DRAFT_LAYOUT_ABOVE = 300;

/**
 * The layout request for a data set: every firm and deal, with a box sized for the firm's name
 * below it. It depends on the data alone (not on measures or filters), so it can start as soon as
 * the data is read, and the picture is the same whatever the analyst sizes nodes by.
 */
export function layoutRequestFor(data: { entities: ReadonlyArray<{ id: string; name: string }>; deals: ReadonlyArray<{ id: string; from: string; to: string }> }): LayoutRequest {
  return {
    nodes: data.entities.map((e) => ({ id: e.id, width: Math.max(50, e.name.length * 8.5 + 8), height: 72 })),
    edges: data.deals.map((d) => ({ id: d.id, source: d.from, target: d.to })),
  };
}

/** A short fingerprint of a layout request: precomputed positions are used only for the same request. */
export function layoutKey(request: LayoutRequest): string {
  return `${request.nodes.length}-${request.edges.length}-${hashText(JSON.stringify([LAYOUT_SEED, request.nodes, request.edges]))}`;
}

/** Positions computed ahead of time, with the key of the request they belong to. */
export interface PrecomputedLayout {
  key: string;
  positions: Positions;
}

let registered = false;

/** A seeded force-directed layout (fcose) of a headless graph: the same request, the same positions. */
export function runLayout(request: LayoutRequest): Positions {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
    elements: [
      ...request.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })),
      ...request.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
    ],
  });
  try {
    withSeededRandom(LAYOUT_SEED, () => {
      cy.layout({
        name: 'fcose',
        quality: request.nodes.length > DRAFT_LAYOUT_ABOVE ? 'draft' : 'default',
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
      positions[node.id()] = { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
    });
    return positions;
  } finally {
    cy.destroy();
  }
}

/** A quick deterministic placement on a grid, for when the analyst cancels a long layout. */
export function gridPositions(ids: readonly string[]): Positions {
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  const positions: Positions = {};
  ids.forEach((id, i) => {
    positions[id] = { x: (i % columns) * 120, y: Math.floor(i / columns) * 90 };
  });
  return positions;
}
