/**
 * Places straight deal lines without Cytoscape's bundling bookkeeping.
 *
 * Whenever firms move or change size (a filter change resizes every firm by its new measure),
 * Cytoscape recomputes the ends of every connected deal. Its code is written for bundled curves:
 * it groups the deals by pair of firms under string keys, intersects each pair's line with both
 * firms' shapes, and only then works out each deal's own ends, intersecting the shapes again. A
 * straight line uses none of the pair's results unless its ends are set to "outside-to-line", so on
 * large networks (drawn with straight lines) most of that is wasted: about a quarter of a filter change.
 *
 * When every deal asked for is straight, with ends on the firms' outlines ("outside-to-node", the
 * default), between two different firms and without compound nodes, each deal runs exactly the
 * per-deal steps Cytoscape runs for a straight line, in its order and with its own functions, so
 * the results are Cytoscape's. Anything else (curves, loops, other end settings, a line that cannot
 * be drawn) goes to Cytoscape's code, which then also logs its usual warnings.
 */
import type { Core } from 'cytoscape';

interface EdgeState {
  source: unknown;
  target: unknown;
  rscratch: { badLine?: boolean };
}

interface RenderedEdge {
  readonly _private: EdgeState;
  removed(): boolean;
  takesUpSpace(): boolean;
  pstyle(name: string): { value?: unknown } | undefined;
}

/** The per-deal steps of Cytoscape's renderer for a straight line, in the order it runs them. */
const STEPS = [
  'findStraightEdgePoints',
  'findEndpoints',
  'tryToCorrectInvalidPoints',
  'checkForInvalidEdgeWarning',
  'storeAllpts',
  'storeEdgeProjections',
  'calculateArrowAngles',
  'recalculateEdgeLabelProjections',
  'calculateLabelAngles',
] as const;

type Step = (this: EdgeRenderer, edge: RenderedEdge, pairInfo?: null) => void;

type EdgeRenderer = { cy: { hasCompoundNodes(): boolean }; findEdgeControlPoints?: (edges: ArrayLike<RenderedEdge>) => void } & Partial<Record<(typeof STEPS)[number], Step>>;

/** Where the stock function is kept, for the browser test that compares the two. */
export const STOCK_FIND_EDGE_CONTROL_POINTS = Symbol.for('roundtrip:stockFindEdgeControlPoints');

function isPlainStraight(edge: RenderedEdge): boolean {
  return (
    edge._private.source !== edge._private.target &&
    edge.pstyle('curve-style')?.value === 'straight' &&
    edge.pstyle('source-endpoint')?.value === 'outside-to-node' &&
    edge.pstyle('target-endpoint')?.value === 'outside-to-node'
  );
}

/** Installs the shortcut on `cy`'s renderer; false when the renderer is not the expected one. */
export function placeStraightEdgesDirectly(cy: Core): boolean {
  const renderer = (cy as unknown as { renderer?(): EdgeRenderer | undefined }).renderer?.();
  if (!renderer || typeof renderer.findEdgeControlPoints !== 'function') return false;
  if (STEPS.some((step) => typeof renderer[step] !== 'function')) return false;
  const stock = renderer.findEdgeControlPoints;
  const steps = STEPS.map((step) => renderer[step] as Step);
  renderer.findEdgeControlPoints = function findEdgeControlPoints(this: EdgeRenderer, edges: ArrayLike<RenderedEdge>): void {
    if (!edges || edges.length === 0) return;
    if (this.cy.hasCompoundNodes()) return stock.call(this, edges);
    const drawn: RenderedEdge[] = [];
    for (let i = 0; i < edges.length; i++) {
      const edge = edges[i] as RenderedEdge;
      // Cytoscape skips these too: they take no space.
      if (edge.removed() || !edge.takesUpSpace()) continue;
      if (!isPlainStraight(edge)) return stock.call(this, edges);
      drawn.push(edge);
    }
    const unplaced: RenderedEdge[] = [];
    for (const edge of drawn) {
      // Set before the checks, as Cytoscape's pair code does for a straight line.
      (edge._private.rscratch as { isRound?: boolean }).isRound = false;
      const [find, endpoints] = steps as [Step, Step];
      find.call(this, edge);
      endpoints.call(this, edge);
      if (edge._private.rscratch.badLine) {
        unplaced.push(edge);
        continue;
      }
      for (let s = 2; s < steps.length; s++) (steps[s] as Step).call(this, edge, null);
    }
    // Cytoscape's own code decides what a line that cannot be drawn looks like (and warns).
    if (unplaced.length > 0) stock.call(this, unplaced);
  };
  Object.defineProperty(renderer, STOCK_FIND_EDGE_CONTROL_POINTS, { value: stock });
  return true;
}
