import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { drawPlainEdges, drawPlainEdgesInBatches, edgeLook, type DrawnElement, type EdgeLook } from '../../src/view/cytoscape/edge-batches.js';

/** The style of a plain deal as Cytoscape reports it; `overrides` change single properties. */
function plainStyle(overrides: Record<string, unknown> = {}): Record<string, { value?: unknown; pfValue?: unknown; strValue?: string }> {
  const values: Record<string, unknown> = {
    'curve-style': 'straight',
    opacity: 1,
    'line-opacity': 1,
    'line-fill': 'solid',
    'line-cap': 'butt',
    'line-outline-width': 0,
    ghost: 'no',
    'overlay-opacity': 0,
    'underlay-opacity': 0,
    'z-index': 0,
    'source-arrow-shape': 'none',
    'mid-source-arrow-shape': 'none',
    'mid-target-arrow-shape': 'none',
    'target-arrow-shape': 'triangle',
    'target-arrow-fill': 'filled',
    'line-color': [10, 20, 30],
    'target-arrow-color': [40, 50, 60],
    'line-style': 'solid',
    'arrow-scale': 2,
    width: 3,
    'line-dash-pattern': [6, 3],
    'line-dash-offset': 0,
    ...overrides,
  };
  const style: Record<string, { value?: unknown; pfValue?: unknown; strValue?: string }> = {};
  for (const [name, value] of Object.entries(values)) style[name] = { value, pfValue: value };
  for (const name of ['label', 'source-label', 'target-label']) style[name] = { value: values[name] ?? '', strValue: String(values[name] ?? '') };
  return style;
}

interface FakeEdge {
  id: string;
  _private: { styleKey: unknown; styleDirty?: boolean; rscratch: Record<string, unknown> };
  isEdge(): boolean;
  visible(): boolean;
  pstyle(name: string): { value?: unknown; pfValue?: unknown; strValue?: string } | undefined;
}

function fakeEdge(id: string, line: [number, number, number, number], style = plainStyle(), visible = true): FakeEdge {
  return {
    id,
    _private: { styleKey: id, rscratch: { edgeType: 'straight', allpts: line, arrowEndX: line[2], arrowEndY: line[3], tgtArrowAngle: 0 } },
    isEdge: () => true,
    visible: () => visible,
    pstyle: (name: string) => style[name],
  };
}

function fakeNode(id: string) {
  return { id, _private: { rscratch: {} }, isEdge: () => false, visible: () => true, pstyle: () => undefined };
}

/** A 2D context that logs the calls and settings the painter makes. */
function fakeContext(log: string[]): CanvasRenderingContext2D {
  const context: Record<string, unknown> = {};
  for (const method of ['beginPath', 'moveTo', 'lineTo', 'closePath', 'stroke', 'fill', 'setLineDash']) {
    context[method] = (...args: unknown[]) => void log.push(`${method}(${args.map((a) => JSON.stringify(a)).join(',')})`);
  }
  return new Proxy(context, {
    set(target, property, value) {
      log.push(`${String(property)}=${JSON.stringify(value)}`);
      target[property as string] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

const arrowWidth = (width: number, scale: number): number => 10 * width * scale;
const lookOf = (edge: DrawnElement): EdgeLook | null => edgeLook(edge, arrowWidth);
/** Labels big enough to be drawn. */
const shown = (): boolean => true;

describe('edgeLook', () => {
  it('edgeLook(plain deal) gives Cytoscape\'s colour strings, width, dashes and arrow size', () => {
    expect(lookOf(fakeEdge('a', [0, 0, 1, 1]))).toEqual({
      labelled: false,
      key: 'rgba(10,20,30,1) 3  0',
      strokeStyle: 'rgba(10,20,30,1)',
      width: 3,
      dash: [],
      dashOffset: 0,
      arrowStyle: 'rgba(40,50,60,1)',
      arrowSize: 60,
    });
    expect(lookOf(fakeEdge('dotted', [0, 0, 1, 1], plainStyle({ 'line-style': 'dotted' })))?.dash).toEqual([1, 1]);
    expect(lookOf(fakeEdge('dashed', [0, 0, 1, 1], plainStyle({ 'line-style': 'dashed', 'line-dash-offset': 2 })))).toMatchObject({ dash: [6, 3], dashOffset: 2 });
    expect(lookOf(fakeEdge('no arrow', [0, 0, 1, 1], plainStyle({ 'target-arrow-shape': 'none' })))?.arrowSize).toBe(0);
    // A label is noted: the deal is plain only while the label is too small to be drawn.
    expect(lookOf(fakeEdge('undisclosed', [0, 0, 1, 1], plainStyle({ label: '?' })))?.labelled).toBe(true);
  });

  it('edgeLook is null for a deal Cytoscape has to draw: end labels, translucent, curved, raised, selected-looking, other arrows', () => {
    for (const overrides of [
      { 'source-label': 'x' },
      { opacity: 0.12 },
      { 'line-opacity': 0.85 },
      { 'curve-style': 'bezier' },
      { 'z-index': 10 },
      { 'overlay-opacity': 0.3 },
      { 'underlay-opacity': 0.2 },
      { ghost: 'yes' },
      { 'line-outline-width': 2 },
      { 'line-fill': 'linear-gradient' },
      { 'line-cap': 'round' },
      { 'source-arrow-shape': 'triangle' },
      { 'mid-target-arrow-shape': 'triangle' },
      { 'target-arrow-shape': 'vee' },
      { 'target-arrow-fill': 'hollow' },
      { 'line-style': 'double' },
    ]) {
      expect({ overrides, look: lookOf(fakeEdge('e', [0, 0, 1, 1], plainStyle(overrides))) }).toEqual({ overrides, look: null });
    }
  });
});

describe('drawPlainEdges', () => {
  it('strokes the plain deals once per look and fills their arrowheads once per colour, and hands the rest on in order', () => {
    const log: string[] = [];
    const red = plainStyle({ 'line-color': [255, 0, 0] });
    const node = fakeNode('n');
    const labelled = fakeEdge('labelled', [0, 0, 5, 0], plainStyle({ label: '?' }));
    const elements = [fakeEdge('a', [0, 0, 10, 0]), node, fakeEdge('b', [0, 5, 10, 5], red), labelled, fakeEdge('c', [0, 9, 10, 9])];
    const rest = drawPlainEdges(fakeContext(log), elements, null, lookOf, shown);
    expect(rest.map((e) => e.id)).toEqual(['n', 'labelled']);
    expect(log.filter((entry) => entry === 'stroke()')).toHaveLength(2);
    // The first look's path holds both of its deals, in element order.
    const firstPath = log.slice(log.indexOf('beginPath()'), log.indexOf('stroke()'));
    expect(firstPath).toEqual(['beginPath()', 'moveTo(0,0)', 'lineTo(10,0)', 'moveTo(0,9)', 'lineTo(10,9)']);
    expect(log).toContain('strokeStyle="rgba(255,0,0,1)"');
    // Arrowheads: one fill (all three share a colour), each a triangle with its tip at the line's end.
    expect(log.filter((entry) => entry === 'fill()')).toHaveLength(1);
    expect(log).toContain('fillStyle="rgba(40,50,60,1)"');
    expect(log.filter((entry) => entry === 'closePath()')).toHaveLength(3);
    expect(log).toContain('lineTo(10,0)');
  });

  it('turns the arrowhead with the deal: at angle 0 the triangle opens towards −y, scaled by the arrow size', () => {
    const log: string[] = [];
    const edge = fakeEdge('a', [0, 0, 0, 100]);
    edge._private.rscratch.tgtArrowAngle = Math.PI;
    drawPlainEdges(fakeContext(log), [edge], null, lookOf, shown);
    const arrow = log.slice(log.lastIndexOf('beginPath()') + 1, log.lastIndexOf('fill()'));
    const points = arrow.filter((entry) => /^(moveTo|lineTo)/.test(entry)).map((entry) => entry.replace(/^\w+\((.*)\)$/, '$1').split(',').map(Number));
    // Size 60, turned by π: (−0.15, −0.3) → (9, 18), tip (0, 0), (0.15, −0.3) → (−9, 18), moved to (0, 100).
    expect(points.map(([x, y]) => [Math.round(x!), Math.round(y!)])).toEqual([
      [9, 118],
      [0, 100],
      [-9, 118],
    ]);
  });

  it('leaves out hidden deals and deals outside the drawn area, and hands on deals without a usable line', () => {
    const log: string[] = [];
    const hidden = fakeEdge('hidden', [0, 0, 10, 0], plainStyle(), false);
    const far = fakeEdge('far', [1000, 1000, 1010, 1000]);
    const near = fakeEdge('near', [0, 0, 10, 0]);
    const bad = fakeEdge('bad', [0, 0, 10, 0]);
    bad._private.rscratch.badLine = true;
    const curved = fakeEdge('curved', [0, 0, 10, 0]);
    curved._private.rscratch.edgeType = 'bezier';
    const broken = fakeEdge('broken', [0, 0, Number.NaN, 0]);
    const rest = drawPlainEdges(fakeContext(log), [hidden, far, near, bad, curved, broken], { x1: -50, y1: -50, x2: 50, y2: 50 }, lookOf, shown);
    expect(rest.map((e) => e.id)).toEqual(['bad', 'curved', 'broken']);
    // One line drawn: the near deal's.
    expect(log.slice(log.indexOf('beginPath()'), log.indexOf('stroke()'))).toEqual(['beginPath()', 'moveTo(0,0)', 'lineTo(10,0)']);
    // A deal just outside the area whose arrowhead reaches into it is drawn.
    const reaching = fakeEdge('reaching', [60, 0, 90, 0]);
    expect(drawPlainEdges(fakeContext(log), [reaching], { x1: -50, y1: -50, x2: 50, y2: 50 }, lookOf, shown)).toEqual([]);
  });

  it('draws a labelled deal in its batch while its label is too small to be drawn, and hands it on once it shows', () => {
    const undisclosed = fakeEdge('undisclosed', [0, 0, 10, 0], plainStyle({ label: '?' }));
    const log: string[] = [];
    expect(drawPlainEdges(fakeContext(log), [undisclosed], null, lookOf, () => false)).toEqual([]);
    expect(log).toContain('stroke()');
    expect(drawPlainEdges(fakeContext([]), [undisclosed], null, lookOf, () => true)).toEqual([undisclosed]);
  });

  it('draws nothing and changes no setting when no deal is plain', () => {
    const log: string[] = [];
    const elements = [fakeNode('n'), fakeEdge('l', [0, 0, 1, 1], plainStyle({ label: 'x' })), fakeEdge('o', [0, 0, 1, 1], plainStyle({ opacity: 0.12 }))];
    expect(drawPlainEdges(fakeContext(log), elements, null, lookOf, shown)).toEqual(elements);
    expect(log).toEqual([]);
  });
});

describe('drawPlainEdgesInBatches', () => {
  it('wraps the renderer: plain deals are drawn in batches, the rest go to the renderer\'s own drawing', () => {
    const log: string[] = [];
    const handed: string[][] = [];
    const renderer = {
      drawCachedElements: (_context: unknown, eles: Array<{ id: string }>) => void handed.push(eles.map((e) => e.id)),
      getArrowWidth: arrowWidth,
      eleTextBiggerThanMin: () => true,
    };
    const cy = { renderer: () => renderer } as unknown as Core;
    expect(drawPlainEdgesInBatches(cy)).toBe(true);
    const elements = [fakeEdge('a', [0, 0, 10, 0]), fakeNode('n'), fakeEdge('l', [0, 0, 1, 1], plainStyle({ label: 'x' }))];
    (renderer.drawCachedElements as (context: unknown, eles: unknown[], pxRatio: number, extent: null) => void)(fakeContext(log), elements, 1, null);
    expect(handed).toEqual([['n', 'l']]);
    expect(log.filter((entry) => entry === 'stroke()')).toHaveLength(1);
  });

  it('reads a deal\'s style again once it has changed (a new style key), not on every frame', () => {
    const handed: string[][] = [];
    const renderer = { drawCachedElements: (_context: unknown, eles: Array<{ id: string }>) => void handed.push(eles.map((e) => e.id)), getArrowWidth: arrowWidth, eleTextBiggerThanMin: () => true };
    drawPlainEdgesInBatches({ renderer: () => renderer } as unknown as Core);
    let reads = 0;
    const style = plainStyle();
    const edge = fakeEdge('a', [0, 0, 10, 0]);
    edge.pstyle = (name: string) => {
      reads++;
      return style[name];
    };
    const draw = () => (renderer.drawCachedElements as (context: unknown, eles: unknown[], pxRatio: number, extent: null) => void)(fakeContext([]), [edge], 1, null);
    draw();
    const first = reads;
    draw();
    expect(reads).toBe(first);
    expect(handed).toEqual([[], []]);
    // Dimmed: a new style, so a new key; the deal now goes to Cytoscape.
    edge._private.styleKey = 'dimmed';
    style.opacity = { value: 0.12, pfValue: 0.12 };
    draw();
    expect(reads).toBeGreaterThan(first);
    expect(handed[2]).toEqual(['a']);
  });

  it('leaves a renderer without the expected parts alone', () => {
    const renderer = { drawCachedElements: () => {}, getArrowWidth: arrowWidth };
    expect(drawPlainEdgesInBatches({ renderer: () => renderer } as unknown as Core)).toBe(false);
    expect(drawPlainEdgesInBatches({} as unknown as Core)).toBe(false);
  });
});
