import fc from 'fast-check';
import { DirectedGraph } from 'graphology';
import graphologyHits from 'graphology-metrics/centrality/hits';
import { describe, expect, it } from 'vitest';
import { hits } from '../../src/analysis/hits.js';
import { indexGraph } from '../../src/analysis/indexed-graph.js';

const id = (i: number): string => `v${String(i).padStart(3, '0')}`;

describe('hits', () => {
  it('hits(graph) equals graphology-metrics hits (unweighted) wherever that converges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.record({ n: fc.constant(n), arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { minLength: 1, maxLength: 4 * n }) }),
        ),
        ({ n, arcs }) => {
          const simple = arcs.filter(([a, b]) => a !== b);
          const graph = new DirectedGraph();
          for (let i = 0; i < n; i++) graph.addNode(id(i));
          for (const [a, b] of simple) if (!graph.hasDirectedEdge(id(a), id(b))) graph.addDirectedEdge(id(a), id(b));
          let theirs: { hubs: Record<string, number>; authorities: Record<string, number> } | null = null;
          try {
            theirs = graphologyHits(graph, { getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-10 });
          } catch {
            theirs = null;
          }
          const ours = hits(indexGraph(Array.from({ length: n }, (_, i) => id(i)), simple.map(([a, b]) => [id(a), id(b)] as const)), { maxIterations: 1000, tolerance: 1e-10 });
          if (graph.size === 0) {
            expect(ours).toBeNull();
            return;
          }
          expect(ours === null).toBe(theirs === null);
          if (!ours || !theirs) return;
          for (let i = 0; i < n; i++) {
            expect(ours.hubs[i]).toBeCloseTo(theirs.hubs[id(i)] ?? 0, 6);
            expect(ours.authorities[i]).toBeCloseTo(theirs.authorities[id(i)] ?? 0, 6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hits(a→b, a→c) makes a the only hub and b, c equal authorities', () => {
    const result = hits(indexGraph(['a', 'b', 'c'], [['a', 'b'], ['a', 'c']]))!;
    expect([...result.hubs]).toEqual([1, 0, 0]);
    expect([...result.authorities]).toEqual([0, 1 / 2, 1 / 2]);
  });
});
