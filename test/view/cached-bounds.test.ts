import cytoscape, { type Core } from 'cytoscape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerBoundsFromCache, positionKey } from '../../src/view/cytoscape/cached-bounds.js';

type Box = { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
type Bounded = { boundingBox(this: unknown, options?: unknown): Box };

/** The stock implementation, taken before any test installs the shortcut. */
const stock = (Object.getPrototypeOf(cytoscape({ headless: true }).collection()) as Bounded).boundingBox;

function graph(nodeCount: number, edges: Array<[number, number]>): Core {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...Array.from({ length: nodeCount }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}`, size: 20 }, position: { x: i * 40, y: (i % 3) * 30 } })),
      ...edges.map(([s, t], i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${s}`, target: `n${t}` } })),
    ],
  });
  cy.style()
    .fromJson([
      { selector: 'node', style: { width: 'data(size)', height: 'data(size)', label: 'data(id)' } },
      { selector: 'node.wide', style: { 'border-width': 6 } },
      { selector: 'edge', style: { width: 2 } },
    ])
    .update();
  return cy;
}

/** Something an analyst's session does to the picture between two frames. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(1000), dx: fc.double({ min: -60, max: 60, noNaN: true }), dy: fc.double({ min: -0.6, max: 0.6, noNaN: true }) }),
  fc.record({ kind: fc.constant('resize' as const), pick: fc.nat(1000), size: fc.integer({ min: 10, max: 80 }) }),
  fc.record({ kind: fc.constant('class' as const), pick: fc.nat(1000) }),
);

const sessions = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 16 }),
    changes: fc.array(change, { maxLength: 6 }),
  }),
);

describe('answerBoundsFromCache', () => {
  it('gives every element the box Cytoscape\'s own code gives, after moves (whole and sub-pixel), resizes and restyles', () => {
    const probe = graph(1, []);
    expect(answerBoundsFromCache(probe)).toBe(true);
    const installed = (Object.getPrototypeOf(probe.collection()) as Bounded).boundingBox;
    expect(installed).not.toBe(stock);
    fc.assert(
      fc.property(sessions, ({ n, edges, changes }) => {
        const cy = graph(n, edges);
        const elements = cy.elements().toArray();
        for (const element of elements) stock.call(element);
        for (const step of changes) {
          const node = cy.nodes()[step.pick % n]!;
          if (step.kind === 'move') node.position({ x: node.position('x') + step.dx, y: node.position('y') + step.dy });
          else if (step.kind === 'resize') node.data('size', step.size);
          else node.toggleClass('wide');
          // The installed call answers first, so a stale cached box would show up against stock.
          for (const element of elements) expect({ ...installed.call(element) }).toEqual({ ...stock.call(element) });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hashes positions as Cytoscape does, so unmoved elements are answered from the cache', () => {
    const cy = graph(2, [[0, 1]]);
    answerBoundsFromCache(cy);
    for (const element of cy.elements().toArray()) {
      element.boundingBox();
      const state = (element as unknown as { _private: Parameters<typeof positionKey>[0] & { bbCachePosKey: number } })._private;
      expect(positionKey(state)).toBe(state.bbCachePosKey);
    }
    const edge = cy.getElementById('e0');
    const cached = edge.boundingBox();
    expect(edge.boundingBox()).toBe(cached);
  });

  it('passes calls with options, and on several elements, to Cytoscape', () => {
    const cy = graph(3, [[0, 1], [1, 2]]);
    answerBoundsFromCache(cy);
    expect(cy.nodes().boundingBox()).toEqual(stock.call(cy.nodes()));
    expect(cy.getElementById('n0').boundingBox({ includeLabels: false })).toEqual(stock.call(cy.getElementById('n0'), { includeLabels: false }));
  });
});
