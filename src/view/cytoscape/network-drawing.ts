/**
 * What the graph exports (GraphML, GEXF) carry of the drawing: each drawn firm's place, size, colour
 * and shape, and each drawn deal's colour, width and line style, read from Cytoscape's computed
 * style, so a graph tool opens the network as it is on screen (dragged firms where they were
 * dropped, firms coloured by a scenario's distress when one is shown).
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { DealDrawing, FirmDrawing, NetworkDrawing } from '../../export/drawing.js';

function hex(element: NodeSingular | EdgeSingular, property: string): string {
  const [r, g, b] = (element as unknown as { pstyle(name: string): { value: [number, number, number] } }).pstyle(property).value;
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function styleValue(element: NodeSingular | EdgeSingular, property: string): string {
  return String((element as unknown as { pstyle(name: string): { value: unknown } }).pstyle(property).value);
}

function pixels(element: NodeSingular | EdgeSingular, property: string): number {
  return (element as unknown as { pstyle(name: string): { pfValue: number } }).pstyle(property).pfValue;
}

export function networkDrawing(cy: Core): NetworkDrawing {
  const firms = new Map<string, FirmDrawing>();
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    firms.set(node.id(), { x, y, width: node.width(), height: node.height(), color: hex(node, 'background-color'), shape: styleValue(node, 'shape') });
  });
  const deals = new Map<string, DealDrawing>();
  cy.edges().forEach((edge) => {
    const line = styleValue(edge, 'line-style');
    deals.set(edge.id(), { color: hex(edge, 'line-color'), width: pixels(edge, 'width'), line: line === 'dashed' || line === 'dotted' ? line : 'solid' });
  });
  return { firms, deals };
}
