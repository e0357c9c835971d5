/**
 * Deals that pass under a firm: a deal is clicked at its middle, and where that middle lies under
 * a firm the click selects the firm instead (firms are drawn above the deals). Such a deal is bent
 * sideways just enough that its middle is clear of every firm, so the picture changes only there. Drawn curved networks only: a large network's straight lines are read through the Deals
 * tab and by hovering.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

interface Point {
  x: number;
  y: number;
}

/** Room kept between a deal's middle and a firm's edge, in model units. */
const CLEARANCE = 6;
/** How far each try moves the bundle sideways, and how many tries each way. */
const STEP = 12;
const TRIES = 16;
/** At most this many deals are bent per drawing: each try restyles the deal, and a crowded network would take long. */
const MAX_BENT = 150;

/** The style set on a bent deal, by bypass: a class would restyle it for every try. */
const BENT_STYLE = 'curve-style control-point-distances control-point-weights';

interface Obstacle extends Point {
  id: string;
  /** Half the width and height of the firm's shape, with the room kept. */
  rx: number;
  ry: number;
}

/** Firms drawn, as the boxes around their shapes (a little wider, for the pointer). */
function obstacles(cy: Core, isHidden: (id: string) => boolean): Obstacle[] {
  const out: Obstacle[] = [];
  cy.nodes().forEach((node: NodeSingular) => {
    if (isHidden(node.id())) return;
    const { x, y } = node.position();
    out.push({ id: node.id(), x, y, rx: node.outerWidth() / 2 + CLEARANCE, ry: node.outerHeight() / 2 + CLEARANCE });
  });
  return out;
}

function clear(point: Point, firms: readonly Obstacle[]): boolean {
  for (const f of firms) if (Math.abs(point.x - f.x) < f.rx && Math.abs(point.y - f.y) < f.ry) return false;
  return true;
}

/** Middles of two deals closer than this are one place for the pointer. */
const APART = 8;

function near(point: Point, others: readonly Point[]): boolean {
  return others.some((o) => Math.hypot(point.x - o.x, point.y - o.y) < APART);
}

/**
 * Bends each deal whose middle lies under a firm (its own two included) sideways, by the smallest
 * step that Cytoscape then draws clear of every firm and of the other deals' middles; straightens
 * those that no longer need it. A bent deal leaves its bundle, whose other deals Cytoscape then
 * spaces again, so a few passes settle it. Returns the ids of the deals bent. Reads the positions
 * Cytoscape draws: call it outside a batch.
 */
export function applyDetours(cy: Core, isHidden: (id: string) => boolean, wasBent: readonly string[] = []): string[] {
  for (const id of wasBent) {
    const edge = cy.getElementById(id);
    if (edge.nonempty()) edge.removeStyle(BENT_STYLE);
  }
  const firms = obstacles(cy, isHidden);
  // Cytoscape gives no middle for a deal it does not draw (one of its firms hidden, say).
  const shown = cy.edges().filter((edge: EdgeSingular) => !isHidden(edge.id()) && edge.data('source') !== edge.data('target') && middleOf(edge) !== null);
  const bent = new Set<string>();
  for (let pass = 0; pass < 3 && bent.size < MAX_BENT; pass++) {
    const under = shown.filter((edge: EdgeSingular) => {
      const middle = middleOf(edge);
      return !bent.has(edge.id()) && middle !== null && !clear(middle, firms);
    });
    if (under.empty()) break;
    const middles = new Map<string, Point>();
    shown.forEach((edge: EdgeSingular) => {
      const middle = middleOf(edge);
      if (middle) middles.set(edge.id(), middle);
    });
    under.forEach((edge: EdgeSingular) => {
      if (bent.size >= MAX_BENT) return;
      const others = [...middles].filter(([id]) => id !== edge.id()).map(([, p]) => p);
      if (bend(edge, firms, others)) {
        bent.add(edge.id());
        const middle = middleOf(edge);
        if (middle) middles.set(edge.id(), middle);
      }
    });
  }
  return [...bent];
}

/** Tries sideways shifts, nearest first, as Cytoscape draws them; keeps the first that is clear. */
function bend(edge: EdgeSingular, firms: readonly Obstacle[], others: readonly Point[]): boolean {
  const from = edge.source().position();
  const to = edge.target().position();
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length === 0) return false;
  const normal = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length };
  const middle = middleOf(edge);
  if (!middle) return false;
  const drawnWith = (distance: number): Point | null => {
    edge.style({ 'curve-style': 'unbundled-bezier', 'control-point-distances': distance, 'control-point-weights': 0.5 });
    return middleOf(edge);
  };
  // How far the middle moves across the line per unit of control-point distance, measured as
  // Cytoscape draws it (its ends sit on the firms' outlines, not at their centres).
  const straight = drawnWith(0);
  const bent = drawnWith(100);
  const across = (p: Point, from: Point): number => (p.x - from.x) * normal.x + (p.y - from.y) * normal.y;
  const perUnit = straight && bent ? across(bent, straight) / 100 : 0;
  if (straight && Math.abs(perUnit) > 0.05) {
    const now = across(middle, straight) / perUnit;
    for (let k = 1; k <= TRIES; k++) {
      for (const shift of [k * STEP, -k * STEP]) {
        const placed = drawnWith(now + shift / perUnit);
        if (placed && clear(placed, firms) && !near(placed, others)) return true;
      }
    }
  }
  edge.removeStyle(BENT_STYLE);
  return false;
}

/** Where Cytoscape draws the deal's middle; null when it draws no line for it. */
function middleOf(edge: EdgeSingular): Point | null {
  const middle = edge.midpoint() as Point | undefined;
  return middle && Number.isFinite(middle.x) && Number.isFinite(middle.y) ? middle : null;
}
