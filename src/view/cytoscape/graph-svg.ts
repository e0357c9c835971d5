/**
 * The drawn graph as SVG, written from what Cytoscape shows: each visible firm's shape, border and
 * name, each visible deal's line, arrowhead and label, with their colours, widths, dashes and
 * opacities, at the places and in the order the canvas draws them. cytoscape-svg (canvas2svg)
 * dropped every shape with rounded corners drawn by arcs (octagons, triangles, round diamonds) and
 * wrote labels twice, so the geometry follows Cytoscape's canvas renderer here instead (the
 * version is pinned in package.json): node shapes in svg-shapes.ts, edge ends, arrowheads and label
 * places below. Only public Cytoscape calls are used (positions, endpoints, control points and the
 * computed style of each element).
 *
 * Each firm is a `<g data-firm="id">` (a `path.shape`, then its label), each deal a
 * `<g data-deal="id">` (`path.line`, `path.arrow`, then its label): a graphics desk can select a
 * firm with its name, and a test can count them. Browser only: labels are measured with a canvas.
 * About 300 lines: the node, edge and label geometry follow one renderer and are kept together.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

type Drawn = NodeSingular | EdgeSingular;
import { escapeXmlAttribute, escapeXmlText } from '../../export/xml.js';
import { nodeShapePath } from './svg-shapes.js';

interface Point {
  x: number;
  y: number;
}

/** What `pstyle` gives back: the parsed value, the value in pixels, and the value as written. */
interface Parsed {
  value: unknown;
  pfValue: number;
  strValue: string;
}

function style(element: Drawn, name: string): Parsed {
  return (element as unknown as { pstyle(name: string): Parsed }).pstyle(name);
}

function num(element: Drawn, name: string): number {
  const parsed = style(element, name);
  return typeof parsed.pfValue === 'number' ? parsed.pfValue : Number(parsed.value);
}

function colour(element: Drawn, name: string): string {
  const [r, g, b] = style(element, name).value as [number, number, number];
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function opacityAttribute(name: string, value: number): string {
  return value >= 1 ? '' : ` ${name}="${n(Math.max(0, value))}"`;
}

let measureContext: CanvasRenderingContext2D | null = null;

/** Text width and the distance from the bottom of the em box up to the baseline, as a canvas measures them. */
function measure(text: string, font: string): { width: number; descent: number } {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return { width: text.length * 7, descent: 3 };
  measureContext.font = font;
  const metrics = measureContext.measureText(text);
  const descent = (metrics as TextMetrics & { emHeightDescent?: number }).emHeightDescent ?? metrics.fontBoundingBoxDescent;
  return { width: Math.ceil(metrics.width), descent };
}

/**
 * Whether Cytoscape draws the element's label at this zoom: not when its font would be smaller on
 * screen than `min-zoomed-font-size` (the zoom is rounded up to the renderer's texture level).
 */
function labelShown(element: Drawn, zoom: number, pixelRatio: number): boolean {
  const level = 2 ** Math.ceil(Math.log2(zoom * pixelRatio));
  return num(element, 'font-size') * level >= num(element, 'min-zoomed-font-size');
}

interface LabelPlace {
  /** The point the text's box is placed from (the bottom of the text for node labels below the node). */
  x: number;
  y: number;
  halign: 'left' | 'center' | 'right';
  valign: 'top' | 'center' | 'bottom';
  rotation: number;
}

/** A label's background and text, as Cytoscape's drawText lays them out. */
function labelSvg(element: Drawn, text: string, place: LabelPlace, opacity: number): string {
  const size = num(element, 'font-size');
  const family = style(element, 'font-family').strValue;
  const weight = style(element, 'font-weight').strValue;
  const fontStyle = style(element, 'font-style').strValue;
  const { width, descent } = measure(text, `${fontStyle} ${weight} ${size}px ${family}`);
  const height = size;
  let x = place.x + num(element, 'text-margin-x');
  let y = place.y + num(element, 'text-margin-y');
  const turn = place.rotation === 0 ? '' : ` transform="rotate(${n((place.rotation * 180) / Math.PI)} ${n(x)} ${n(y)})"`;
  if (place.valign === 'center') y += height / 2;
  else if (place.valign === 'bottom') y += height;
  const parts: string[] = [];
  const backgroundOpacity = num(element, 'text-background-opacity');
  if (backgroundOpacity > 0) {
    const padding = num(element, 'text-background-padding');
    const left = x - padding - (place.halign === 'left' ? width : place.halign === 'center' ? width / 2 : 0);
    const rounded = ['round-rectangle', 'roundrectangle'].includes(style(element, 'text-background-shape').strValue);
    parts.push(
      `<rect class="label-background"${turn} x="${n(left)}" y="${n(y - height - padding)}" width="${n(width + 2 * padding)}" height="${n(height + 2 * padding)}"${rounded ? ' rx="2"' : ''} fill="${colour(element, 'text-background-color')}"${opacityAttribute('fill-opacity', backgroundOpacity * opacity)}/>`,
    );
  }
  const anchor = place.halign === 'left' ? 'end' : place.halign === 'right' ? 'start' : 'middle';
  const outline = num(element, 'text-outline-width');
  const outlineAttributes = outline > 0 ? ` stroke="${colour(element, 'text-outline-color')}" stroke-width="${n(2 * outline)}" stroke-linejoin="round" paint-order="stroke"${opacityAttribute('stroke-opacity', num(element, 'text-outline-opacity') * opacity)}` : '';
  parts.push(
    `<text class="label"${turn} x="${n(x)}" y="${n(y - descent)}" text-anchor="${anchor}" font-family="${escapeXmlAttribute(family)}" font-size="${n(size)}"${weight === 'normal' ? '' : ` font-weight="${escapeXmlAttribute(weight)}"`}${fontStyle === 'normal' ? '' : ` font-style="${escapeXmlAttribute(fontStyle)}"`} fill="${colour(element, 'color')}"${opacityAttribute('fill-opacity', opacity)}${outlineAttributes}>${escapeXmlText(text)}</text>`,
  );
  return parts.join('');
}

/** A halo under or over a firm (hover, press), as a rounded rectangle around it. */
function nodeLayer(node: NodeSingular, layer: 'underlay' | 'overlay', width: number, height: number): string {
  const opacity = num(node, `${layer}-opacity`);
  if (opacity <= 0) return '';
  const padding = num(node, `${layer}-padding`);
  const { x, y } = node.position();
  return `<path class="${layer}" d="${nodeShapePath('round-rectangle', x, y, width + 2 * padding, height + 2 * padding)}" fill="${colour(node, `${layer}-color`)}"${opacityAttribute('fill-opacity', opacity)}/>`;
}

function nodeSvg(node: NodeSingular, zoom: number, pixelRatio: number): string {
  const { x, y } = node.position();
  // Padding is a node style Cytoscape adds to the drawn size (its typings leave the getter out).
  const padding = (node as NodeSingular & { padding(): number }).padding();
  const width = node.width() + 2 * padding;
  const height = node.height() + 2 * padding;
  const opacity = node.effectiveOpacity();
  const shape = String(style(node, 'shape').value);
  const borderWidth = num(node, 'border-width');
  const borderStyle = String(style(node, 'border-style').value);
  const dash = borderStyle === 'dotted' ? ' stroke-dasharray="1 1"' : borderStyle === 'dashed' ? ' stroke-dasharray="4 2"' : '';
  const border = borderWidth > 0 ? ` stroke="${colour(node, 'border-color')}" stroke-width="${n(borderWidth)}"${opacityAttribute('stroke-opacity', num(node, 'border-opacity') * opacity)}${dash}` : '';
  const parts = [
    nodeLayer(node, 'underlay', width, height),
    `<path class="shape" d="${nodeShapePath(shape, x, y, width, height)}" fill="${colour(node, 'background-color')}"${opacityAttribute('fill-opacity', num(node, 'background-opacity') * opacity)}${border}/>`,
    nodeLayer(node, 'overlay', width, height),
  ];
  const text = style(node, 'label').strValue;
  if (text && labelShown(node, zoom, pixelRatio) && num(node, 'text-opacity') > 0) {
    const halign = style(node, 'text-halign').strValue;
    const valign = style(node, 'text-valign').strValue;
    const place: LabelPlace = {
      x: halign === 'left' ? x - width / 2 : halign === 'right' ? x + width / 2 : x,
      y: valign === 'top' ? y - height / 2 : valign === 'bottom' ? y + height / 2 : y,
      halign: halign === 'left' ? 'left' : halign === 'right' ? 'right' : 'center',
      valign: valign === 'top' ? 'top' : valign === 'bottom' ? 'bottom' : 'center',
      rotation: 0,
    };
    parts.push(labelSvg(node, text, place, opacity * num(node, 'text-opacity')));
  }
  return `<g data-firm="${escapeXmlAttribute(node.id())}">${parts.join('')}</g>`;
}

/** Moves `from` towards `towards` by `amount` (Cytoscape's shortenIntersection). */
function shorten(from: Point, towards: Point, amount: number): Point {
  const dx = from.x - towards.x;
  const dy = from.y - towards.y;
  const length = Math.hypot(dx, dy);
  const ratio = length === 0 ? 1 : Math.max(0.00001, (length - amount) / length);
  return { x: towards.x + ratio * dx, y: towards.y + ratio * dy };
}

function quadraticAt(p0: Point, p1: Point, p2: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x, y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y };
}

/** The arrowhead's gap: Cytoscape ends the line this far before the arrow's tip, under the arrow. */
function arrowGap(edge: EdgeSingular, end: 'source' | 'target'): number {
  return style(edge, `${end}-arrow-shape`).value === 'none' ? 0 : num(edge, 'width') * num(edge, 'arrow-scale') * 2;
}

/** Path data of the line and the points it runs through (start, control points and their midpoints, end). */
function edgeGeometry(edge: EdgeSingular): { points: Point[]; curved: boolean; tip: Point; tail: Point } {
  const tail = edge.sourceEndpoint();
  const tip = edge.targetEndpoint();
  const controls = (edge.controlPoints() as Point[] | undefined) ?? [];
  const beforeTip = controls.length > 0 ? controls[controls.length - 1]! : edge.source().position();
  const afterTail = controls.length > 0 ? controls[0]! : edge.target().position();
  const start = shorten(tail, afterTail, arrowGap(edge, 'source'));
  const end = shorten(tip, beforeTip, arrowGap(edge, 'target'));
  if (controls.length === 0) return { points: [start, end], curved: false, tip, tail };
  const points: Point[] = [start];
  controls.forEach((c, i) => {
    points.push(c);
    const next = controls[i + 1];
    if (next) points.push({ x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 });
  });
  points.push(end);
  return { points, curved: true, tip, tail };
}

function pathData(points: Point[], curved: boolean): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (!curved) return `M${n(first.x)} ${n(first.y)} ${rest.map((p) => `L${n(p.x)} ${n(p.y)}`).join(' ')}`;
  const segments: string[] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) segments.push(`Q${n(rest[i]!.x)} ${n(rest[i]!.y)} ${n(rest[i + 1]!.x)} ${n(rest[i + 1]!.y)}`);
  return `M${n(first.x)} ${n(first.y)} ${segments.join(' ')}`;
}

/** Cytoscape's triangle arrowhead at the tip, pointing along the line's last direction. */
function arrowPath(edge: EdgeSingular, points: Point[], curved: boolean, tip: Point, tail: Point): string {
  const l = points.length;
  let from: Point;
  if (curved && l >= 3) from = quadraticAt(points[l - 3]!, points[l - 2]!, points[l - 1]!, 0.9);
  else {
    const start = points[0]!;
    const end = points[l - 1]!;
    from = { x: (start.x + end.x + tail.x + tip.x) / 4, y: (start.y + end.y + tail.y + tip.y) / 4 };
  }
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x) - Math.PI / 2;
  const size = Math.max(Math.pow(num(edge, 'width') * 13.37, 0.9), 29) * num(edge, 'arrow-scale');
  const corners = [-0.15, -0.3, 0, 0, 0.15, -0.3];
  const out: string[] = [];
  for (let i = 0; i < corners.length; i += 2) {
    const x = corners[i]!;
    const y = corners[i + 1]!;
    out.push(`${i === 0 ? 'M' : 'L'}${n((x * Math.cos(angle) - y * Math.sin(angle)) * size + tip.x)} ${n((x * Math.sin(angle) + y * Math.cos(angle)) * size + tip.y)}`);
  }
  return `${out.join(' ')} Z`;
}

/** The angle an auto-rotated deal label takes: along the line at its middle, never upside down. */
function labelAngle(points: Point[], curved: boolean, tip: Point, tail: Point): number {
  let dx = tip.x - tail.x;
  let dy = tip.y - tail.y;
  // Two or more control points (a loop back to the same firm): the tangent at the middle.
  if (curved && points.length > 3) {
    const controls = (points.length - 1) / 2;
    const middle = Math.floor(points.length / 2);
    const a = controls % 2 === 0 ? points[middle]! : quadraticAt(points[middle - 1]!, points[middle]!, points[middle + 1]!, 0.4999);
    const b = controls % 2 === 0 ? quadraticAt(points[middle]!, points[middle + 1]!, points[middle + 2]!, 0.0001) : quadraticAt(points[middle - 1]!, points[middle]!, points[middle + 1]!, 0.5);
    dx = b.x - a.x;
    dy = b.y - a.y;
  }
  const angle = Math.atan(dy / dx);
  return dx === 0 && angle < 0 ? -angle : angle;
}

function edgeLayer(edge: EdgeSingular, layer: 'underlay' | 'overlay', d: string): string {
  const opacity = num(edge, `${layer}-opacity`);
  if (opacity <= 0) return '';
  return `<path class="${layer}" d="${d}" fill="none" stroke="${colour(edge, `${layer}-color`)}" stroke-width="${n(2 * num(edge, `${layer}-padding`))}" stroke-linecap="round"${opacityAttribute('stroke-opacity', opacity)}/>`;
}

function edgeSvg(edge: EdgeSingular, zoom: number, pixelRatio: number): string {
  const { points, curved, tip, tail } = edgeGeometry(edge);
  // Cytoscape draws no line between firms that overlap (it has no endpoints): neither does the SVG.
  if (points.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) return `<g data-deal="${escapeXmlAttribute(edge.id())}"/>`;
  const d = pathData(points, curved);
  const opacity = num(edge, 'opacity') * num(edge, 'line-opacity');
  const lineStyle = String(style(edge, 'line-style').value);
  const pattern = (style(edge, 'line-dash-pattern').pfValue as unknown as number[] | undefined) ?? [6, 3];
  const dash = lineStyle === 'dotted' ? ' stroke-dasharray="1 1"' : lineStyle === 'dashed' ? ` stroke-dasharray="${pattern.map(n).join(' ')}"` : '';
  const cap = String(style(edge, 'line-cap').value);
  const parts = [
    edgeLayer(edge, 'underlay', d),
    `<path class="line" d="${d}" fill="none" stroke="${colour(edge, 'line-color')}" stroke-width="${n(num(edge, 'width'))}" stroke-linejoin="round"${cap === 'butt' ? '' : ` stroke-linecap="${escapeXmlAttribute(cap)}"`}${dash}${opacityAttribute('stroke-opacity', opacity)}/>`,
  ];
  if (style(edge, 'target-arrow-shape').value !== 'none') {
    parts.push(`<path class="arrow" d="${arrowPath(edge, points, curved, tip, tail)}" fill="${colour(edge, 'target-arrow-color')}"${opacityAttribute('fill-opacity', opacity)}/>`);
  }
  parts.push(edgeLayer(edge, 'overlay', d));
  const text = style(edge, 'label').strValue;
  if (text && labelShown(edge, zoom, pixelRatio) && num(edge, 'text-opacity') > 0) {
    const middle = edge.midpoint();
    const rotation = style(edge, 'text-rotation').strValue === 'autorotate' ? labelAngle(points, curved, tip, tail) : style(edge, 'text-rotation').strValue === 'none' ? 0 : num(edge, 'text-rotation');
    parts.push(labelSvg(edge, text, { x: middle.x, y: middle.y, halign: 'center', valign: 'center', rotation }, edge.effectiveOpacity() * num(edge, 'text-opacity')));
  }
  return `<g data-deal="${escapeXmlAttribute(edge.id())}">${parts.join('')}</g>`;
}

/** Cytoscape's drawing order: edges under nodes unless `z-index-compare` is manual, then z-index, then age. */
function drawingOrder(cy: Core): Drawn[] {
  const elements = cy.elements(':visible').toArray() as Drawn[];
  const rank = (e: Drawn): number => (style(e, 'z-index-compare').value === 'manual' ? 0 : e.isNode() ? 1 : 0);
  return elements
    .map((element, index) => ({ element, index, rank: rank(element), z: Number(style(element, 'z-index').value) }))
    .sort((a, b) => a.rank - b.rank || a.z - b.z || a.index - b.index)
    .map((e) => e.element);
}

/**
 * The graph as Cytoscape shows it in its viewport: an `<svg>` element (no XML declaration) of the
 * viewport's size, to nest in a larger picture at (x, y). `pixelRatio` is the screen's, which
 * decides, with the zoom, which labels are large enough to be drawn.
 */
export function graphAsSvg(cy: Core, x: number, y: number, pixelRatio = globalThis.devicePixelRatio || 1): string {
  const width = Math.round(cy.width());
  const height = Math.round(cy.height());
  const zoom = cy.zoom();
  const pan = cy.pan();
  const body = drawingOrder(cy)
    .map((element) => (element.isNode() ? nodeSvg(element as NodeSingular, zoom, pixelRatio) : edgeSvg(element as EdgeSingular, zoom, pixelRatio)))
    .join('');
  return `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" overflow="hidden"><g transform="matrix(${zoom} 0 0 ${zoom} ${n(pan.x)} ${n(pan.y)})">${body}</g></svg>`;
}
