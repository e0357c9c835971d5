import fc from 'fast-check';
import { DirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { describe, expect, it } from 'vitest';
import { firmMeasures, firmMeasureSteps, type FirmMeasures } from '../../src/analysis/centrality.js';
import { findLoops } from '../../src/analysis/loops.js';
import { countedAmount } from '../../src/model/amounts.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedGraph } from '../fixtures/shipped.js';

function measuresOf(edges: Parameters<typeof dataSetFromEdges>[0], extra: string[] = []): Map<string, FirmMeasures> {
  const graph = buildFirmGraph(dataSetFromEdges(edges, extra));
  return new Map(firmMeasures(graph, { loops: findLoops(graph).loops }).map((m) => [m.id, m]));
}

describe('firmMeasures', () => {
  it('in steps, pausing after the index, PageRank and HITS, gives the same measures', () => {
    const graph = shippedGraph();
    const steps = firmMeasureSteps(graph);
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    expect(pauses).toBe(3);
    const plain = firmMeasures(graph);
    expect(next.value.map((m) => ({ ...m }))).toEqual(plain.map((m) => ({ ...m })));
  });

  it('firmMeasures(empty graph) returns nothing', () => {
    expect(firmMeasures(buildFirmGraph({ entities: [], deals: [] }))).toEqual([]);
  });

  it('firmMeasures counts a pair of firms once and sums its known money, leaving a superseded amount out', () => {
    const m = measuresOf([
      ['a', 'b', { id: 'loi', amountUsd: 100, status: 'loi', supersededBy: 'final' }],
      ['a', 'b', { id: 'final', amountUsd: 30 }],
      ['a', 'b', { id: 'more', amountUsd: 5, type: 'purchase' }],
      ['b', 'a', { id: 'back', amountUsd: null, amountBasis: 'undisclosed' }],
    ]);
    expect(m.get('a')).toMatchObject({ outDegree: 1, inDegree: 1, outStrengthUsd: 35, inStrengthUsd: 0 });
    // No known money comes back from b: none of its $35 of inflow is shown going round (the old
    // measure, "inflow on a loop", read 100% here on the strength of an undisclosed deal).
    expect(m.get('b')).toMatchObject({ outDegree: 1, inDegree: 1, outStrengthUsd: 0, inStrengthUsd: 35, circularity: 0, circularOut: null });
  });

  it('firmMeasures gives each firm the circular share of its inflow and outflow', () => {
    // a → b 10, b → a 4: 4 goes round. a: in 4 (all circular), out 10 (40%); b the other way.
    const m = measuresOf([
      ['a', 'b', { amountUsd: 10 }],
      ['b', 'a', { amountUsd: 4 }],
      ['c', 'a', { amountUsd: 6 }],
    ]);
    expect(m.get('a')).toMatchObject({ circularity: 4 / 10, circularOut: 4 / 10 });
    expect(m.get('b')).toMatchObject({ circularity: 4 / 10, circularOut: 1 });
    expect(m.get('c')).toMatchObject({ circularity: null, circularOut: 0 });
  });

  it('firmMeasures gives equal PageRank to two firms paying each other the same', () => {
    const m = measuresOf([
      ['a', 'b', { amountUsd: 5 }],
      ['b', 'a', { amountUsd: 5 }],
    ]);
    expect(m.get('a')!.pagerank).toBeCloseTo(1 / 2, 9);
    expect(m.get('b')!.pagerank).toBeCloseTo(1 / 2, 9);
  });

  it('firmMeasures weights PageRank by amount: the firm receiving more ranks higher', () => {
    const m = measuresOf([
      ['a', 'b', { amountUsd: 1 }],
      ['a', 'c', { amountUsd: 9 }],
    ]);
    expect(m.get('c')!.pagerank).toBeGreaterThan(m.get('b')!.pagerank);
    const total = [...m.values()].reduce((s, x) => s + x.pagerank, 0);
    expect(total).toBeCloseTo(1, 9);
  });

  it('firmMeasures gives the middle of a chain betweenness 1/2 (one of (n-1)(n-2) ordered pairs)', () => {
    const m = measuresOf([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect(m.get('b')!.betweenness).toBeCloseTo(1 / 2, 12);
    expect(m.get('a')!.betweenness).toBe(0);
  });

  it('firmMeasures scores a payer of two firms as the hub and both as authorities', () => {
    const m = measuresOf([
      ['a', 'b'],
      ['a', 'c'],
    ]);
    expect(m.get('a')!.hub).toBeCloseTo(1, 9);
    expect(m.get('b')!.authority).toBeCloseTo(1 / 2, 9);
    expect(m.get('c')!.authority).toBeCloseTo(1 / 2, 9);
  });

  it('firmMeasures: PageRank is graphology\'s on the pairs with known money, whether or not some firm has only undisclosed outflows', () => {
    const deals = fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.option(fc.integer({ min: 1, max: 100 }), { freq: 3 })), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(deals, (arcs) => {
        const edges = arcs.filter(([a, b]) => a !== b).map(([a, b, amount]) => [`f${a}`, `f${b}`, amount === null ? { amountUsd: null, amountBasis: 'undisclosed' as const } : { amountUsd: amount }] as const);
        if (edges.length === 0) return;
        const graph = buildFirmGraph(dataSetFromEdges(edges));
        // The oracle: graphology's PageRank on a graph of the pairs with known money, amounts summed.
        const known = new DirectedGraph();
        graph.forEachNode((id) => known.addNode(id));
        graph.forEachEdge((_id, deal, from, to) => {
          const amount = countedAmount(deal, graph) ?? 0;
          if (amount === 0) return;
          if (known.hasEdge(from, to)) known.updateEdgeAttribute(from, to, 'weight', (w: number) => w + amount);
          else known.addDirectedEdge(from, to, { weight: amount });
        });
        const expected = pagerank(known, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 1000, tolerance: 1e-10 });
        // The same iteration; firms are visited in another order, so sums may differ in the last bits.
        for (const m of firmMeasures(graph)) expect(Math.abs(m.pagerank - expected[m.id]!)).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('firmMeasures counts counterparties, known strength, and leaves undisclosed and superseded amounts out', () => {
    const m = measuresOf([
      ['a', 'b', { amountUsd: 10 }],
      ['a', 'b', { amountUsd: 4 }],
      ['c', 'b', { amountUsd: null, amountBasis: 'undisclosed' }],
      ['d', 'b', { id: 'old', amountUsd: 50, supersededBy: 'new' }],
      ['d', 'b', { id: 'new', amountUsd: 20 }],
    ]);
    expect(m.get('b')).toMatchObject({ inDegree: 3, outDegree: 0, inStrengthUsd: 34, outStrengthUsd: 0 });
    expect(m.get('a')).toMatchObject({ inDegree: 0, outDegree: 1, inStrengthUsd: 0, outStrengthUsd: 14 });
  });

  it('firmMeasures: circularity is the share of known inflow on a loop', () => {
    const m = measuresOf([
      ['a', 'b', { amountUsd: 10 }],
      ['b', 'c', { amountUsd: 10 }],
      ['c', 'a', { amountUsd: 10 }],
      ['d', 'a', { amountUsd: 100 }],
      ['c', 'e', { amountUsd: null, amountBasis: 'undisclosed' }],
    ]);
    expect(m.get('a')!.circularity).toBeCloseTo(10 / 110, 12);
    expect(m.get('b')!.circularity).toBe(1);
    expect(m.get('d')!.circularity).toBeNull();
    expect(m.get('e')!.circularity).toBeNull();
    expect(m.get('a')!.loops).toBe(1);
    expect(m.get('d')!.loops).toBe(0);
  });

  it('firmMeasures on the shipped data: finite numbers for every firm, and the chip sellers are circular', () => {
    const graph = shippedGraph();
    const measures = firmMeasures(graph, { loops: findLoops(graph).loops });
    expect(measures.map((m) => m.id).sort()).toEqual(graph.nodes().sort());
    for (const m of measures) {
      for (const key of ['pagerank', 'betweenness', 'inStrengthUsd', 'outStrengthUsd'] as const) expect(Number.isFinite(m[key]), `${m.id} ${key}`).toBe(true);
      if (m.circularity !== null) {
        expect(m.circularity).toBeGreaterThanOrEqual(0);
        expect(m.circularity).toBeLessThanOrEqual(1);
      }
    }
    const nvidia = measures.find((m) => m.id === 'nvidia')!;
    expect(nvidia.circularity).toBeGreaterThan(0);
    expect(nvidia.loops).toBeGreaterThan(3);
    expect(measures.find((m) => m.id === 'pimco')!.loops).toBe(0);
  });

  it('firmMeasures rejects a damping factor outside (0, 1)', () => {
    expect(() => firmMeasures(buildFirmGraph(dataSetFromEdges([['a', 'b']])), { alpha: 1 })).toThrow(
      'roundtrip/centrality: alpha must be between 0 and 1 (got 1)',
    );
  });
});
