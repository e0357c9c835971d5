/**
 * Draws the plain deal lines of a large network in batches: one stroke per look.
 *
 * Cytoscape draws deals one at a time: for each it works out a bounding box, asks a dozen style
 * properties, builds and strokes a path, then asks as many again to draw the arrowhead. On a
 * network of thousands of deals (drawn with straight lines) that bookkeeping costs more than the
 * drawing, and most deals look alike: opaque, a filled triangle at the target, one colour, width
 * and dash per deal type and amount, and no label or one too small to be drawn at this zoom.
 * Those plain deals are drawn here, grouped by look: one path and one stroke per group of lines,
 * one path and one fill per colour of arrowheads. The geometry is Cytoscape's own (the ends and the arrow angle it computed for the
 * deal), and so are the colour strings, widths, dashes and arrow sizes it would have used.
 *
 * Only the order differs: plain deals are drawn first, under every firm and every other deal, and
 * where two plain deals of different looks cross, the later group lies on top. Everything that is
 * not plain (labelled, highlighted, dimmed or selected deals, curves, firms) is drawn by Cytoscape.
 *
 * Like the other renderer hooks this reaches into Cytoscape's internals (pinned version): it
 * checks what it needs and otherwise leaves the renderer alone.
 */
import type { Core } from 'cytoscape';
import type { Box as RendererBox } from './batched-textures.js';

/** The part of the renderer's box the drawing reads: the extent to draw in. */
type Box = Pick<RendererBox, 'x1' | 'y1' | 'x2' | 'y2'>;

type Rgb = readonly [number, number, number];

interface StyleValue {
  value?: unknown;
  pfValue?: unknown;
  strValue?: string;
}

interface EdgeScratch {
  badLine?: boolean;
  edgeType?: string;
  allpts?: ArrayLike<number> | null;
  arrowEndX?: number;
  arrowEndY?: number;
  tgtArrowAngle?: number;
}

export interface DrawnElement {
  readonly _private: { styleKey?: unknown; styleDirty?: boolean; rscratch: EdgeScratch };
  isEdge(): boolean;
  visible(): boolean;
  pstyle(name: string): StyleValue | undefined;
}

interface EdgeRenderer {
  drawCachedElements?(context: CanvasRenderingContext2D, eles: DrawnElement[], pxRatio: number, extent: Box | null | undefined): void;
  getArrowWidth?(edgeWidth: number, scale: number): number;
  /** Whether an element's label is big enough on screen to be drawn (its min-zoomed-font-size). */
  eleTextBiggerThanMin?(ele: DrawnElement): boolean;
}

/** How a plain deal is drawn; null for a deal Cytoscape has to draw. */
export interface EdgeLook {
  /** Whether the deal has a label: it is plain only while the label is too small to be drawn. */
  labelled: boolean;
  /** Groups deals drawn with one stroke: colour, width and dashes. */
  key: string;
  strokeStyle: string;
  width: number;
  dash: number[];
  dashOffset: number;
  /** Arrowhead colour and size; size 0 for no arrowhead. */
  arrowStyle: string;
  arrowSize: number;
}

/** The triangle arrowhead of Cytoscape, in units of the arrow size: (0, 0) is the tip. */
const TRIANGLE = [-0.15, -0.3, 0, 0, 0.15, -0.3] as const;

/** Where the stock function is kept, for the browser test that compares the two. */
export const STOCK_DRAW_CACHED_ELEMENTS = Symbol.for('roundtrip:stockDrawCachedElements');

const rgba = (color: Rgb): string => `rgba(${color[0]},${color[1]},${color[2]},1)`;

/** The look of a deal from its style, or null when it is not plain (see the module comment). */
export function edgeLook(edge: DrawnElement, arrowWidth: (edgeWidth: number, scale: number) => number): EdgeLook | null {
  const style = (name: string): unknown => edge.pstyle(name)?.value;
  const plain =
    style('curve-style') === 'straight' &&
    style('opacity') === 1 &&
    style('line-opacity') === 1 &&
    style('line-fill') === 'solid' &&
    style('line-cap') === 'butt' &&
    style('line-outline-width') === 0 &&
    style('ghost') === 'no' &&
    style('overlay-opacity') === 0 &&
    style('underlay-opacity') === 0 &&
    style('z-index') === 0 &&
    !edge.pstyle('source-label')?.strValue &&
    !edge.pstyle('target-label')?.strValue &&
    style('source-arrow-shape') === 'none' &&
    style('mid-source-arrow-shape') === 'none' &&
    style('mid-target-arrow-shape') === 'none' &&
    (style('target-arrow-shape') === 'none' || (style('target-arrow-shape') === 'triangle' && style('target-arrow-fill') === 'filled'));
  if (!plain) return null;
  const width = edge.pstyle('width')?.pfValue;
  const lineColor = style('line-color');
  const arrowColor = style('target-arrow-color');
  const lineStyle = style('line-style');
  const scale = style('arrow-scale');
  if (typeof width !== 'number' || !isRgb(lineColor) || !isRgb(arrowColor) || typeof scale !== 'number') return null;
  let dash: number[] = [];
  let dashOffset = 0;
  if (lineStyle === 'dotted') dash = [1, 1];
  else if (lineStyle === 'dashed') {
    const pattern = edge.pstyle('line-dash-pattern')?.pfValue;
    const offset = edge.pstyle('line-dash-offset')?.pfValue;
    if (!Array.isArray(pattern) || !pattern.every((n) => typeof n === 'number') || typeof offset !== 'number') return null;
    dash = pattern as number[];
    dashOffset = offset;
  } else if (lineStyle !== 'solid') return null;
  const strokeStyle = rgba(lineColor);
  return {
    labelled: Boolean(edge.pstyle('label')?.strValue),
    key: `${strokeStyle} ${width} ${dash.join(',')} ${dashOffset}`,
    strokeStyle,
    width,
    dash,
    dashOffset,
    arrowStyle: rgba(arrowColor),
    arrowSize: style('target-arrow-shape') === 'triangle' ? arrowWidth(width, scale) : 0,
  };
}

function isRgb(value: unknown): value is Rgb {
  return Array.isArray(value) && value.length >= 3 && value.slice(0, 3).every((n) => typeof n === 'number');
}

/** A deal's line as Cytoscape placed it (a straight line between its two ends), or null. */
function straightLine(scratch: EdgeScratch): ArrayLike<number> | null {
  const points = scratch.allpts;
  if (scratch.badLine || scratch.edgeType !== 'straight' || !points || points.length !== 4) return null;
  for (let i = 0; i < 4; i++) if (!Number.isFinite(points[i])) return null;
  return points;
}

interface Batch {
  look: EdgeLook;
  lines: number[];
}

/**
 * Draws the plain deals of `eles` onto `context` in batches and returns the elements left for
 * Cytoscape to draw, in their order. `lookOf` gives a deal's look (cached by the caller).
 */
export function drawPlainEdges<E extends DrawnElement>(
  context: CanvasRenderingContext2D,
  eles: readonly E[],
  extent: Box | null | undefined,
  lookOf: (edge: E) => EdgeLook | null,
  labelShown: (edge: E) => boolean,
): E[] {
  const rest: E[] = [];
  const batches = new Map<string, Batch>();
  const arrows = new Map<string, number[]>();
  for (const ele of eles) {
    if (!ele.isEdge()) {
      rest.push(ele);
      continue;
    }
    let look = lookOf(ele);
    if (look?.labelled && labelShown(ele)) look = null;
    const scratch = ele._private.rscratch;
    const line = look ? straightLine(scratch) : null;
    const arrow = look && look.arrowSize > 0 ? arrowhead(scratch) : null;
    if (!look || !line || (look.arrowSize > 0 && !arrow)) {
      rest.push(ele);
      continue;
    }
    if (!ele.visible()) continue;
    const [x1, y1, x2, y2] = [line[0] as number, line[1] as number, line[2] as number, line[3] as number];
    if (extent) {
      // Nothing of the deal reaches further from its line than its width or its arrowhead.
      const pad = Math.max(look.width, look.arrowSize);
      if (Math.max(x1, x2) + pad < extent.x1 || Math.min(x1, x2) - pad > extent.x2 || Math.max(y1, y2) + pad < extent.y1 || Math.min(y1, y2) - pad > extent.y2) continue;
    }
    let batch = batches.get(look.key);
    if (!batch) batches.set(look.key, (batch = { look, lines: [] }));
    batch.lines.push(x1, y1, x2, y2);
    if (arrow) {
      let points = arrows.get(look.arrowStyle);
      if (!points) arrows.set(look.arrowStyle, (points = []));
      const cos = Math.cos(arrow.angle);
      const sin = Math.sin(arrow.angle);
      for (let i = 0; i < TRIANGLE.length; i += 2) {
        const x = TRIANGLE[i] as number;
        const y = TRIANGLE[i + 1] as number;
        points.push((x * cos - y * sin) * look.arrowSize + arrow.x, (x * sin + y * cos) * look.arrowSize + arrow.y);
      }
    }
  }
  if (batches.size === 0) return rest;
  // The settings Cytoscape uses for a deal's line, and what it leaves behind.
  context.lineJoin = 'round';
  context.lineCap = 'butt';
  for (const { look, lines } of batches.values()) {
    context.lineWidth = look.width;
    context.strokeStyle = look.strokeStyle;
    context.setLineDash(look.dash);
    context.lineDashOffset = look.dashOffset;
    context.beginPath();
    for (let i = 0; i < lines.length; i += 4) {
      context.moveTo(lines[i] as number, lines[i + 1] as number);
      context.lineTo(lines[i + 2] as number, lines[i + 3] as number);
    }
    context.stroke();
  }
  context.setLineDash([]);
  for (const [fillStyle, points] of arrows) {
    context.fillStyle = fillStyle;
    context.beginPath();
    for (let i = 0; i < points.length; i += 6) {
      context.moveTo(points[i] as number, points[i + 1] as number);
      context.lineTo(points[i + 2] as number, points[i + 3] as number);
      context.lineTo(points[i + 4] as number, points[i + 5] as number);
      context.closePath();
    }
    context.fill();
  }
  return rest;
}

function arrowhead(scratch: EdgeScratch): { x: number; y: number; angle: number } | null {
  const { arrowEndX: x, arrowEndY: y, tgtArrowAngle: angle } = scratch;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(angle)) return null;
  return { x: x as number, y: y as number, angle: angle as number };
}

/** Installs the batched drawing on `cy`'s renderer; false when the renderer is not the expected one. */
export function drawPlainEdgesInBatches(cy: Core): boolean {
  const renderer = (cy as unknown as { renderer?(): EdgeRenderer | undefined }).renderer?.();
  const stock = renderer?.drawCachedElements;
  const arrowWidth = renderer?.getArrowWidth;
  const textShown = renderer?.eleTextBiggerThanMin;
  if (!renderer || typeof stock !== 'function' || typeof arrowWidth !== 'function' || typeof textShown !== 'function') return false;
  const labelShown = (edge: DrawnElement): boolean => textShown.call(renderer, edge);
  // A deal's look only changes with its style, which Cytoscape fingerprints as its style key.
  const looks = new WeakMap<object, { styleKey: unknown; look: EdgeLook | null }>();
  const lookOf = (edge: DrawnElement): EdgeLook | null => {
    const state = edge._private;
    // Reading a property brings a changed style (and its key) up to date.
    if (state.styleDirty) edge.pstyle('opacity');
    const known = looks.get(state);
    if (known && known.styleKey === state.styleKey && state.styleKey !== undefined) return known.look;
    const look = edgeLook(edge, (width, scale) => arrowWidth.call(renderer, width, scale));
    looks.set(state, { styleKey: state.styleKey, look });
    return look;
  };
  renderer.drawCachedElements = function drawCachedElements(context, eles, pxRatio, extent) {
    stock.call(this, context, drawPlainEdges(context, eles, extent, lookOf, labelShown), pxRatio, extent);
  };
  Object.defineProperty(renderer, STOCK_DRAW_CACHED_ELEMENTS, { value: stock });
  return true;
}
