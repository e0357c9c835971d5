/**
 * The maximum-circulation benchmark's network and its two peers: HiGHS (the `highs` npm package)
 * solving the linear program, and networkx's network simplex in Python (bench/max_circulation_nx.py,
 * in a virtual environment made from a local wheel).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { arcWeights } from '../src/analysis/arc-weights.js';
import { indexFirmGraph, type IndexedGraph } from '../src/analysis/indexed-graph.js';
import { buildFirmGraph } from '../src/model/graph.js';
import { randomDataSet } from './graphs.js';

export interface CirculationNetwork {
  indexed: IndexedGraph;
  /** Known money per arc of `indexed`: whole dollars, so every solver sees the same numbers exactly. */
  weights: Float64Array;
  /** The same arcs as [tail, head, capacity], in the indexed graph's order. */
  arcs: Array<[number, number, number]>;
}

/** The known money of a seeded data set of n firms and m deals (parallel deals summed, undisclosed ones 0). */
export function circulationNetwork(n: number, m: number, seed: number): CirculationNetwork {
  const graph = buildFirmGraph(randomDataSet(n, m, seed));
  const indexed = indexFirmGraph(graph);
  const weights = arcWeights(graph, indexed);
  const arcs: Array<[number, number, number]> = [];
  let total = 0;
  for (let u = 0; u < indexed.ids.length; u++) {
    for (let a = indexed.offsets[u] as number; a < (indexed.offsets[u + 1] as number); a++) {
      const w = weights[a] as number;
      if (!Number.isSafeInteger(w)) throw new Error(`bench: arc ${a} has capacity ${w}, not a whole number of dollars`);
      total += w;
      arcs.push([u, indexed.targets[a] as number, w]);
    }
  }
  if (!Number.isSafeInteger(total)) throw new Error(`bench: the network's total ${total} is not exact in doubles`);
  return { indexed, weights, arcs };
}

/**
 * The linear program max Σ c_a subject to 0 ≤ c_a ≤ w_a and, at every vertex, inflow = outflow, in
 * CPLEX LP format (as test/analysis/circularity.test.ts writes it for HiGHS, built in linear time).
 */
export function circulationLp(n: number, arcs: ReadonlyArray<readonly [number, number, number]>): string {
  const terms: string[][] = Array.from({ length: n }, () => []);
  arcs.forEach(([u, v], i) => {
    (terms[v] as string[]).push(`+ c${i}`);
    (terms[u] as string[]).push(`- c${i}`);
  });
  const lines = ['Maximize', ' obj:'];
  // Long sums are split over lines, which the format allows.
  for (let i = 0; i < arcs.length; i += 20) {
    lines.push(`  ${arcs.slice(i, i + 20).map((_, j) => `${i + j === 0 ? '' : '+ '}c${i + j}`).join(' ')}`);
  }
  lines.push('Subject To');
  terms.forEach((list, v) => {
    if (list.length === 0) return;
    lines.push(` v${v}:`);
    for (let i = 0; i < list.length; i += 20) lines.push(`  ${list.slice(i, i + 20).join(' ')}`);
    lines.push('  = 0');
  });
  lines.push('Bounds', ...arcs.map(([, , w], i) => ` 0 <= c${i} <= ${w}`), 'End');
  return lines.join('\n');
}

/** The bench's Python peers, installed together from ../shared/wheels (or $ROUNDTRIP_WHEELS). */
const PEER_PACKAGES = ['networkx', 'python-igraph'];

/** Whether `python` imports `module`. */
export function pythonHas(python: string, module: string): boolean {
  return spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/**
 * A Python with networkx (and python-igraph, when its wheels are there): the virtual environment in
 * node_modules/.cache/roundtrip/venv, made and filled from the wheels folder, without an index, when
 * networkx or igraph is missing. Returns the interpreter's path, or the reason there is none.
 */
export function networkxPython(root: string): { python: string } | { reason: string } {
  const venv = path.join(process.env.ROUNDTRIP_CACHE ?? path.join(root, 'node_modules', '.cache', 'roundtrip'), 'venv');
  const python = path.join(venv, 'bin', 'python');
  if (existsSync(python) && pythonHas(python, 'networkx') && pythonHas(python, 'igraph')) return { python };
  const wheels = process.env.ROUNDTRIP_WHEELS ?? path.resolve(root, '..', 'shared', 'wheels');
  if (!existsSync(wheels)) return { reason: `no wheels folder at ${wheels}` };
  mkdirSync(path.dirname(venv), { recursive: true });
  const base = process.env.PYTHON ?? 'python3';
  if (!existsSync(python)) {
    const made = spawnSync(base, ['-m', 'venv', venv], { encoding: 'utf8' });
    if (made.error || made.status !== 0) return { reason: `\`${base} -m venv ${venv}\` failed: ${made.error?.message ?? made.stderr.trim()}` };
  }
  for (const name of PEER_PACKAGES) {
    // One at a time: networkx still serves when igraph's wheels are missing.
    spawnSync(python, ['-m', 'pip', 'install', '--quiet', '--no-index', '--disable-pip-version-check', '--find-links', wheels, name], { encoding: 'utf8' });
  }
  return pythonHas(python, 'networkx') ? { python } : { reason: `networkx does not install from ${wheels} into ${venv}` };
}

export interface NetworkxRun {
  ms: number;
  circularUsd: number;
  version: string;
}

/** networkx's network simplex on the network, `runs` times in one Python process; only the solves are timed. */
export function networkxMaxCirculation(python: string, script: string, n: number, arcs: ReadonlyArray<readonly [number, number, number]>, runs: number, timeoutMs: number): NetworkxRun | { reason: string } {
  const result = spawnSync(python, [script], { input: JSON.stringify({ n, arcs, runs }), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 24 });
  if (result.error) return { reason: `networkx run failed: ${result.error.message}` };
  if (result.status !== 0) return { reason: `networkx run exited ${result.status ?? result.signal}: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}` };
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop() as string) as { ms: number; circular_usd: number; networkx: string };
  return { ms: parsed.ms, circularUsd: parsed.circular_usd, version: parsed.networkx };
}
