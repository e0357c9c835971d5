import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitList, circuitsThrough, collectCircuits, elementaryCircuits } from '../../src/analysis/circuits.js';
import { indexGraph, type IndexedGraph } from '../../src/analysis/indexed-graph.js';
import { bruteForceCircuits, type Arc } from './oracle.js';
import { johnsonWorstCase } from '../../bench/graphs.js';

/** Vertex ids that sort like their numbers: v00, v01, … */
const vid = (i: number): string => `v${String(i).padStart(2, '0')}`;

function graphOf(n: number, arcs: readonly Arc[]): IndexedGraph {
  return indexGraph(
    Array.from({ length: n }, (_, i) => vid(i)),
    arcs.map(([a, b]) => [vid(a), vid(b)] as const),
  );
}

function complete(n: number): Arc[] {
  const arcs: Arc[] = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) arcs.push([a, b]);
  return arcs;
}

const asStrings = (circuits: Iterable<number[]>): string[] => [...circuits].map((c) => c.join('>')).sort();

/** sum over k = 2..n of C(n, k)·(k − 1)! */
function completeCircuitCount(n: number): number {
  let total = 0;
  for (let k = 2; k <= n; k++) {
    let choose = 1;
    for (let i = 0; i < k; i++) choose = (choose * (n - i)) / (i + 1);
    let factorial = 1;
    for (let i = 2; i < k; i++) factorial *= i;
    total += choose * factorial;
  }
  return total;
}

const smallGraph = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: n * n }),
  }),
);

describe('elementaryCircuits', () => {
  it('elementaryCircuits(graph) equals the brute-force oracle on random small graphs, each circuit once and canonical', () => {
    fc.assert(
      fc.property(smallGraph, ({ n, arcs }) => {
        const found = [...elementaryCircuits(graphOf(n, arcs))];
        for (const c of found) expect(Math.min(...c)).toBe(c[0]);
        const strings = found.map((c) => c.join('>'));
        expect(new Set(strings).size).toBe(strings.length);
        expect(strings.sort()).toEqual(bruteForceCircuits(n, arcs));
      }),
      { numRuns: 400 },
    );
  });

  it('elementaryCircuits(graph, {maxLength}) equals the oracle bounded by length', () => {
    fc.assert(
      fc.property(smallGraph, fc.integer({ min: 1, max: 7 }), ({ n, arcs }, maxLength) => {
        expect(asStrings(elementaryCircuits(graphOf(n, arcs), { maxLength }))).toEqual(bruteForceCircuits(n, arcs, maxLength));
      }),
      { numRuns: 400 },
    );
  });

  it('elementaryCircuits(graph, {maxLength}) gives the circuits by ascending first vertex, as the unbounded search filtered by length', () => {
    // Sparse graphs large enough that the bounded search's areas are small parts of big components.
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 90 }), fc.integer({ min: 2, max: 6 }), fc.nat(), (n, maxLength, seed) => {
        let x = seed;
        const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
        const arcs: Arc[] = Array.from({ length: 2 * n }, () => [next(), next()] as const);
        const graph = graphOf(n, arcs);
        const bounded = [...elementaryCircuits(graph, { maxLength })];
        for (let i = 1; i < bounded.length; i++) expect((bounded[i] as number[])[0]).toBeGreaterThanOrEqual((bounded[i - 1] as number[])[0] as number);
        expect(asStrings(bounded)).toEqual(asStrings([...elementaryCircuits(graph)].filter((c) => c.length <= maxLength)));
      }),
      { numRuns: 100 },
    );
  });

  it('elementaryCircuits(complete digraph) finds sum C(n,k)(k-1)! circuits: 84 for n=5, 2,365 for n=7', () => {
    expect(completeCircuitCount(5)).toBe(84);
    expect(completeCircuitCount(7)).toBe(2365);
    for (const n of [2, 3, 4, 5, 6, 7]) {
      const circuits = [...elementaryCircuits(graphOf(n, complete(n)))];
      expect(circuits.length, `K${n}`).toBe(completeCircuitCount(n));
      expect(new Set(circuits.map((c) => c.join('>'))).size).toBe(circuits.length);
    }
  });

  it('elementaryCircuits(worst-case family of parallel routes) finds all k² + k circuits', () => {
    // The family that defeats Tiernan-style backtracking (Johnson 1975, §1): a hub reaches k routes
    // into a junction and k routes lead back, each also looping on the junction. Every route pair
    // closes one circuit (k²) and every return route one more through the junction (k).
    const k = 4;
    const arcs: Arc[] = [];
    const chainStart = 1;
    const hub = 0;
    for (let i = 0; i < k; i++) {
      arcs.push([hub, chainStart + i]);
      arcs.push([chainStart + i, k + 1]);
    }
    for (let i = 0; i < k; i++) {
      arcs.push([k + 1, k + 2 + i]);
      arcs.push([k + 2 + i, hub]);
      arcs.push([k + 2 + i, k + 1]);
    }
    const n = 2 * k + 2;
    const found = asStrings(elementaryCircuits(graphOf(n, arcs)));
    expect(found).toEqual(bruteForceCircuits(n, arcs));
    expect(found.length).toBe(k * k + k);
  });

  it("elementaryCircuits(Johnson's figure 1 family) finds exactly 3k circuits, as the oracle does", () => {
    // Johnson (1975), figure 1: searches without blocking take exponential time on it; each vertex
    // of the middle chain lists itself in the blocked lists of the same vertices over and over.
    for (const k of [3, 5, 9, 20]) {
      const arcs: Arc[] = johnsonWorstCase(k).arcs;
      const n = 3 * k + 3;
      const found = asStrings(elementaryCircuits(graphOf(n, arcs)));
      expect(found.length, `k = ${k}`).toBe(3 * k);
      expect(found).toEqual(bruteForceCircuits(n, arcs));
      expect(asStrings(elementaryCircuits(graphOf(n, arcs), { maxLength: 5 }))).toEqual(bruteForceCircuits(n, arcs, 5));
    }
  });

  it('elementaryCircuits(acyclic graph) finds none', () => {
    const arcs: Arc[] = [];
    for (let a = 0; a < 8; a++) for (let b = a + 1; b < 8; b++) arcs.push([a, b]);
    expect([...elementaryCircuits(graphOf(8, arcs))]).toEqual([]);
    expect([...elementaryCircuits(graphOf(0, []))]).toEqual([]);
  });

  it('elementaryCircuits stops when the consumer stops, and yields the first circuit at once', () => {
    const iterator = elementaryCircuits(graphOf(9, complete(9)));
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual([0, 1]);
    iterator.return(undefined);
    expect(iterator.next().done).toBe(true);
  });

  it('elementaryCircuits rejects a length bound below 1', () => {
    expect(() => [...elementaryCircuits(graphOf(2, [[0, 1]]), { maxLength: 0 })]).toThrow(
      'roundtrip/circuits: maxLength must be at least 1 (got 0)',
    );
  });
});

describe('circuitsThrough', () => {
  it('circuitsThrough(graph, v) equals the oracle circuits that contain v', () => {
    fc.assert(
      fc.property(smallGraph, fc.nat(), fc.integer({ min: 1, max: 7 }), ({ n, arcs }, pick, maxLength) => {
        const v = pick % n;
        const expected = bruteForceCircuits(n, arcs, maxLength).filter((c) => c.split('>').map(Number).includes(v));
        const found = [...circuitsThrough(graphOf(n, arcs), v, { maxLength })];
        for (const c of found) expect(Math.min(...c)).toBe(c[0]);
        expect(found.map((c) => c.join('>')).sort()).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('CircuitList', () => {
  const path = (values: number[]): Int32Array => Int32Array.from(values);

  it('CircuitList keeps circuits of any length, across chunk boundaries, in 16 or 32 bits', () => {
    for (const vertexCount of [10, 100_000]) {
      const list = new CircuitList(vertexCount);
      const long = Array.from({ length: (1 << 20) + 5 }, (_, i) => i % vertexCount);
      list.push(path([1, 2, 3]), 3);
      list.push(path(long), long.length);
      list.push(path([7, 8, 9, 9]), 2);
      expect(list.count).toBe(3);
      expect(list.get(0)).toEqual([1, 2, 3]);
      expect(list.get(1)).toEqual(long);
      expect(list.get(2)).toEqual([7, 8]);
      expect(list.lengthOf(1)).toBe(long.length);
      expect([...list].map((c) => c.length)).toEqual([3, long.length, 2]);
      list.clear();
      expect(list.count).toBe(0);
    }
    const wide = new CircuitList(100_000);
    wide.push(path([70_000, 99_999]), 2);
    expect(wide.get(0)).toEqual([70_000, 99_999]);
  });

  it('CircuitList.countVisits counts every pass of every circuit through each vertex', () => {
    const list = new CircuitList(6);
    for (const c of [[0, 1], [1, 2, 3], [0, 1, 2, 3, 4], [5, 5]]) list.push(path(c), c.length);
    const visits = new Int32Array(6).fill(1);
    list.countVisits(visits);
    expect([...visits]).toEqual([1 + 2, 1 + 3, 1 + 2, 1 + 2, 1 + 1, 1 + 2]);
  });

  it('CircuitList.forEachArc visits every arc of every circuit, the closing one too', () => {
    const list = new CircuitList(6);
    for (const c of [[0, 1], [2, 3, 4]]) list.push(path(c), c.length);
    const arcs: string[] = [];
    list.forEachArc((u, v) => arcs.push(`${u}>${v}`));
    expect(arcs).toEqual(['0>1', '1>0', '2>3', '3>4', '4>2']);
  });

  it('CircuitList keeps many short circuits across its growing chunks without copying any', () => {
    const list = new CircuitList(1000);
    const count = 300_000;
    const circuit = (i: number): number[] => Array.from({ length: 2 + (i % 7) }, (_, j) => (i + j) % 1000);
    for (let i = 0; i < count; i++) {
      const c = circuit(i);
      list.push(path(c), c.length);
    }
    expect(list.count).toBe(count);
    for (const i of [0, 1, 4095, 4096, 12_345, 150_000, count - 1]) expect(list.get(i)).toEqual(circuit(i));
    const entries = Array.from({ length: count }, (_, i) => 2 + (i % 7)).reduce((a, b) => a + b, 0);
    // 16-bit entries; chunks double from a small first one, so at most about twice what is kept.
    expect(list.byteLength).toBeLessThan(2 * (2 * entries) + 3 * 4 * 2 * count + (1 << 21));
  });
});

describe('collectCircuits', () => {
  it('collectCircuits(graph, {maxCycles}) keeps up to the cap and says whether more existed', () => {
    const k4 = graphOf(4, complete(4));
    expect(collectCircuits(k4).circuits.count).toBe(completeCircuitCount(4));
    expect(collectCircuits(k4).truncated).toBe(false);
    expect(collectCircuits(k4, { maxCycles: completeCircuitCount(4) }).truncated).toBe(false);
    const capped = collectCircuits(k4, { maxCycles: 5 });
    expect(capped.circuits.count).toBe(5);
    expect(capped.truncated).toBe(true);
    expect([...capped.circuits].map((c) => c.join('>'))).toEqual([...elementaryCircuits(k4)].slice(0, 5).map((c) => c.join('>')));
  });
});
