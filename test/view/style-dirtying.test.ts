import cytoscape, { type Core } from 'cytoscape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dirtyStylesWithoutCollections, pinBackgrounding } from '../../src/view/cytoscape/style-dirtying.js';

type Dirtyable = { dirtyStyleCache(): unknown };

/** The stock implementation, taken before any test installs the replacement. */
const stock = (Object.getPrototypeOf(cytoscape({ headless: true }).collection()) as Dirtyable).dirtyStyleCache;

function graph(nodeCount: number, edges: Array<[number, number]>, compound = false): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...(compound ? [{ group: 'nodes' as const, data: { id: 'parent' } }] : []),
      ...Array.from({ length: nodeCount }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}`, ...(compound && i === 0 ? { parent: 'parent' } : {}) } })),
      ...edges.map(([s, t], i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${s}`, target: `n${t}` } })),
    ],
  });
}

/** Marks every element's style cache as filled, runs `dirty`, and returns the ids whose cache was dropped. */
function forgotten(cy: Core, ids: string[], dirty: (this: unknown) => unknown): string[] {
  const marker = { cached: true };
  cy.elements().forEach((ele) => void ((ele as unknown as { _private: { styleCache: unknown } })._private.styleCache = marker));
  dirty.call(ids.reduce((picked, id) => picked.union(cy.getElementById(id)), cy.collection()));
  return cy
    .elements()
    .filter((ele) => (ele as unknown as { _private: { styleCache: unknown } })._private.styleCache !== marker)
    .map((ele) => ele.id())
    .sort();
}

const graphs = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }),
    picks: fc.array(fc.nat(1000), { maxLength: 6 }),
  }),
);

describe('dirtyStylesWithoutCollections', () => {
  it('drops the same style caches as Cytoscape\'s own code: the elements\' and their nodes\' edges\'', () => {
    const probe = graph(1, []);
    expect(dirtyStylesWithoutCollections(probe)).toBe(true);
    const installed = (Object.getPrototypeOf(probe.collection()) as Dirtyable).dirtyStyleCache;
    expect(installed).not.toBe(stock);
    fc.assert(
      fc.property(graphs, ({ n, edges, picks }) => {
        const cy = graph(n, edges);
        const all = cy.elements().map((ele) => ele.id());
        const ids = [...new Set(picks.map((p) => all[p % all.length]!))];
        expect(forgotten(cy, ids, installed as (this: unknown) => unknown)).toEqual(forgotten(cy, ids, stock as (this: unknown) => unknown));
      }),
      { numRuns: 300 },
    );
  });

  it('a firm\'s style change still restyles its deals (the cache is really consulted)', () => {
    const cy = graph(2, [[0, 1]]);
    dirtyStylesWithoutCollections(cy);
    cy.style().fromJson([{ selector: 'edge', style: { width: 2 } }, { selector: 'node.big', style: { width: 50 } }]).update();
    const edge = cy.getElementById('e0');
    expect(edge.numericStyle('width')).toBe(2);
    cy.getElementById('n0').addClass('big');
    expect(cy.getElementById('n0').numericStyle('width')).toBe(50);
    expect((edge as unknown as { _private: { styleCache: unknown } })._private.styleCache).toBeNull();
  });

  it('keeps Cytoscape\'s own code for graphs with compound nodes', () => {
    const cy = graph(3, [[0, 1], [1, 2]], true);
    dirtyStylesWithoutCollections(cy);
    const installed = (Object.getPrototypeOf(cy.collection()) as Dirtyable).dirtyStyleCache as (this: unknown) => unknown;
    // Stock code also drops the parent's cache (and its edges'): the fast path would not.
    expect(forgotten(cy, ['n0'], installed)).toEqual(forgotten(cy, ['n0'], stock as (this: unknown) => unknown));
    expect(forgotten(cy, ['n0'], installed)).toContain('parent');
  });
});

describe('pinBackgrounding', () => {
  const state = (node: { _private: unknown }) => node._private as { backgrounding: boolean };

  it('a node without a background image never reads as loading one, whatever the renderer writes', () => {
    const cy = graph(2, [[0, 1]]);
    cy.style().fromJson([{ selector: 'node', style: { width: 10 } }]).update();
    pinBackgrounding(cy.nodes());
    const node = cy.getElementById('n0') as unknown as { _private: unknown; backgrounding(): boolean };
    state(node).backgrounding = true;
    expect(state(node).backgrounding).toBe(false);
    expect(node.backgrounding()).toBe(false);
  });

  it('a node with a background image keeps the state the renderer writes', () => {
    const cy = graph(1, []);
    cy.style().fromJson([{ selector: 'node', style: { 'background-image': 'https://example.org/logo.png' } }]).update();
    cy.getElementById('n0').numericStyle('width');
    pinBackgrounding(cy.nodes());
    const node = cy.getElementById('n0') as unknown as { _private: unknown; backgrounding(): boolean };
    state(node).backgrounding = true;
    expect(node.backgrounding()).toBe(true);
    state(node).backgrounding = false;
    expect(node.backgrounding()).toBe(false);
  });
});
