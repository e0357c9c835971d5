import fc from 'fast-check';
import { DirectedGraph } from 'graphology';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../src/analysis/betweenness.js';
import { indexGraph } from '../../src/analysis/indexed-graph.js';

const id = (i: number): string => `v${String(i).padStart(3, '0')}`;

function both(n: number, arcs: ReadonlyArray<readonly [number, number]>) {
  const indexed = indexGraph(Array.from({ length: n }, (_, i) => id(i)), arcs.map(([a, b]) => [id(a), id(b)] as const));
  const graph = new DirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(id(i));
  for (const [a, b] of arcs) if (a !== b && !graph.hasDirectedEdge(id(a), id(b))) graph.addDirectedEdge(id(a), id(b));
  return { indexed, graph };
}

const randomGraph = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({ n: fc.constant(n), arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 4 * n }) }),
);

describe('betweenness', () => {
  it('betweenness(graph) equals graphology-metrics (normalized, unweighted) on random directed graphs', () => {
    fc.assert(
      fc.property(randomGraph, ({ n, arcs }) => {
        const { indexed, graph } = both(
          n,
          arcs.filter(([a, b]) => a !== b),
        );
        const ours = betweenness(indexed).values;
        const theirs = graphologyBetweenness(graph, { normalized: true, getEdgeWeight: null });
        indexed.ids.forEach((vertex, i) => expect(ours[i]).toBeCloseTo(theirs[vertex] ?? 0, 10));
      }),
      { numRuns: 300 },
    );
  });

  it('betweenness(chain a→b→c) gives the middle 1/2', () => {
    const { indexed } = both(3, [
      [0, 1],
      [1, 2],
    ]);
    expect([...betweenness(indexed).values]).toEqual([0, 1 / 2, 0]);
  });

  it('betweenness(graph, {samples: n}) is exact, and a sample is reproducible and close on a large graph', () => {
    const n = 400;
    const arcs: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) for (const step of [1, 7, 31]) arcs.push([i, (i * 13 + step) % n]);
    const { indexed } = both(n, arcs);
    const exact = betweenness(indexed).values;
    expect([...betweenness(indexed, { samples: n }).values]).toEqual([...exact]);
    const estimate = betweenness(indexed, { samples: 200, seed: 7 });
    expect(estimate.sampled).toBe(true);
    expect([...betweenness(indexed, { samples: 200, seed: 7 }).values]).toEqual([...estimate.values]);
    const mean = exact.reduce((s, x) => s + x, 0) / n;
    const meanEstimate = estimate.values.reduce((s, x) => s + x, 0) / n;
    expect(Math.abs(meanEstimate - mean) / mean).toBeLessThan(0.15);
  });
});
