/**
 * How the network is drawn, for the GraphML and GEXF exports to carry: each firm's place, size,
 * colour and shape, and each deal's colour, width and line style, as the explorer draws them. The
 * exporters take it as given (the explorer reads it from its drawing; the CLI has positions from a
 * precomputed layout), so this module knows nothing of any renderer.
 */

export interface FirmDrawing {
  /** The centre, in the layout's units, y growing downwards (as on screen). */
  x: number;
  y: number;
  /** Width and height of the firm's shape. */
  width?: number;
  height?: number;
  /** `#rrggbb`. */
  color?: string;
  /** The explorer's (Cytoscape's) shape name: ellipse, round-rectangle, hexagon, … */
  shape?: string;
}

export interface DealDrawing {
  /** `#rrggbb`. */
  color?: string;
  width?: number;
  line?: 'solid' | 'dashed' | 'dotted';
}

export interface NetworkDrawing {
  /** By firm id; a firm missing here is written without position or colour. */
  firms: ReadonlyMap<string, FirmDrawing>;
  /** By deal id. */
  deals?: ReadonlyMap<string, DealDrawing>;
}

/** `#rrggbb` (or `#rgb`) as red, green and blue from 0 to 255; null when it is not such a colour. */
export function rgbOf(color: string | undefined): { r: number; g: number; b: number } | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color ?? '');
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}

/** The nearest of GEXF 1.3's node shapes (disc, square, triangle, diamond). */
export function gexfShape(shape: string | undefined): 'disc' | 'square' | 'triangle' | 'diamond' | undefined {
  switch (shape) {
    case undefined:
      return undefined;
    case 'triangle':
    case 'round-triangle':
      return 'triangle';
    case 'diamond':
    case 'round-diamond':
      return 'diamond';
    case 'rectangle':
    case 'square':
    case 'round-rectangle':
    case 'roundrectangle':
    case 'barrel':
    case 'tag':
    case 'round-tag':
      return 'square';
    default:
      return 'disc';
  }
}

/** yEd's ShapeNode shape nearest to the explorer's. */
export function yedShape(shape: string | undefined): string {
  switch (shape) {
    case undefined:
    case 'ellipse':
      return 'ellipse';
    case 'rectangle':
    case 'square':
    case 'tag':
      return 'rectangle';
    case 'round-rectangle':
    case 'roundrectangle':
    case 'barrel':
      return 'roundrectangle';
    case 'hexagon':
    case 'round-hexagon':
      return 'hexagon';
    case 'octagon':
    case 'round-octagon':
      return 'octagon';
    case 'diamond':
    case 'round-diamond':
      return 'diamond';
    case 'triangle':
    case 'round-triangle':
      return 'triangle';
    default:
      return 'ellipse';
  }
}

/** A number written into a file: finite, at most two decimals (a hundredth of a pixel). */
export function coordinate(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}
