import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexGraph } from '../../src/analysis/indexed-graph.js';
import { ComponentFinder, componentOfVertex } from '../../src/analysis/strong-components.js';

/** Brute force: two vertices share a component exactly when each reaches the other. */
function reachability(n: number, arcs: ReadonlyArray<readonly [number, number]>): boolean[][] {
  const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
  for (const [a, b] of arcs) (reach[a] as boolean[])[b] = true;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
  return reach;
}

const id = (i: number): string => `v${String(i).padStart(5, '0')}`;

describe('componentOfVertex', () => {
  it('componentOfVertex puts two vertices together exactly when each reaches the other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.record({ n: fc.constant(n), arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }) }),
        ),
        ({ n, arcs }) => {
          const indexed = indexGraph(Array.from({ length: n }, (_, i) => id(i)), arcs.map(([a, b]) => [id(a), id(b)] as const));
          const component = componentOfVertex(indexed);
          const of = (i: number) => component[indexed.indexOf.get(id(i)) as number];
          const reach = reachability(n, arcs);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              expect(of(i) === of(j)).toBe(reach[i]![j]! && reach[j]![i]!);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('componentOfVertex handles a 50,000-firm chain closed into one loop without overflowing the stack', () => {
    const n = 50_000;
    const arcs = Array.from({ length: n }, (_, i) => [id(i), id((i + 1) % n)] as const);
    const component = componentOfVertex(indexGraph(Array.from({ length: n }, (_, i) => id(i)), arcs));
    expect(component.length).toBe(n);
    expect(new Set(component).size).toBe(1);
  });
});

describe('ComponentFinder', () => {
  it('components(vertices) lists each component of the marked vertices once, its smallest vertex first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
            kept: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
          }),
        ),
        ({ n, arcs, kept }) => {
          const graph = indexGraph(Array.from({ length: n }, (_, i) => id(i)), arcs.map(([a, b]) => [id(a), id(b)] as const));
          // Only the kept vertices take part, listed in descending order (the order must not matter).
          const vertices = Array.from({ length: n }, (_, i) => n - 1 - i).filter((v) => kept[v]);
          const mark = new Int32Array(n);
          for (const v of vertices) mark[v] = 7;
          const components = new ComponentFinder(graph).components(vertices, mark, 7);
          const keptArcs = arcs.filter(([a, b]) => kept[a] && kept[b]);
          const reach = reachability(n, keptArcs);
          const componentOf = new Map<number, number>();
          components.forEach((component, c) => {
            expect(component[0]).toBe(Math.min(...component));
            for (const v of component) {
              expect(componentOf.has(v)).toBe(false);
              componentOf.set(v, c);
            }
          });
          expect([...componentOf.keys()].sort((a, b) => a - b)).toEqual([...vertices].sort((a, b) => a - b));
          for (const u of vertices) for (const v of vertices) expect(componentOf.get(u) === componentOf.get(v)).toBe(reach[u]![v]! && reach[v]![u]!);
        },
      ),
      { numRuns: 300 },
    );
  });
});
