import { describe, expect, it } from 'vitest';
import { KIND_STYLE } from '../../src/view/palette.js';
import { nodeShapePath, SVG_NODE_SHAPES } from '../../src/view/cytoscape/svg-shapes.js';

/** The coordinates a path's commands pass through (end points and control points). */
function coordinates(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [, command, args] of d.matchAll(/([MLQAZ])([^MLQAZ]*)/g)) {
    const values = (args ?? '').trim().split(/[ ,]+/).filter(Boolean).map(Number);
    if (command === 'A') for (let i = 0; i + 6 < values.length; i += 7) out.push([values[i + 5]!, values[i + 6]!]);
    else for (let i = 0; i + 1 < values.length; i += 2) out.push([values[i]!, values[i + 1]!]);
  }
  return out;
}

describe('nodeShapePath', () => {
  it('draws every shape of the palette as a closed path inside the node box, touching its sides', () => {
    for (const { shape } of Object.values(KIND_STYLE)) {
      expect(SVG_NODE_SHAPES, shape).toContain(shape);
      const d = nodeShapePath(shape, 100, 50, 40, 30);
      expect(d, shape).toMatch(/^M.* Z$/);
      const points = coordinates(d);
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      expect(Math.min(...xs), shape).toBeGreaterThanOrEqual(80 - 0.01);
      expect(Math.max(...xs), shape).toBeLessThanOrEqual(120 + 0.01);
      expect(Math.min(...ys), shape).toBeGreaterThanOrEqual(35 - 0.01);
      expect(Math.max(...ys), shape).toBeLessThanOrEqual(65 + 0.01);
      // Each shape spans most of its box (none is drawn small); rounded corners end short of the sides.
      expect(Math.max(...xs) - Math.min(...xs), shape).toBeGreaterThan(0.8 * 40);
      // An ellipse is two half arcs between its left and right ends: its height is in the radii.
      if (shape === 'ellipse') expect(d).toContain('A20 15 ');
      else expect(Math.max(...ys) - Math.min(...ys), shape).toBeGreaterThan(0.8 * 30);
    }
  });

  it('rounds the corners of round polygons with arcs, and keeps plain polygons sharp', () => {
    expect(nodeShapePath('round-octagon', 0, 0, 40, 40)).toContain('A');
    expect(nodeShapePath('octagon', 0, 0, 40, 40)).not.toContain('A');
    // An octagon has eight corners: eight arcs when rounded, eight points when not.
    expect(nodeShapePath('round-octagon', 0, 0, 40, 40).match(/A/g)).toHaveLength(8);
    expect(coordinates(nodeShapePath('octagon', 0, 0, 40, 40))).toHaveLength(8);
    expect(nodeShapePath('round-triangle', 0, 0, 40, 40).match(/A/g)).toHaveLength(3);
    expect(nodeShapePath('round-diamond', 0, 0, 40, 40).match(/A/g)).toHaveLength(4);
  });

  it('a triangle points up, as Cytoscape draws it', () => {
    const points = coordinates(nodeShapePath('triangle', 0, 0, 40, 40));
    expect(points).toHaveLength(3);
    const top = points.filter(([, y]) => Math.abs(y + 20) < 0.01);
    expect(top).toEqual([[0, -20]]);
  });
});
