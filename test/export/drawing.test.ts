/**
 * The picture in the network exports: GEXF's viz namespace and GraphML's yEd graphics and Gephi
 * attributes carry each drawn firm's place, size, colour and shape and each deal's colour and width,
 * and graph readers read them back.
 */
import { XMLParser } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGEXF } from 'graphology-gexf';
import { parse as parseGraphML } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { gexfShape, rgbOf, yedShape, type DealDrawing, type FirmDrawing, type NetworkDrawing } from '../../src/export/drawing.js';
import { toGEXF } from '../../src/export/gexf.js';
import { toGraphML } from '../../src/export/graphml.js';
import type { FirmGraph } from '../../src/model/graph.js';
import { shippedGraph } from '../fixtures/shipped.js';

const SHAPES = ['ellipse', 'round-rectangle', 'hexagon', 'diamond', 'rectangle', 'round-triangle', 'barrel', 'round-octagon', 'tag', 'round-diamond'];
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];

/** A drawing of every firm but the first (left undrawn) and every other deal, from their order. */
function drawingOf(graph: FirmGraph): NetworkDrawing {
  const firms = new Map<string, FirmDrawing>();
  graph.nodes().forEach((id, i) => {
    if (i > 0) firms.set(id, { x: i * 37.125, y: 100 - i * 11.5, width: 20 + i, height: 20 + i, color: COLORS[i % COLORS.length]!, shape: SHAPES[i % SHAPES.length]! });
  });
  const deals = new Map<string, DealDrawing>();
  graph.edges().forEach((id, i) => {
    if (i % 2 === 0) deals.set(id, { color: COLORS[(i + 1) % COLORS.length]!, width: 1.5 + (i % 7), line: i % 3 === 0 ? 'dashed' : 'solid' });
  });
  return { firms, deals };
}

const lower = (color: string): string => color.toLowerCase();
const rgbText = (color: string): string => {
  const { r, g, b } = rgbOf(color)!;
  return `rgb(${r},${g},${b})`;
};

describe('the drawing in GEXF', () => {
  it('graphology-gexf reads back every drawn firm at its place (y upwards), size, colour and shape, and each drawn deal', () => {
    const graph = shippedGraph();
    const drawing = drawingOf(graph);
    const parsed = parseGEXF(MultiDirectedGraph, toGEXF(graph, { drawing }));
    graph.forEachNode((id) => {
      const drawn = drawing.firms.get(id);
      const attributes = parsed.getNodeAttributes(id);
      if (!drawn) {
        expect(attributes, id).not.toHaveProperty('x');
        expect(attributes, id).not.toHaveProperty('color');
        return;
      }
      expect(attributes, id).toMatchObject({ x: Math.round(drawn.x * 100) / 100, y: -drawn.y, size: drawn.width, color: rgbText(drawn.color!), shape: gexfShape(drawn.shape) });
    });
    graph.forEachEdge((id) => {
      const drawn = drawing.deals!.get(id);
      const attributes = parsed.getEdgeAttributes(id);
      if (drawn) expect(attributes, id).toMatchObject({ color: rgbText(drawn.color!), thickness: drawn.width, shape: drawn.line });
      else expect(attributes, id).not.toHaveProperty('color');
    });
  });

  it('writes the GEXF 1.3 viz namespace: viz:position x y, viz:color r g b, viz:size, viz:shape', () => {
    const graph = shippedGraph();
    const xml = toGEXF(graph, { drawing: drawingOf(graph) });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      gexf: { 'xmlns:viz': string; version: string; graph: { nodes: { node: Array<Record<string, unknown> & { id: string }> } } };
    };
    expect(doc.gexf.version).toBe('1.3');
    expect(doc.gexf['xmlns:viz']).toBe('http://gexf.net/1.3/viz');
    const drawn = doc.gexf.graph.nodes.node.find((n) => n.id === graph.nodes()[1])!;
    expect(drawn['viz:position']).toEqual({ x: '37.13', y: '-88.5', z: '0' });
    expect(drawn['viz:color']).toEqual({ r: String(rgbOf(COLORS[1])!.r), g: String(rgbOf(COLORS[1])!.g), b: String(rgbOf(COLORS[1])!.b) });
    expect(drawn['viz:size']).toEqual({ value: '21' });
    expect(drawn['viz:shape']).toEqual({ value: gexfShape(SHAPES[1]) });
    const undrawn = doc.gexf.graph.nodes.node.find((n) => n.id === graph.nodes()[0])!;
    expect(Object.keys(undrawn).filter((k) => k.startsWith('viz:'))).toEqual([]);
  });

  it('without a drawing, the file is as before (no viz element)', () => {
    expect(toGEXF(shippedGraph())).not.toContain('<viz:');
  });
});

describe('the drawing in GraphML', () => {
  it('graphology-graphml reads back the x, y (upwards), size and colour Gephi reads', () => {
    const graph = shippedGraph();
    const drawing = drawingOf(graph);
    const parsed = parseGraphML(MultiDirectedGraph, toGraphML(graph, { drawing }));
    graph.forEachNode((id) => {
      const drawn = drawing.firms.get(id);
      const attributes = parsed.getNodeAttributes(id);
      if (!drawn) return void expect(attributes, id).not.toHaveProperty('x');
      // graphology-graphml joins r, g and b into one colour.
      expect(attributes, id).toMatchObject({ x: Math.round(drawn.x * 100) / 100, y: -drawn.y, size: drawn.width, color: lower(drawn.color!) });
    });
    graph.forEachEdge((id) => {
      const drawn = drawing.deals!.get(id);
      if (drawn) expect(parsed.getEdgeAttribute(id, 'color'), id).toBe(lower(drawn.color!));
    });
  });

  it("writes yEd's y:ShapeNode (geometry, fill, shape, label) and y:PolyLineEdge through the yfiles keys", () => {
    const graph = shippedGraph();
    const drawing = drawingOf(graph);
    const xml = toGraphML(graph, { drawing });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name) }).parse(xml) as {
      graphml: {
        'xmlns:y': string;
        key: Array<Record<string, string>>;
        graph: { node: Array<{ id: string; data: Array<Record<string, unknown> & { key: string }> }>; edge: Array<{ id: string; data: Array<Record<string, unknown> & { key: string }> }> };
      };
    };
    expect(doc.graphml['xmlns:y']).toBe('http://www.yworks.com/xml/graphml');
    expect(doc.graphml.key.filter((k) => k['yfiles.type']).map((k) => `${k.for}:${k['yfiles.type']}`)).toEqual(['node:nodegraphics', 'edge:edgegraphics']);
    for (const node of doc.graphml.graph.node) {
      const drawn = drawing.firms.get(node.id);
      const graphics = node.data.find((d) => d.key === 'n_graphics') as { 'y:ShapeNode': Record<string, Record<string, string> | string> } | undefined;
      if (!drawn) {
        expect(graphics, node.id).toBeUndefined();
        continue;
      }
      const shapeNode = graphics!['y:ShapeNode'];
      const width = drawn.width!;
      expect(shapeNode['y:Geometry'], node.id).toEqual({ x: String(Math.round((drawn.x - width / 2) * 100) / 100), y: String(Math.round((drawn.y - width / 2) * 100) / 100), width: String(width), height: String(width) });
      expect(shapeNode['y:Fill'], node.id).toEqual({ color: drawn.color, transparent: 'false' });
      expect(shapeNode['y:Shape'], node.id).toEqual({ type: yedShape(drawn.shape) });
      expect(shapeNode['y:NodeLabel'], node.id).toMatchObject({ '#text': graph.getNodeAttribute(node.id, 'name') });
    }
    for (const edge of doc.graphml.graph.edge) {
      const drawn = drawing.deals!.get(edge.id);
      const graphics = edge.data.find((d) => d.key === 'e_graphics') as { 'y:PolyLineEdge': Record<string, Record<string, string>> } | undefined;
      if (!drawn) continue;
      expect(graphics!['y:PolyLineEdge']['y:LineStyle'], edge.id).toEqual({ color: drawn.color, type: drawn.line === 'dashed' ? 'dashed' : 'line', width: String(drawn.width) });
      expect(graphics!['y:PolyLineEdge']['y:Arrows'], edge.id).toEqual({ source: 'none', target: 'standard' });
    }
  });

  it('maps every shape of the palette to a shape yEd and GEXF know', () => {
    const yed = new Set(['rectangle', 'roundrectangle', 'ellipse', 'parallelogram', 'hexagon', 'octagon', 'diamond', 'triangle', 'trapezoid', 'trapezoid2', 'rectangle3d']);
    for (const shape of SHAPES) {
      expect(yed.has(yedShape(shape)), shape).toBe(true);
      expect(['disc', 'square', 'triangle', 'diamond'], shape).toContain(gexfShape(shape));
    }
    expect(yedShape('round-octagon')).toBe('octagon');
    expect(gexfShape('round-octagon')).toBe('disc');
    expect(gexfShape('round-triangle')).toBe('triangle');
  });
});
