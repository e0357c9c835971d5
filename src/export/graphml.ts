/**
 * GraphML 1.0 export of a (filtered) firm graph, for yEd, Gephi, Cytoscape desktop and NetworkX.
 * graphology-graphml only reads, so this writes the XML itself: one directed graph, a `<key>` per
 * attribute with its type, firms as nodes and deals as edges keyed by deal id (parallel deals kept).
 * Given the drawing, it also carries the picture: yEd's graphics (y:ShapeNode with its geometry,
 * fill, shape and label; y:PolyLineEdge with colour, width and arrow) and the plain x, y, size, r,
 * g, b attributes Gephi reads (Gephi's y grows upwards, so y is written negated there).
 */
import type { FirmGraph } from '../model/graph.js';
import { attributeRecord, DEAL_ATTRIBUTES, FIRM_ATTRIBUTES, type AttributeSpec, type AttributeValue } from './attributes.js';
import { coordinate, rgbOf, yedShape, type DealDrawing, type FirmDrawing, type NetworkDrawing } from './drawing.js';
import { escapeXmlAttribute, escapeXmlText, isXmlSafe } from './xml.js';

export interface GraphMLOptions {
  /** Written as the graph's `title` data, e.g. which filters made the view. */
  title?: string;
  /** Positions, sizes and colours of the firms and deals, to open the picture as drawn. */
  drawing?: NetworkDrawing;
}

interface Key {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: AttributeSpec<unknown>['type'] | 'int';
}

// Key ids carry a prefix: GraphML ids are shared by node and edge keys (both have a `note`), and
// Gephi treats bare ids such as `d3` or `label` as its own properties.
const GRAPH_KEYS: readonly Key[] = [{ id: 'g_title', for: 'graph', name: 'title', type: 'string' }];
// Gephi and yEd's property mapper show a node attribute named `label`; the firm name is the label.
const NODE_KEYS: readonly Key[] = [
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  ...FIRM_ATTRIBUTES.map((a): Key => ({ id: `n_${a.name}`, for: 'node', name: a.name, type: a.type })),
];
const EDGE_KEYS: readonly Key[] = DEAL_ATTRIBUTES.map((a): Key => ({ id: `e_${a.name}`, for: 'edge', name: a.name, type: a.type }));
// The drawing, as Gephi's GraphML import reads it (attributes named x, y, size, r, g, b).
const NODE_DRAWING_KEYS: readonly Key[] = [
  { id: 'n_x', for: 'node', name: 'x', type: 'double' },
  { id: 'n_y', for: 'node', name: 'y', type: 'double' },
  { id: 'n_size', for: 'node', name: 'size', type: 'double' },
  { id: 'n_r', for: 'node', name: 'r', type: 'int' },
  { id: 'n_g', for: 'node', name: 'g', type: 'int' },
  { id: 'n_b', for: 'node', name: 'b', type: 'int' },
];
const EDGE_DRAWING_KEYS: readonly Key[] = [
  { id: 'e_r', for: 'edge', name: 'r', type: 'int' },
  { id: 'e_g', for: 'edge', name: 'g', type: 'int' },
  { id: 'e_b', for: 'edge', name: 'b', type: 'int' },
];
/** yEd reads its graphics from data of these keys (no attribute name: they are not columns). */
const YED_KEYS = ['  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>', '  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>'];

function nodeDrawingLines(drawn: FirmDrawing, name: string, indent: string): string[] {
  const width = coordinate(drawn.width ?? 30);
  const height = coordinate(drawn.height ?? width);
  const rgb = rgbOf(drawn.color);
  const lines = [
    `${indent}<data key="n_x">${coordinate(drawn.x)}</data>`,
    `${indent}<data key="n_y">${coordinate(-drawn.y)}</data>`,
    `${indent}<data key="n_size">${width}</data>`,
    ...(rgb ? [`${indent}<data key="n_r">${rgb.r}</data>`, `${indent}<data key="n_g">${rgb.g}</data>`, `${indent}<data key="n_b">${rgb.b}</data>`] : []),
  ];
  const fill = rgb ? `<y:Fill color="${escapeXmlAttribute(drawn.color ?? '')}" transparent="false"/>` : '';
  lines.push(
    `${indent}<data key="n_graphics"><y:ShapeNode><y:Geometry x="${coordinate(drawn.x - width / 2)}" y="${coordinate(drawn.y - height / 2)}" width="${width}" height="${height}"/>${fill}<y:BorderStyle color="#333333" type="line" width="1.0"/><y:NodeLabel modelName="sides" modelPosition="s">${escapeXmlText(name)}</y:NodeLabel><y:Shape type="${yedShape(drawn.shape)}"/></y:ShapeNode></data>`,
  );
  return lines;
}

function edgeDrawingLines(drawn: DealDrawing, indent: string): string[] {
  const rgb = rgbOf(drawn.color);
  const line = drawn.line === 'dashed' ? 'dashed' : drawn.line === 'dotted' ? 'dotted' : 'line';
  return [
    ...(rgb ? [`${indent}<data key="e_r">${rgb.r}</data>`, `${indent}<data key="e_g">${rgb.g}</data>`, `${indent}<data key="e_b">${rgb.b}</data>`] : []),
    `${indent}<data key="e_graphics"><y:PolyLineEdge><y:LineStyle color="${rgb ? escapeXmlAttribute(drawn.color ?? '') : '#000000'}" type="${line}" width="${coordinate(drawn.width ?? 1)}"/><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>`,
  ];
}

/** An id written as an XML attribute; refused rather than silently changed, since edges refer to it. */
function xmlId(id: string, what: string): string {
  if (!isXmlSafe(id)) throw new Error(`roundtrip/export: ${what} id ${JSON.stringify(id)} holds characters XML cannot store`);
  return escapeXmlAttribute(id);
}

function dataValue(value: AttributeValue): string {
  return typeof value === 'string' ? escapeXmlText(value) : String(value);
}

function dataLines(prefix: string, record: Record<string, AttributeValue>, indent: string): string[] {
  return Object.entries(record).map(([name, value]) => `${indent}<data key="${prefix}${name}">${dataValue(value)}</data>`);
}

/** The graph as a GraphML 1.0 document (UTF-8). */
export function toGraphML(graph: FirmGraph, options: GraphMLOptions = {}): string {
  const drawing = options.drawing;
  const keys = [...(options.title === undefined ? [] : GRAPH_KEYS), ...NODE_KEYS, ...EDGE_KEYS, ...(drawing ? [...NODE_DRAWING_KEYS, ...EDGE_DRAWING_KEYS] : [])];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    drawing
      ? '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">'
      : '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`),
    ...(drawing ? YED_KEYS : []),
    '  <graph id="roundtrip" edgedefault="directed">',
  ];
  if (options.title !== undefined) lines.push(`    <data key="g_title">${escapeXmlText(options.title)}</data>`);
  graph.forEachNode((id, entity) => {
    lines.push(`    <node id="${xmlId(id, 'firm')}">`);
    lines.push(...dataLines('n_', { label: entity.name, ...attributeRecord(FIRM_ATTRIBUTES, entity, graph) }, '      '));
    const drawn = drawing?.firms.get(id);
    if (drawn) lines.push(...nodeDrawingLines(drawn, entity.name, '      '));
    lines.push('    </node>');
  });
  graph.forEachEdge((id, deal, source, target) => {
    lines.push(`    <edge id="${xmlId(id, 'deal')}" source="${xmlId(source, 'firm')}" target="${xmlId(target, 'firm')}">`);
    lines.push(...dataLines('e_', attributeRecord(DEAL_ATTRIBUTES, deal, graph), '      '));
    const drawn = drawing?.deals?.get(id);
    if (drawn) lines.push(...edgeDrawingLines(drawn, '      '));
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
