/**
 * Roundtrip benchmarks: our loop enumeration against two peers on the same graphs in the same run,
 * plus path tracing, centrality and contagion timings, and the explorer's timings in Chromium
 * against stock Cytoscape drawing the same network. Prints a table and writes bench-results.json:
 * [{"name", "peer", "ours_ms", "peer_ms", "ratio", "target_ms", "cycles", "peer_cycles"}],
 * ratio = peer_ms / ours_ms, each time the median of several runs.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DirectedGraph } from 'graphology';
import { allSimplePaths } from 'graphology-simple-path';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import graphologyHits from 'graphology-metrics/centrality/hits';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import { betweenness } from '../src/analysis/betweenness.js';
import { firmMeasures } from '../src/analysis/centrality.js';
import { hits } from '../src/analysis/hits.js';
import { weightedPagerank } from '../src/analysis/pagerank.js';
import { collectCircuits } from '../src/analysis/circuits.js';
import { arcIndex, indexGraph, type IndexedGraph } from '../src/analysis/indexed-graph.js';
import { findLoops } from '../src/analysis/loops.js';
import { simplePaths } from '../src/analysis/paths.js';
import { buildFirmGraph } from '../src/model/graph.js';
import { browserTimings } from './browser.js';
import { completeDigraph, randomDataSet, randomDigraph, vertexId, type ArcList } from './graphs.js';

const require = createRequire(import.meta.url);
const findCircuits = require('elementary-circuits-directed-graph') as (adjacency: number[][], callback?: (cycle: number[]) => void) => number[][];

interface Row {
  name: string;
  peer: string | null;
  ours_ms: number;
  peer_ms: number | null;
  ratio: number | null;
  /** The issue's time limit, for the explorer's browser timings. */
  target_ms?: number;
  cycles: number | null;
  peer_cycles: number | null;
}

const rows: Row[] = [];
const quick = process.argv.includes('--quick');
/** --browser-only: just the explorer's timings in Chromium. */
const browserOnly = process.argv.includes('--browser-only');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median wall time of repeated calls. Short functions are warmed up first (so the JIT has compiled
 * them, as in a long-lived page) and repeated for at least half a second; returns the last result.
 */
function measure<T>(runs: number, fn: () => T): { ms: number; result: T } {
  const first = performance.now();
  let result = fn();
  const firstMs = performance.now() - first;
  // A call that takes seconds is already past the JIT's warm-up: time it once and report that.
  if (firstMs > 1000 && runs <= 1) return { ms: firstMs, result };
  const warmUntil = performance.now() + 300;
  for (let i = 0; i < 50 && performance.now() < warmUntil; i++) result = fn();
  const times: number[] = [];
  const timeUntil = performance.now() + 500;
  while (times.length < runs || (times.length < 200 && performance.now() < timeUntil)) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const round = (x: number): number => Math.round(x * 100) / 100;

function record(row: Row): void {
  console.error(`  done: ${row.name} vs ${row.peer ?? '(no peer)'}`);
  rows.push({ ...row, ours_ms: round(row.ours_ms), peer_ms: row.peer_ms === null ? null : round(row.peer_ms), ratio: row.ratio === null ? null : round(row.ratio) });
}

// ---- loop enumeration -------------------------------------------------------------------------

const STOP = Symbol('cap reached');

/** Ours, keeping every circuit (in its compact list) up to the cap. */
function ours(graph: IndexedGraph, cap: number): number {
  return collectCircuits(graph, { maxCycles: cap }).circuits.count;
}

/** The npm package, stopped at the cap by throwing from its callback (it has no other way out). */
function peerJohnson(adjacency: number[][], cap: number): number[][] {
  const found: number[][] = [];
  const copy = adjacency.map((list) => [...list]); // it rewrites its input
  try {
    findCircuits(copy, (cycle) => {
      if (found.length === cap) throw STOP;
      found.push(cycle);
    });
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return found;
}

/** graphology-simple-path: all simple paths from each vertex back to itself, deduplicated by rotation. */
function peerSimplePath(graph: DirectedGraph): number {
  const seen = new Set<string>();
  graph.forEachNode((node) => {
    for (const path of allSimplePaths(graph, node, node)) {
      const cycle = path.slice(0, -1);
      let best = 0;
      for (let i = 1; i < cycle.length; i++) if ((cycle[i] as string) < (cycle[best] as string)) best = i;
      seen.add([...cycle.slice(best), ...cycle.slice(0, best)].join('>'));
    }
  });
  return seen.size;
}

function toIndexed({ n, arcs }: ArcList): IndexedGraph {
  return indexGraph(
    Array.from({ length: n }, (_, i) => vertexId(i, n)),
    arcs.map(([a, b]) => [vertexId(a, n), vertexId(b, n)] as const),
  );
}

function toAdjacency({ n, arcs }: ArcList): number[][] {
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of arcs) (lists[a] as number[]).push(b);
  return lists;
}

function toGraphology({ n, arcs }: ArcList): DirectedGraph {
  const graph = new DirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(vertexId(i, n));
  for (const [a, b] of arcs) graph.addDirectedEdge(vertexId(a, n), vertexId(b, n));
  return graph;
}

interface LoopCase {
  name: string;
  graph: ArcList;
  cap: number;
  runs: number;
  /** graphology-simple-path has no cap, so it only runs where every loop can be listed. */
  simplePath: boolean;
}

const loopCases: LoopCase[] = [
  { name: 'K8 (complete, 8 firms)', graph: completeDigraph(8), cap: Number.POSITIVE_INFINITY, runs: 7, simplePath: true },
  { name: 'K9 (complete, 9 firms)', graph: completeDigraph(9), cap: Number.POSITIVE_INFINITY, runs: quick ? 3 : 5, simplePath: !quick },
  { name: 'random 1,000/1,300 (all loops)', graph: randomDigraph(1000, 1300, 8), cap: Number.POSITIVE_INFINITY, runs: 5, simplePath: false },
  { name: 'random 50/300 (cap 10,000)', graph: randomDigraph(50, 300, 1), cap: 10_000, runs: 7, simplePath: false },
  { name: 'random 200/1,500 (cap 10,000)', graph: randomDigraph(200, 1500, 2), cap: 10_000, runs: 7, simplePath: false },
  { name: 'random 1,000/5,000 (cap 10,000)', graph: randomDigraph(1000, 5000, 3), cap: 10_000, runs: 7, simplePath: false },
];

/** Heap plus typed-array buffers, after a full collection. */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 2 ** 20;
}

for (const c of browserOnly ? [] : loopCases) {
  const indexed = toIndexed(c.graph);
  const adjacency = toAdjacency(c.graph);
  const mine = measure(c.runs, () => ours(indexed, c.cap));
  const johnson = measure(c.runs, () => peerJohnson(adjacency, c.cap));
  record({
    name: c.name,
    peer: 'elementary-circuits-directed-graph',
    ours_ms: mine.ms,
    peer_ms: johnson.ms,
    ratio: johnson.ms / mine.ms,
    cycles: mine.result,
    peer_cycles: johnson.result.length,
  });
  if (c.simplePath) {
    const graph = toGraphology(c.graph);
    const simple = measure(Math.min(c.runs, 3), () => peerSimplePath(graph));
    record({ name: c.name, peer: 'graphology-simple-path', ours_ms: mine.ms, peer_ms: simple.ms, ratio: simple.ms / mine.ms, cycles: mine.result, peer_cycles: simple.result });
  }
}

// Memory: loops kept plus the graph, against the peer keeping the same loops.
function memoryComparison(): string {
  const k9 = completeDigraph(9);
  const before = heapMb();
  const keptOurs = collectCircuits(toIndexed(k9)).circuits;
  const oursMb = heapMb() - before;
  const before2 = heapMb();
  const keptPeer = peerJohnson(toAdjacency(k9), Number.POSITIVE_INFINITY);
  const peerMb = heapMb() - before2;
  return `memory, K9 with all loops kept: ours ${oursMb.toFixed(1)} MB (${keptOurs.count} loops), elementary-circuits-directed-graph ${peerMb.toFixed(1)} MB (${keptPeer.length} loops)`;
}
const memoryLine = browserOnly ? '' : memoryComparison();

// ---- path tracing -----------------------------------------------------------------------------

for (const [n, m, maxLength] of browserOnly ? [] : ([
  [300, 1200, 6],
  [2000, 10_000, 6],
] as const)) {
  const arcs = randomDigraph(n, m, 11);
  const indexed = toIndexed(arcs);
  const simple = toGraphology(arcs);
  const from = vertexId(0, n);
  const to = vertexId(1, n);
  const mine = measure(5, () => [...simplePaths(indexed, 0, 1, maxLength)].length);
  const peer = measure(3, () => allSimplePaths(simple, from, to, { maxDepth: maxLength }).length);
  record({
    name: `paths ${n}/${m}, one pair, ≤ ${maxLength} hops`,
    peer: 'graphology-simple-path',
    ours_ms: mine.ms,
    peer_ms: peer.ms,
    ratio: peer.ms / mine.ms,
    cycles: mine.result,
    peer_cycles: peer.result,
  });
}

// ---- centrality: our Brandes, HITS and PageRank against graphology-metrics -----------------------

for (const [n, m] of browserOnly ? [] : ([
  [1000, 5000],
  [2000, 10_000],
] as const)) {
  const arcs = randomDigraph(n, m, 13);
  const indexed = toIndexed(arcs);
  const graph = toGraphology(arcs);
  const mineB = measure(3, () => betweenness(indexed).values.length);
  const peerB = measure(3, () => Object.keys(graphologyBetweenness(graph, { getEdgeWeight: null })).length);
  record({ name: `betweenness (exact) ${n}/${m}`, peer: 'graphology-metrics', ours_ms: mineB.ms, peer_ms: peerB.ms, ratio: peerB.ms / mineB.ms, cycles: null, peer_cycles: null });
  const mineH = measure(3, () => hits(indexed, { maxIterations: 1000, tolerance: 1e-10 })?.hubs.length ?? 0);
  const peerH = measure(3, () => {
    try {
      return Object.keys(graphologyHits(graph, { getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-10 }).hubs).length;
    } catch {
      return 0;
    }
  });
  record({ name: `HITS ${n}/${m}`, peer: 'graphology-metrics', ours_ms: mineH.ms, peer_ms: peerH.ms, ratio: peerH.ms / mineH.ms, cycles: null, peer_cycles: null });
  // Weighted PageRank, each arc weighing 1 to 100 (the same weights for both).
  const weightOf = (a: number, b: number): number => 1 + ((a * 31 + b * 17) % 100);
  const weights = new Float64Array(indexed.targets.length);
  for (const [a, b] of arcs.arcs) {
    const u = indexed.indexOf.get(vertexId(a, n)) as number;
    weights[arcIndex(indexed, u, indexed.indexOf.get(vertexId(b, n)) as number)] = weightOf(a, b);
    graph.setEdgeAttribute(vertexId(a, n), vertexId(b, n), 'weight', weightOf(a, b));
  }
  const pagerankOptions = { alpha: 0.85, maxIterations: 1000, tolerance: 1e-10 };
  const mineP = measure(3, () => weightedPagerank(indexed, weights, pagerankOptions).length);
  const peerP = measure(3, () => Object.keys(graphologyPagerank(graph, { ...pagerankOptions, getEdgeWeight: 'weight' })).length);
  record({ name: `PageRank (weighted) ${n}/${m}`, peer: 'graphology-metrics', ours_ms: mineP.ms, peer_ms: peerP.ms, ratio: peerP.ms / mineP.ms, cycles: null, peer_cycles: null });
}

// ---- whole pipeline, centrality -----------------------------------------------------------------

for (const [n, m, runs] of browserOnly ? [] : ([
  [1000, 5000, 5],
  [10_000, 50_000, 1],
] as const)) {
  const graph = buildFirmGraph(randomDataSet(n, m, 5));
  // The search alone (what a view showing counts needs), and with every loop object made.
  const search = measure(runs, () => findLoops(graph, { maxCycles: 10_000 }).loopsPerFirm.size);
  const loops = measure(runs, () => {
    const found = findLoops(graph, { maxCycles: 10_000 });
    return { count: found.count, loops: found.loops };
  });
  record({ name: `findLoops on deals ${n}/${m} (cap 10,000), counts only`, peer: null, ours_ms: search.ms, peer_ms: null, ratio: null, cycles: loops.result.count, peer_cycles: null });
  record({ name: `findLoops on deals ${n}/${m} (cap 10,000), loops made`, peer: null, ours_ms: loops.ms, peer_ms: null, ratio: null, cycles: loops.result.count, peer_cycles: null });
  if (quick && n > 1000) continue;
  // Betweenness is computed when first read: reading one value times every measure.
  const measures = measure(runs, () => firmMeasures(graph, { loops: loops.result.loops }).map((m) => m.betweenness).length);
  record({ name: `firmMeasures (all centrality) ${n}/${m}`, peer: null, ours_ms: measures.ms, peer_ms: null, ratio: null, cycles: null, peer_cycles: null });
}

// ---- the explorer in Chromium -------------------------------------------------------------------

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (process.argv.includes('--no-browser')) {
  console.error('  skipped: browser timings (--no-browser)');
} else if (!existsSync(chromiumPath)) {
  console.error(`  skipped: browser timings (no Chromium at ${chromiumPath})`);
} else {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const { buildAll } = (await import(pathToFileURL(path.join(root, 'build.mjs')).href)) as { buildAll(o: { quiet: boolean }): Promise<void> };
  const { serveDirectory } = (await import(pathToFileURL(path.join(root, 'scripts/serve.mjs')).href)) as {
    serveDirectory(dir: string, o: { port: number }): Promise<Server>;
  };
  await buildAll({ quiet: true });
  for (const timing of await browserTimings(root, path.join(root, 'dist'), (dir) => serveDirectory(dir, { port: 0 }), chromiumPath)) {
    record({ name: timing.name, peer: 'stock Cytoscape', ours_ms: timing.ms, peer_ms: timing.peer_ms, ratio: timing.peer_ms / timing.ms, target_ms: timing.target_ms, cycles: null, peer_cycles: null });
  }
}

// ---- report -----------------------------------------------------------------------------------

writeFileSync('bench-results.json', `${JSON.stringify(rows, null, 2)}\n`);
const header = ['benchmark', 'peer', 'ours ms', 'peer ms', 'ratio', 'target ms', 'found', 'peer found'];
const cells = rows.map((r) => [
  r.name,
  r.peer ?? '–',
  r.ours_ms.toFixed(2),
  r.peer_ms === null ? '–' : r.peer_ms.toFixed(2),
  r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
  r.target_ms === undefined ? '–' : `${r.target_ms.toFixed(0)}${r.ours_ms <= r.target_ms ? '' : ' (over)'}`,
  r.cycles === null ? '–' : String(r.cycles),
  r.peer_cycles === null ? '–' : String(r.peer_cycles) + (r.cycles !== null && r.peer_cycles !== r.cycles ? ' (differs)' : ''),
]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
const line = (c: string[]) => c.map((x, i) => (i >= 2 ? x.padStart(widths[i] as number) : x.padEnd(widths[i] as number))).join('  ');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const c of cells) console.log(line(c));
if (memoryLine) console.log(`\n${memoryLine}`);
console.log('ratio = peer ms / ours ms (median of several runs); wrote bench-results.json');
if (rows.some((r) => r.target_ms !== undefined)) {
  console.log(
    'browser timings: the peer is stock Cytoscape drawing the same elements at the same positions with the same stylesheet, with no analysis or panels (bench/peer-page.ts); runs alternate between the two pages',
  );
}

// The target: at least 2× every correct peer on every graph with 10,000+ loops.
const misses = rows.filter((r) => r.peer !== null && r.cycles !== null && r.cycles >= 10_000 && r.peer_cycles === r.cycles && (r.ratio ?? 0) < 2);
if (misses.length > 0) {
  console.log(`\nbelow the 2× target: ${misses.map((r) => `${r.name} vs ${r.peer} (${r.ratio}×)`).join('; ')}`);
  process.exitCode = 1;
}
