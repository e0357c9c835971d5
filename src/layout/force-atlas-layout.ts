/**
 * The layout for large networks: ForceAtlas2 (graphology-layout-forceatlas2) from a fixed spiral
 * start, then noverlap (graphology-layout-noverlap) so firms and their names do not sit on top of
 * each other. fcose does not scale to these sizes: at 1,000 firms its default quality takes close to
 * a minute and its draft quality piles most firms into a few spots. Both steps here are
 * deterministic: the same request gives the same positions.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { LayoutRequest, Positions } from './layout.js';

/** ForceAtlas2 iterations; the layout reports progress after each batch. */
const ITERATIONS = 80;
const BATCH = 20;
/** noverlap passes at most; it stops earlier once nothing overlaps. */
const NOVERLAP_ITERATIONS = 30;
/**
 * ForceAtlas2's scale is arbitrary; the picture is scaled to cover this many times the area of the
 * firms' boxes before noverlap, which then only has to nudge neighbours apart (a few passes, not
 * hundreds).
 */
const ROOM_PER_BOX_AREA = 3;
/**
 * Above this many firms, repulsion is approximated (Barnes–Hut). Below it the exact sum is faster
 * as well as exact: at 1,000 firms it takes about three quarters of the approximation's time.
 */
export const BARNES_HUT_ABOVE = 2000;
/** Spacing of the start spiral, in model pixels. */
const SPIRAL_STEP = 12;

/** Fraction done, 0..1. */
export type LayoutProgress = (done: number) => void;

/**
 * Places the firms of a large network. Parallel and opposite deals of a pair become one
 * undirected spring: the picture depends on who deals with whom, not on how often.
 */
export function forceAtlasLayout(request: LayoutRequest, onProgress: LayoutProgress = () => {}): Positions {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  request.nodes.forEach((node, i) => {
    // A sunflower spiral in request order: spread out, no randomness, no two firms on one spot.
    const radius = SPIRAL_STEP * Math.sqrt(i + 0.5);
    const angle = i * 2.399963229728653;
    graph.addNode(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle), size: Math.max(node.width, node.height) / 2 });
  });
  for (const edge of request.edges) {
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.mergeEdge(edge.source, edge.target);
  }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > BARNES_HUT_ABOVE };
  for (let done = 0; done < ITERATIONS; done += BATCH) {
    forceAtlas2.assign(graph, { iterations: Math.min(BATCH, ITERATIONS - done), settings, getEdgeWeight: null });
    onProgress((0.8 * (done + BATCH)) / ITERATIONS);
  }
  scaleToRoom(graph, request);
  noverlap.assign(graph, { maxIterations: NOVERLAP_ITERATIONS, settings: { margin: 6, ratio: 1, expansion: 1.1 } });
  onProgress(1);
  const positions: Positions = {};
  graph.forEachNode((id, attributes) => {
    positions[id] = { x: Math.round((attributes.x as number) * 100) / 100, y: Math.round((attributes.y as number) * 100) / 100 };
  });
  return positions;
}

function scaleToRoom(graph: Graph, request: LayoutRequest): void {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  graph.forEachNode((_id, attributes) => {
    x1 = Math.min(x1, attributes.x as number);
    x2 = Math.max(x2, attributes.x as number);
    y1 = Math.min(y1, attributes.y as number);
    y2 = Math.max(y2, attributes.y as number);
  });
  const area = Math.max(1, (x2 - x1) * (y2 - y1));
  const boxes = request.nodes.reduce((sum, node) => sum + node.width * node.height, 0);
  const factor = Math.sqrt((ROOM_PER_BOX_AREA * boxes) / area);
  if (!Number.isFinite(factor) || factor <= 0) return;
  graph.updateEachNodeAttributes((_id, attributes) => ({ ...attributes, x: (attributes.x as number) * factor, y: (attributes.y as number) * factor }));
}
