import fc from 'fast-check';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { circularity } from '../../src/analysis/circularity.js';
import { indexGraph } from '../../src/analysis/indexed-graph.js';
import { maxCirculation } from '../../src/analysis/max-circulation.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedGraph } from '../fixtures/shipped.js';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const money = (edges: Array<[string, string, number | null]>) =>
  buildFirmGraph(dataSetFromEdges(edges.map(([from, to, amount]) => [from, to, { amountUsd: amount, amountBasis: amount === null ? 'undisclosed' : 'committed' }] as const)));

describe('circularity (maximum circulation)', () => {
  it('circularity of a pure cycle is 1', () => {
    const result = circularity(money([['a', 'b', 5], ['b', 'c', 5], ['c', 'a', 5]]));
    expect(result.index).toBe(1);
    expect(result).toMatchObject({ circularUsd: 15, totalUsd: 15, method: 'max' });
  });

  it('circularity of a network without loops is 0', () => {
    const result = circularity(money([['a', 'b', 5], ['b', 'c', 3], ['a', 'c', 7]]));
    expect(result.index).toBe(0);
    expect(result.deals.every((d) => d.circularUsd === 0)).toBe(true);
  });

  it('circularity of a cycle with a tail counts the cycle at its bottleneck, not the tail', () => {
    // a → b 10, b → c 4, c → a 6, c → d 9: at most 4 can go round a → b → c → a.
    const result = circularity(money([['a', 'b', 10], ['b', 'c', 4], ['c', 'a', 6], ['c', 'd', 9]]));
    expect(result.circularUsd).toBe(12);
    expect(result.totalUsd).toBe(29);
    expect(result.index).toBeCloseTo(12 / 29, 12);
    const firm = new Map(result.firms.map((f) => [f.id, f]));
    expect(firm.get('a')).toMatchObject({ inUsd: 6, outUsd: 10, circularUsd: 4, share: 4 / 6, outShare: 4 / 10 });
    expect(firm.get('d')).toMatchObject({ inUsd: 9, outUsd: 0, circularUsd: 0, share: 0, outShare: null });
  });

  it('circularity of two cycles sharing a tight hop fills the hop once', () => {
    const result = circularity(money([['a', 'b', 5], ['b', 'a', 4], ['b', 'c', 3], ['c', 'a', 3]]));
    // Both a → b → a and a → b → c → a use a → b, which holds 5. With x round the three-hop loop
    // and y round the two-hop one, the circulation is 3x + 2y with x + y ≤ 5, x ≤ 3, y ≤ 4:
    // x = 3, y = 2 gives 13.
    expect(result.circularUsd).toBe(13);
  });

  it('circularity splits a pair\'s circulating money over its deals by amount, and leaves undisclosed ones at 0', () => {
    const result = circularity(money([['a', 'b', 30], ['a', 'b', 10], ['a', 'b', null], ['b', 'a', 20]]));
    expect(result.circularUsd).toBe(40);
    expect(result.deals.map((d) => d.circularUsd)).toEqual([15, 5, 0, 20]);
  });

  it('circularity of the shipped data counts money that moves only, and is a share between 0 and 1', () => {
    const result = circularity(shippedGraph());
    expect(result.index).toBeGreaterThan(0);
    expect(result.index).toBeLessThan(1);
    expect(result.deals.find((d) => d.id === 'nvidia-openai-loi-2025')?.circularUsd).toBe(0); // superseded
  });
});

/**
 * Random capacitated digraphs on up to 8 vertices: whole dollars up to $1T (as amounts are), or
 * fractional capacities up to 100 (to exercise the rounding tolerance).
 */
const network = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n, selector: ([u, v]) => `${u},${v}` }).map((pairs) => pairs.filter(([u, v]) => u !== v)),
    fc.oneof(
      fc.array(fc.integer({ min: 0, max: 1_000_000_000_000 }), { minLength: 24, maxLength: 24 }),
      fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 100, noNaN: true })), { minLength: 24, maxLength: 24 }),
    ),
  ),
);

function build(n: number, pairs: Array<[number, number]>, capacities: number[]) {
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const indexed = indexGraph(ids, pairs.map(([u, v]) => [`v${u}`, `v${v}`] as const));
  // Arc a of the indexed graph, in its order: give each the capacity of its pair.
  const weights = new Float64Array(indexed.targets.length);
  const capacityOf = new Map(pairs.map(([u, v], i) => [`v${u}>v${v}`, capacities[i % capacities.length] as number]));
  for (let x = 0; x < n; x++) {
    for (let a = indexed.offsets[x] as number; a < (indexed.offsets[x + 1] as number); a++) {
      weights[a] = capacityOf.get(`${indexed.ids[x]}>${indexed.ids[indexed.targets[a] as number]}`) as number;
    }
  }
  return { indexed, weights };
}

/** The same problem as a linear program for HiGHS: maximise Σ c subject to conservation and 0 ≤ c ≤ w. */
function lpOptimum(n: number, indexed: ReturnType<typeof indexGraph>, weights: Float64Array): number {
  const arcs: Array<[number, number, number]> = [];
  for (let x = 0; x < n; x++) for (let a = indexed.offsets[x] as number; a < (indexed.offsets[x + 1] as number); a++) arcs.push([x, indexed.targets[a] as number, weights[a] as number]);
  if (arcs.length === 0) return 0;
  const lines = ['Maximize', ` obj: ${arcs.map((_, i) => `c${i}`).join(' + ')}`, 'Subject To'];
  for (let v = 0; v < n; v++) {
    const terms = arcs.flatMap(([from, to], i) => (to === v ? [`+ c${i}`] : from === v ? [`- c${i}`] : []));
    if (terms.length > 0) lines.push(` v${v}: ${terms.join(' ')} = 0`);
  }
  lines.push('Bounds', ...arcs.map(([, , w], i) => ` 0 <= c${i} <= ${w}`), 'End');
  const solution = highs.solve(lines.join('\n'), { output_flag: false });
  expect(solution.Status).toBe('Optimal');
  return solution.ObjectiveValue;
}

describe('maxCirculation', () => {
  it('maxCirculation gives a circulation within capacities (conservation at every vertex, 0 ≤ c ≤ w)', () => {
    fc.assert(
      fc.property(network, ([n, pairs, capacities]) => {
        const { indexed, weights } = build(n, pairs, capacities);
        const { circular, circularTotal, total } = maxCirculation(indexed, weights);
        const balance = new Float64Array(n);
        let sum = 0;
        for (let x = 0; x < n; x++) {
          for (let a = indexed.offsets[x] as number; a < (indexed.offsets[x + 1] as number); a++) {
            const c = circular[a] as number;
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(weights[a] as number);
            balance[x] = (balance[x] as number) - c;
            balance[indexed.targets[a] as number] = (balance[indexed.targets[a] as number] as number) + c;
            sum += c;
          }
        }
        for (const b of balance) expect(Math.abs(b)).toBeLessThanOrEqual(Math.max(total, 1) * 1e-9);
        expect(circularTotal).toBeCloseTo(sum, 3);
        expect(circularTotal).toBeLessThanOrEqual(total + 1e-6);
      }),
      { numRuns: 500 },
    );
  });

  it('maxCirculation equals the optimum of the linear program solved by HiGHS on random networks', () => {
    fc.assert(
      fc.property(network, ([n, pairs, capacities]) => {
        const { indexed, weights } = build(n, pairs, capacities);
        const ours = maxCirculation(indexed, weights).circularTotal;
        const optimum = lpOptimum(n, indexed, weights);
        expect(Math.abs(ours - optimum)).toBeLessThanOrEqual(Math.max(optimum, 1) * 1e-7);
      }),
      { numRuns: 400 },
    );
  });

  it('maxCirculation refuses a negative or infinite capacity', () => {
    const indexed = indexGraph(['a', 'b'], [['a', 'b'], ['b', 'a']]);
    expect(() => maxCirculation(indexed, [1, -1])).toThrow(/must be finite and not negative/);
    expect(() => maxCirculation(indexed, [1, Number.POSITIVE_INFINITY])).toThrow(/must be finite and not negative/);
  });
});

describe('maxCirculation at scale', () => {
  it('maxCirculation on a random network of 300 firms and 1,500 deals equals the LP optimum', () => {
    // One larger network, beside the many small ones: the phases and blocking flows at scale.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 300;
    const pairs = new Map<string, [number, number]>();
    while (pairs.size < 1_500) {
      const u = Math.floor(random() * n);
      const v = Math.floor(random() * n);
      if (u !== v) pairs.set(`${u},${v}`, [u, v]);
    }
    const list = [...pairs.values()];
    const capacities = list.map(() => Math.round(random() * 1e10));
    const { indexed, weights } = build(n, list, capacities.slice(0, 24));
    for (let a = 0; a < weights.length; a++) weights[a] = capacities[a] as number;
    const ours = maxCirculation(indexed, weights).circularTotal;
    expect(Math.abs(ours - lpOptimum(n, indexed, weights))).toBeLessThanOrEqual(ours * 1e-9);
  });
});
