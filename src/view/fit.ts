/**
 * The zoom and pan that fit a set of firms on screen, worked out from their positions, sizes and
 * names alone. Cytoscape's own fit measures every element's drawn box, which means styling and
 * measuring thousands of deals before the first picture; the firms' boxes bound the deals between
 * them, so this gives the same view without that work.
 */

export interface FirmBox {
  x: number;
  y: number;
  /** Node diameter, model pixels. */
  size: number;
  /** The name drawn below the node. */
  label: string;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface FitOptions {
  /** Screen pixels kept free around the firms. */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** Label font size and the gap between node and label, model pixels (as in the stylesheet). */
  fontSize: number;
  labelGap: number;
}

/** Average glyph width of a proportional sans-serif font, as a fraction of its size. */
const GLYPH_WIDTH = 0.6;

export function fitViewport(firms: Iterable<FirmBox>, width: number, height: number, options: FitOptions): Viewport | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const firm of firms) {
    const half = firm.size / 2;
    const labelHalf = (firm.label.length * options.fontSize * GLYPH_WIDTH) / 2 + 2;
    const halfWidth = Math.max(half, labelHalf);
    x1 = Math.min(x1, firm.x - halfWidth);
    x2 = Math.max(x2, firm.x + halfWidth);
    y1 = Math.min(y1, firm.y - half);
    y2 = Math.max(y2, firm.y + half + (firm.label ? options.labelGap + options.fontSize * 1.3 + 4 : 0));
  }
  if (!Number.isFinite(x1) || width <= 0 || height <= 0) return null;
  const availableWidth = Math.max(1, width - 2 * options.padding);
  const availableHeight = Math.max(1, height - 2 * options.padding);
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, Math.min(availableWidth / Math.max(1, x2 - x1), availableHeight / Math.max(1, y2 - y1))));
  return { zoom, pan: { x: width / 2 - zoom * ((x1 + x2) / 2), y: height / 2 - zoom * ((y1 + y2) / 2) } };
}
