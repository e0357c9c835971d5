import fc from 'fast-check';
import { DirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { describe, expect, it } from 'vitest';
import { arcIndex, indexGraph } from '../../src/analysis/indexed-graph.js';
import { weightedPagerank } from '../../src/analysis/pagerank.js';

const id = (i: number): string => `v${i}`;

/** A random weighted digraph of up to 8 vertices; some arcs weigh 0. */
const weightedArcs = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }))), {
      maxLength: 4 * n,
      selector: ([a, b]) => `${a}>${b}`,
    }),
  }),
);

function indexed(n: number, arcs: ReadonlyArray<readonly [number, number, number]>) {
  const graph = indexGraph(
    Array.from({ length: n }, (_, i) => id(i)),
    arcs.map(([a, b]) => [id(a), id(b)] as const),
  );
  const weights = new Float64Array(graph.targets.length);
  for (const [a, b, w] of arcs) weights[arcIndex(graph, graph.indexOf.get(id(a))!, graph.indexOf.get(id(b))!)] = w;
  return { graph, weights };
}

describe('weightedPagerank', () => {
  it('weightedPagerank equals graphology-metrics\' pagerank on the arcs that carry weight', () => {
    fc.assert(
      fc.property(weightedArcs, fc.constantFrom(0.5, 0.85, 0.95), ({ n, arcs }, alpha) => {
        const { graph, weights } = indexed(n, arcs);
        const oracle = new DirectedGraph();
        for (let i = 0; i < n; i++) oracle.addNode(id(i));
        for (const [a, b, w] of arcs) if (w > 0) oracle.addDirectedEdge(id(a), id(b), { weight: w });
        const expected = pagerank(oracle, { getEdgeWeight: 'weight', alpha, maxIterations: 1000, tolerance: 1e-10 });
        const ranks = weightedPagerank(graph, weights, { alpha, maxIterations: 1000, tolerance: 1e-10 });
        graph.ids.forEach((vertex, v) => expect(Math.abs(ranks[v]! - expected[vertex]!)).toBeLessThan(1e-12));
        expect(ranks.reduce((sum, r) => sum + r, 0)).toBeCloseTo(1, 9);
      }),
      { numRuns: 400 },
    );
  });

  it('weightedPagerank gives a firm paid by two others more than each of them', () => {
    const { graph, weights } = indexed(3, [
      [0, 2, 5],
      [1, 2, 5],
      [2, 0, 1],
    ]);
    const ranks = weightedPagerank(graph, weights);
    expect(ranks[2]).toBeGreaterThan(ranks[0]!);
    expect(ranks[2]).toBeGreaterThan(ranks[1]!);
  });

  it('weightedPagerank refuses negative weights and a weight list of the wrong length, and ranks an empty graph as empty', () => {
    const { graph } = indexed(2, [[0, 1, 1]]);
    expect(() => weightedPagerank(graph, [-1])).toThrow(/weight -1/);
    expect(() => weightedPagerank(graph, [1, 2])).toThrow(/2 weights for 1 arcs/);
    expect(weightedPagerank(indexGraph([], []), [])).toEqual(new Float64Array(0));
  });

  it('weightedPagerank says when it does not converge', () => {
    const { graph, weights } = indexed(3, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 0, 1],
      [0, 2, 3],
    ]);
    expect(() => weightedPagerank(graph, weights, { maxIterations: 1, tolerance: 1e-15 })).toThrow(/failed to converge/);
  });
});
