/**
 * Node shapes as SVG path data, with Cytoscape's own geometry (the unit polygons, corner radii and
 * barrel curves of its canvas renderer, version pinned in package.json), so an exported SVG draws
 * each firm as the screen does. Pure: no DOM, no Cytoscape.
 */

type Points = readonly number[];

/** Cytoscape's regular polygon of `sides` corners, stretched to fill the square -1..1. */
function unitPolygon(sides: number): number[] {
  const increment = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + increment / 2 : Math.PI / 2;
  const points: number[] = [];
  for (let i = 0; i < sides; i++) points.push(Math.cos(start + i * increment), Math.sin(-(start + i * increment)));
  return fitToSquare(points);
}

function fitToSquare(points: number[]): number[] {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const scaled = points.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...scaled.filter((_, i) => i % 2 === 1));
  return minY < -1 ? scaled.map((v, i) => (i % 2 === 1 ? v + (-1 - minY) : v)) : scaled;
}

const DIAMOND: Points = [0, 1, 1, 0, 0, -1, -1, 0];
const TAG: Points = [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1];

/** Polygons by shape name; the `round-` variants take the same points with rounded corners. */
const POLYGONS: Readonly<Record<string, Points>> = {
  triangle: unitPolygon(3),
  rectangle: unitPolygon(4),
  square: unitPolygon(4),
  pentagon: unitPolygon(5),
  hexagon: unitPolygon(6),
  heptagon: unitPolygon(7),
  octagon: unitPolygon(8),
  diamond: DIAMOND,
  tag: TAG,
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'right-rhomboid': [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  'concave-hexagon': [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
};

const ROUND_POLYGONS = new Set(['round-triangle', 'round-pentagon', 'round-hexagon', 'round-heptagon', 'round-octagon', 'round-diamond', 'round-tag']);

/** Numbers in path data: two decimals are far below a pixel at any zoom a picture is read at. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

interface Point {
  x: number;
  y: number;
}

function corners(points: Points, cx: number, cy: number, width: number, height: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length; i += 2) out.push({ x: cx + (width / 2) * (points[i] ?? 0), y: cy + (height / 2) * (points[i + 1] ?? 0) });
  return out;
}

function polygonPath(points: Point[]): string {
  return `${points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join(' ')} Z`;
}

/**
 * A polygon whose corners are arcs of `radius` (Cytoscape's round polygons): each arc touches both
 * sides, and is made smaller when a side is too short to hold it.
 */
function roundPolygonPath(points: Point[], radius: number): string {
  const parts: string[] = [];
  points.forEach((p, i) => {
    const prev = points[(i + points.length - 1) % points.length]!;
    const next = points[(i + 1) % points.length]!;
    const toPrev = { x: prev.x - p.x, y: prev.y - p.y };
    const toNext = { x: next.x - p.x, y: next.y - p.y };
    const lenPrev = Math.hypot(toPrev.x, toPrev.y);
    const lenNext = Math.hypot(toNext.x, toNext.y);
    const angle = Math.acos(Math.max(-1, Math.min(1, (toPrev.x * toNext.x + toPrev.y * toNext.y) / (lenPrev * lenNext))));
    const half = angle / 2;
    let along = Math.abs((Math.cos(half) * radius) / Math.sin(half));
    let arc = radius;
    const limit = Math.min(lenPrev / 2, lenNext / 2);
    if (along > limit) {
      along = limit;
      arc = Math.abs((along * Math.sin(half)) / Math.cos(half));
    }
    const start = { x: p.x + (toPrev.x / lenPrev) * along, y: p.y + (toPrev.y / lenPrev) * along };
    const end = { x: p.x + (toNext.x / lenNext) * along, y: p.y + (toNext.y / lenNext) * along };
    // Turning clockwise on screen (y down) draws the arc in the positive-angle direction.
    const turn = (p.x - prev.x) * (next.y - p.y) - (p.y - prev.y) * (next.x - p.x);
    parts.push(`${i === 0 ? 'M' : 'L'}${n(start.x)} ${n(start.y)} A${n(arc)} ${n(arc)} 0 0 ${turn > 0 ? 1 : 0} ${n(end.x)} ${n(end.y)}`);
  });
  return `${parts.join(' ')} Z`;
}

function roundRectanglePath(cx: number, cy: number, width: number, height: number): string {
  const r = Math.min(width / 4, height / 4, 8);
  const x1 = cx - width / 2;
  const x2 = cx + width / 2;
  const y1 = cy - height / 2;
  const y2 = cy + height / 2;
  return `M${n(x1 + r)} ${n(y1)} L${n(x2 - r)} ${n(y1)} A${n(r)} ${n(r)} 0 0 1 ${n(x2)} ${n(y1 + r)} L${n(x2)} ${n(y2 - r)} A${n(r)} ${n(r)} 0 0 1 ${n(x2 - r)} ${n(y2)} L${n(x1 + r)} ${n(y2)} A${n(r)} ${n(r)} 0 0 1 ${n(x1)} ${n(y2 - r)} L${n(x1)} ${n(y1 + r)} A${n(r)} ${n(r)} 0 0 1 ${n(x1 + r)} ${n(y1)} Z`;
}

function barrelPath(cx: number, cy: number, width: number, height: number): string {
  const hOffset = Math.min(15, 0.05 * height);
  const wOffset = Math.min(100, 0.25 * width);
  const ctrl = 0.05 * wOffset;
  const x1 = cx - width / 2;
  const x2 = cx + width / 2;
  const y1 = cy - height / 2;
  const y2 = cy + height / 2;
  return [
    `M${n(x1)} ${n(y1 + hOffset)} L${n(x1)} ${n(y2 - hOffset)}`,
    `Q${n(x1 + ctrl)} ${n(y2)} ${n(x1 + wOffset)} ${n(y2)} L${n(x2 - wOffset)} ${n(y2)}`,
    `Q${n(x2 - ctrl)} ${n(y2)} ${n(x2)} ${n(y2 - hOffset)} L${n(x2)} ${n(y1 + hOffset)}`,
    `Q${n(x2 - ctrl)} ${n(y1)} ${n(x2 - wOffset)} ${n(y1)} L${n(x1 + wOffset)} ${n(y1)}`,
    `Q${n(x1 + ctrl)} ${n(y1)} ${n(x1)} ${n(y1 + hOffset)} Z`,
  ].join(' ');
}

function ellipsePath(cx: number, cy: number, width: number, height: number): string {
  const rx = width / 2;
  const ry = height / 2;
  return `M${n(cx - rx)} ${n(cy)} A${n(rx)} ${n(ry)} 0 1 0 ${n(cx + rx)} ${n(cy)} A${n(rx)} ${n(ry)} 0 1 0 ${n(cx - rx)} ${n(cy)} Z`;
}

/** The shapes this module draws (every shape the explorer's palette uses is among them). */
export const SVG_NODE_SHAPES: readonly string[] = ['ellipse', 'round-rectangle', 'roundrectangle', 'barrel', ...Object.keys(POLYGONS), ...ROUND_POLYGONS];

/**
 * Path data of a node shape centred on (cx, cy), `width` × `height` in the same units. A shape this
 * module does not know is drawn as an ellipse of the node's size (none of the palette's is).
 */
export function nodeShapePath(shape: string, cx: number, cy: number, width: number, height: number): string {
  if (shape === 'round-rectangle' || shape === 'roundrectangle') return roundRectanglePath(cx, cy, width, height);
  if (shape === 'barrel') return barrelPath(cx, cy, width, height);
  const polygon = POLYGONS[shape];
  if (polygon) return polygonPath(corners(polygon, cx, cy, width, height));
  if (ROUND_POLYGONS.has(shape)) {
    const points = POLYGONS[shape.slice('round-'.length)] ?? DIAMOND;
    return roundPolygonPath(corners(points, cx, cy, width, height), Math.min(width / 10, height / 10, 8));
  }
  return ellipsePath(cx, cy, width, height);
}
