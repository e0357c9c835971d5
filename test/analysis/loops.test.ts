import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLoops, iterateLoops, loopsThrough, sortLoops, type MoneyLoop } from '../../src/analysis/loops.js';
import { paths } from '../../src/analysis/paths.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedGraph } from '../fixtures/shipped.js';
import { bruteForceCircuits, bruteForcePaths, type Arc } from './oracle.js';

const firm = (i: number): string => `f${String(i).padStart(2, '0')}`;

/** A random small multigraph of firms f00…f06 with parallel deals and undisclosed amounts. */
const randomDeals = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    deals: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
        amount: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
      }),
      { maxLength: 3 * n },
    ),
  }),
);

function graphFromRandom(n: number, deals: Array<{ from: number; to: number; amount: number | null }>) {
  const valid = deals.filter((d) => d.from !== d.to);
  const data = dataSetFromEdges(
    valid.map((d) => [firm(d.from), firm(d.to), { amountUsd: d.amount, amountBasis: d.amount === null ? 'undisclosed' : 'committed' }] as const),
    Array.from({ length: n }, (_, i) => firm(i)),
  );
  return { graph: buildFirmGraph(data), arcs: valid.map((d) => [d.from, d.to] as Arc) };
}

const idOf = (vertexList: string): string => vertexList.split('>').map((v) => firm(Number(v))).join('>');

describe('findLoops', () => {
  it('findLoops(graph) equals the brute-force oracle on random multigraphs; parallel deals share one hop', () => {
    fc.assert(
      fc.property(randomDeals, fc.integer({ min: 2, max: 7 }), ({ n, deals }, maxLength) => {
        const { graph, arcs } = graphFromRandom(n, deals);
        const result = findLoops(graph, { maxLength });
        const expected = bruteForceCircuits(n, arcs, maxLength).map(idOf).sort();
        expect(result.loops.map((l) => l.id).sort()).toEqual(expected);
        expect(result.truncated).toBe(false);
        for (const loop of result.loops) {
          expect(loop.firms[0]).toBe([...loop.firms].sort()[0]);
          for (const hop of loop.hops) {
            // graphology's edges(u, v) on a directed multigraph returns both directions; outEdges(u, v) is u → v.
            expect([...hop.deals].sort()).toEqual(graph.outEdges(hop.from, hop.to).sort());
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('findLoops(graph, {maxCycles}) stops at the cap and says so only when more loops exist', () => {
    const graph = buildFirmGraph(
      dataSetFromEdges([
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c'],
        ['c', 'b'],
        ['c', 'a'],
        ['a', 'c'],
      ]),
    );
    const all = findLoops(graph);
    expect(all.count).toBe(5);
    expect(all.truncated).toBe(false);
    expect(findLoops(graph, { maxCycles: 5 })).toMatchObject({ count: 5, truncated: false });
    expect(findLoops(graph, { maxCycles: 2 })).toMatchObject({ count: 2, truncated: true });
    expect(findLoops(graph, { maxCycles: 0 })).toMatchObject({ count: 0, truncated: true });
  });

  it('findLoops(graph, {maxCycles}) gives the loops of iterateLoops in its order, and counts them per firm', () => {
    fc.assert(
      fc.property(randomDeals, fc.integer({ min: 0, max: 12 }), ({ n, deals }, maxCycles) => {
        const { graph } = graphFromRandom(n, deals);
        const streamed = [...iterateLoops(graph)];
        const found = findLoops(graph, { maxCycles });
        expect(found.count).toBe(Math.min(maxCycles, streamed.length));
        expect(found.truncated).toBe(streamed.length > maxCycles);
        // The counts come from the search itself, before any loop is made; they agree with the loops.
        const counted = new Map<string, number>();
        for (const loop of streamed.slice(0, maxCycles)) for (const id of loop.firms) counted.set(id, (counted.get(id) ?? 0) + 1);
        expect(new Map(found.loopsPerFirm)).toEqual(counted);
        // So do the deals on the loops: every deal of every hop, each once, in data order.
        const onLoops = new Set(streamed.slice(0, maxCycles).flatMap((loop) => loop.hops.flatMap((hop) => hop.deals)));
        expect([...found.dealsOnLoops]).toEqual(graph.edges().filter((id) => onLoops.has(id)));
        expect(found.loops).toEqual(streamed.slice(0, maxCycles));
        // Made once: every read gives the same list.
        expect(found.loops).toBe(found.loops);
      }),
      { numRuns: 300 },
    );
  });

  it('findLoops measures each loop: bottleneck, total, types, date span, disclosure', () => {
    const graph = buildFirmGraph(
      dataSetFromEdges([
        ['a', 'b', { type: 'investment', amountUsd: 30, date: '2025-02' }],
        ['a', 'b', { type: 'equity', amountUsd: 20, date: '2024' }],
        ['b', 'c', { type: 'purchase', amountUsd: 40, date: '2025-06-01' }],
        ['c', 'a', { type: 'purchase', amountUsd: 45, date: '2025-01-31' }],
        ['c', 'b', { type: 'loan', amountUsd: null, amountBasis: 'undisclosed', date: '2026-01' }],
      ]),
    );
    const byId = new Map(findLoops(graph).loops.map((l) => [l.id, l]));
    expect([...byId.keys()].sort()).toEqual(['a>b>c', 'b>c']);
    expect(byId.get('a>b>c')).toEqual({
      id: 'a>b>c',
      firms: ['a', 'b', 'c'],
      hops: [
        { from: 'a', to: 'b', deals: ['e0-a-b', 'e1-a-b'], amountUsd: 50 },
        { from: 'b', to: 'c', deals: ['e2-b-c'], amountUsd: 40 },
        { from: 'c', to: 'a', deals: ['e3-c-a'], amountUsd: 45 },
      ],
      length: 3,
      types: ['investment', 'purchase', 'equity'],
      bottleneckUsd: 40,
      totalUsd: 135,
      firstDate: '2024',
      lastDate: '2025-06-01',
      disclosed: true,
      closesThrough: [],
      // c → a (January 2025) pays for a → b (February) which pays for b → c (June).
      inOrder: true,
      orderedHops: [
        { from: 'c', to: 'a', deal: 'e3-c-a', start: '2025-01-31' },
        { from: 'a', to: 'b', deal: 'e0-a-b', start: '2025-02-01' },
        { from: 'b', to: 'c', deal: 'e2-b-c', start: '2025-06-01' },
      ],
    } satisfies MoneyLoop);
    expect(byId.get('b>c')).toMatchObject({ bottleneckUsd: null, totalUsd: 40, disclosed: false, firstDate: '2025-06-01', lastDate: '2026-01' });
    // Both loops pass b → c: they share that hop, which no caller can change.
    const shared = byId.get('a>b>c')!.hops[1]!;
    expect(byId.get('b>c')!.hops[0]).toBe(shared);
    expect(Object.isFrozen(shared) && Object.isFrozen(shared.deals) && Object.isFrozen(byId.get('b>c')!.types)).toBe(true);
  });

  it('findLoops leaves a superseded amount out of hop amounts and totals', () => {
    const graph = buildFirmGraph(
      dataSetFromEdges([
        ['a', 'b', { id: 'loi', amountUsd: 100, status: 'loi', supersededBy: 'final' }],
        ['a', 'b', { id: 'final', amountUsd: 30 }],
        ['b', 'a', { id: 'back', amountUsd: 70 }],
      ]),
    );
    expect(findLoops(graph).loops[0]).toMatchObject({ id: 'a>b', bottleneckUsd: 30, totalUsd: 100 });
    expect(findLoops(graph).loops[0]?.hops[0]).toEqual({ from: 'a', to: 'b', deals: ['loi', 'final'], amountUsd: 30 });
  });

  it('findLoops counts a superseded amount again when a filter removes the deal that replaced it', () => {
    const graph = buildFirmGraph(
      dataSetFromEdges([
        ['a', 'b', { id: 'loi', amountUsd: 100, status: 'loi', supersededBy: 'final', date: '2025-09' }],
        ['a', 'b', { id: 'final', amountUsd: 30, date: '2026-02' }],
        ['b', 'a', { id: 'back', amountUsd: 70, date: '2025-09' }],
      ]),
    );
    expect(findLoops(filterFirmGraph(graph, { to: '2025-12' })).loops[0]?.hops[0]).toEqual({ from: 'a', to: 'b', deals: ['loi'], amountUsd: 100 });
  });

  it('findLoops rejects nonsensical options with a clear message', () => {
    const graph = buildFirmGraph(dataSetFromEdges([['a', 'b']]));
    expect(() => findLoops(graph, { maxLength: 1 })).toThrow('roundtrip/loops: maxLength must be a whole number of at least 2 (got 1)');
    expect(() => findLoops(graph, { maxCycles: -1 })).toThrow('roundtrip/loops: maxCycles must be a whole number of at least 0 (got -1)');
  });
});

describe('loopsThrough', () => {
  it('loopsThrough(graph, firm) is exactly the loops of findLoops that contain the firm', () => {
    fc.assert(
      fc.property(randomDeals, fc.nat(), ({ n, deals }, pick) => {
        const { graph } = graphFromRandom(n, deals);
        const target = firm(pick % n);
        const expected = findLoops(graph).loops.filter((l) => l.firms.includes(target));
        const through = loopsThrough(graph, target);
        expect(through.loops.map((l) => l.id).sort()).toEqual(expected.map((l) => l.id).sort());
        const onLoops = new Set(expected.flatMap((loop) => loop.hops.flatMap((hop) => hop.deals)));
        expect([...through.dealsOnLoops]).toEqual(graph.edges().filter((id) => onLoops.has(id)));
        const counted = new Map<string, number>();
        for (const loop of expected) for (const id of loop.firms) counted.set(id, (counted.get(id) ?? 0) + 1);
        expect(new Map(through.loopsPerFirm)).toEqual(counted);
      }),
      { numRuns: 200 },
    );
  });

  it('loopsThrough names an unknown firm', () => {
    expect(() => loopsThrough(shippedGraph(), 'nvidai')).toThrow('roundtrip/loops: unknown firm "nvidai"');
  });
});

describe('paths', () => {
  it('paths(graph, from, to, {maxLength}) equals the brute-force oracle', () => {
    fc.assert(
      fc.property(randomDeals, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 }), ({ n, deals }, a, b, maxLength) => {
        const from = a % n;
        const to = b % n;
        fc.pre(from !== to);
        const { graph, arcs } = graphFromRandom(n, deals);
        const result = paths(graph, firm(from), firm(to), { maxLength });
        expect(result.paths.map((p) => p.firms.join('>')).sort()).toEqual(bruteForcePaths(n, arcs, from, to, maxLength).map(idOf));
        for (const p of result.paths) expect(p.hops.map((h) => h.from)).toEqual(p.firms.slice(0, -1));
      }),
      { numRuns: 300 },
    );
  });

  it('paths stops at maxPaths and reports truncation', () => {
    const graph = buildFirmGraph(dataSetFromEdges([['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd'], ['a', 'd']]));
    expect(paths(graph, 'a', 'd').count).toBe(3);
    expect(paths(graph, 'a', 'd', { maxPaths: 2 })).toMatchObject({ count: 2, truncated: true });
    expect(paths(graph, 'a', 'd', { maxLength: 1 }).paths.map((p) => p.firms)).toEqual([['a', 'd']]);
  });

  it('paths names unknown firms and refuses a path from a firm to itself', () => {
    const graph = buildFirmGraph(dataSetFromEdges([['a', 'b']]));
    expect(() => paths(graph, 'a', 'zz')).toThrow('roundtrip/paths: unknown firm "zz"');
    expect(() => paths(graph, 'a', 'a')).toThrow('roundtrip/paths: from and to are the same firm; use loopsThrough for loops');
  });
});

describe('the loops of the shipped data', () => {
  const graph = shippedGraph();
  const loops = findLoops(graph);
  const ids = new Set(loops.loops.map((l) => l.id));

  it('finds the loops the seed article names', () => {
    expect(loops.truncated).toBe(false);
    expect(ids).toContain('nvidia>openai'); // Nvidia invests in OpenAI, OpenAI buys Nvidia chips
    expect(ids).toContain('amd>openai'); // AMD warrants to OpenAI, OpenAI buys AMD GPUs
    expect(ids).toContain('coreweave>nvidia'); // Nvidia owns part of CoreWeave, CoreWeave buys Nvidia chips
    expect(ids).toContain('nvidia>openai>oracle'); // OpenAI buys from Oracle, Oracle buys Nvidia GPUs, Nvidia invests in OpenAI
    expect(ids).toContain('microsoft>openai'); // Microsoft invests in OpenAI, OpenAI buys Azure
    expect(ids).toContain('nvidia>xai-colossus2-spv'); // Nvidia funds the GPU vehicle, which buys Nvidia GPUs
  });

  it('gives each seed loop the right direction and deals', () => {
    const loop = loops.loops.find((l) => l.id === 'nvidia>openai>oracle');
    expect(loop?.hops.map((h) => `${h.from}>${h.to}`)).toEqual(['nvidia>openai', 'openai>oracle', 'oracle>nvidia']);
    expect([...(loop?.hops[0]?.deals ?? [])].sort()).toEqual(['nvidia-openai-loi-2025', 'nvidia-openai-round-2026']);
    expect(loop?.hops[1]?.deals).toEqual(['openai-oracle-compute-2025']);
    // The $100B letter of intent is superseded by the ~$30B round: the hop is $30B, not $130B.
    expect(loop?.hops[0]?.amountUsd).toBe(30_000_000_000);
    const amd = loops.loops.find((l) => l.id === 'amd>openai');
    expect(amd?.types).toEqual(['purchase', 'warrants']);
    expect(amd?.bottleneckUsd).toBeNull();
  });

  it('finds no loop through a firm that only receives money, and the loops through OpenAI when asked', () => {
    expect(loopsThrough(graph, 'ig-bond-investors').count).toBe(0);
    const throughOpenAi = loopsThrough(graph, 'openai').loops.map((l) => l.id).sort();
    expect(throughOpenAi).toEqual(loops.loops.filter((l) => l.firms.includes('openai')).map((l) => l.id).sort());
    expect(throughOpenAi.length).toBeGreaterThan(3);
  });

  it('drops the loops a filter removes: without purchases there is no loop at all', () => {
    expect(findLoops(filterFirmGraph(graph, { types: ['investment', 'equity', 'loan'] })).count).toBe(0);
    expect(findLoops(filterFirmGraph(graph, { statuses: ['confirmed'] })).loops.map((l) => l.id)).not.toContain('nvidia>openai>oracle');
  });

  it('sortLoops orders by bottleneck (largest first, undisclosed last), then by the other keys', () => {
    const sorted = sortLoops(loops.loops);
    const known = sorted.filter((l) => l.bottleneckUsd !== null);
    expect(sorted.slice(0, known.length)).toEqual(known);
    for (let i = 1; i < known.length; i++) expect(known[i - 1]!.bottleneckUsd!).toBeGreaterThanOrEqual(known[i]!.bottleneckUsd!);
    const byLength = sortLoops(loops.loops, 'length');
    for (let i = 1; i < byLength.length; i++) expect(byLength[i - 1]!.length).toBeLessThanOrEqual(byLength[i]!.length);
    const byTotal = sortLoops(loops.loops, 'total', false);
    for (let i = 1; i < byTotal.length; i++) expect(byTotal[i - 1]!.totalUsd).toBeLessThanOrEqual(byTotal[i]!.totalUsd);
  });

  it('iterateLoops yields the first loop before the search is done', () => {
    const first = iterateLoops(graph).next();
    expect(first.done).toBe(false);
    expect(ids).toContain(first.value?.id);
  });
});
