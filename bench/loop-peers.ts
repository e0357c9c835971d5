/**
 * Loop search against networkx 3.6 (`simple_cycles`) and python-igraph 1.0 (`Graph.simple_cycles`,
 * C core) in the same run, from the bench's Python environment (bench/circulation.ts makes it).
 * Two kinds of row: in process (the search alone, warm, each side in its own process) and whole
 * process (`node dist/cli.mjs cycles … --format ndjson` to a file, against a Python process that
 * reads the same deals.json and counts its peer's loops; median of 3 interleaved runs). Plus a
 * differential check: our loops against networkx's on 2,000 small random graphs.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectCircuits, elementaryCircuits } from '../src/analysis/circuits.js';
import { indexGraph, type IndexedGraph } from '../src/analysis/indexed-graph.js';
import { completeDigraph, johnsonWorstCase, randomDigraph, seededRandom, vertexId, type ArcList } from './graphs.js';

export type PeerName = 'networkx' | 'igraph';

export interface PeerRow {
  name: string;
  peer: string | null;
  ours_ms: number;
  peer_ms: number | null;
  ratio: number | null;
  target_ms?: number;
  cycles: number | null;
  peer_cycles: number | null;
  note?: string;
}

interface PeerCase {
  name: string;
  graph: () => ArcList;
  /** null: no bound. */
  maxLength: number | null;
  /** Peers worth running here, and why the others are not. */
  peers: PeerName[];
  skipped?: string;
  /** Also run as whole processes (the data file fits the CLI's 50 MB limit). */
  whole: boolean;
  target_ms?: number;
}

const PEER_TIMEOUT_S = 300;

export function peerCases(quick: boolean): PeerCase[] {
  const cases: PeerCase[] = [
    { name: 'K8 (complete, 8 firms)', graph: () => completeDigraph(8), maxLength: null, peers: ['networkx', 'igraph'], whole: true },
    { name: 'K9 (complete, 9 firms)', graph: () => completeDigraph(9), maxLength: null, peers: ['networkx', 'igraph'], whole: true },
    { name: 'Johnson worst case k = 300', graph: () => johnsonWorstCase(300), maxLength: null, peers: ['networkx', 'igraph'], whole: true },
    {
      name: 'Johnson worst case k = 1,000',
      graph: () => johnsonWorstCase(1000),
      maxLength: null,
      peers: ['networkx'],
      skipped: 'igraph not run: 11 s at k = 300 and growing with k³',
      whole: true,
    },
    {
      name: 'Johnson worst case k = 3,000',
      graph: () => johnsonWorstCase(3000),
      maxLength: null,
      peers: quick ? [] : ['networkx'],
      skipped: 'igraph not run: 11 s at k = 300 and growing with k³',
      whole: true,
      target_ms: 2000,
    },
    { name: 'random 1,000/5,000, loops ≤ 8 hops', graph: () => randomDigraph(1000, 5000, 3), maxLength: 8, peers: ['networkx', 'igraph'], whole: true },
  ];
  for (const n of quick ? [10_000, 100_000] : [10_000, 30_000, 100_000, 300_000]) {
    cases.push({
      name: `random ${n.toLocaleString('en-US')}/${(5 * n).toLocaleString('en-US')}, loops ≤ 4 hops`,
      graph: () => randomDigraph(n, 5 * n, 21),
      maxLength: 4,
      peers: ['igraph'],
      skipped: 'networkx not run: more than 5 minutes at 10,000 firms',
      whole: n <= 30_000,
      ...(n === 100_000 ? { target_ms: 5000 } : {}),
    });
  }
  return cases;
}

function toIndexed({ n, arcs }: ArcList): IndexedGraph {
  return indexGraph(
    Array.from({ length: n }, (_, i) => vertexId(i, n)),
    arcs.map(([a, b]) => [vertexId(a, n), vertexId(b, n)] as const),
  );
}

/** A valid data set of the graph: one investment per arc (the default flows keep them all). */
function writeDataDir(dir: string, { n, arcs }: ArcList): void {
  mkdirSync(dir, { recursive: true });
  const entities = Array.from({ length: n }, (_, i) => ({ id: vertexId(i, n), name: `Firm ${i}`, kind: 'other' }));
  writeFileSync(path.join(dir, 'entities.json'), JSON.stringify({ entities }));
  const deals = arcs.map(([a, b], i) => ({
    id: `d${i}`,
    from: vertexId(a, n),
    to: vertexId(b, n),
    type: 'investment',
    amountUsd: 1_000_000 * (1 + (i % 97)),
    amountBasis: 'committed',
    date: `${2020 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}`,
    status: 'reported',
    title: `Deal ${i}`,
    sources: [{ url: 'https://example.com/', title: 'Generated' }],
  }));
  writeFileSync(path.join(dir, 'deals.json'), JSON.stringify({ deals }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Our search alone, warm: the median of several runs (one when a run takes seconds). A run of a few
 * milliseconds is repeated for half a second first, so V8 has compiled the search's hot loop with
 * its optimizing tier, as it has in a page or a CLI that searches more than once; one warm-up run
 * measured the interpreter's and baseline tiers' times instead (K8: 4–5 ms before, 0.7 ms after).
 */
function oursInProcess(graph: IndexedGraph, maxLength: number | null): { ms: number; cycles: number } {
  const run = () => collectCircuits(graph, maxLength === null ? {} : { maxLength }).circuits.count;
  let cycles = run();
  const warmUntil = performance.now() + 500;
  for (let warm = 0; warm < 200 && performance.now() < warmUntil; warm++) cycles = run();
  const times: number[] = [];
  const until = performance.now() + 1500;
  do {
    const start = performance.now();
    cycles = run();
    times.push(performance.now() - start);
  } while (times.length < 3 || (times.length < 15 && performance.now() < until));
  return { ms: median(times), cycles };
}

type PeerResult = { ms: number; cycles: number } | { reason: string };

function peerInProcess(python: string, script: string, graphFile: string, peer: PeerName): PeerResult {
  const result = spawnSync(python, [script, 'search', graphFile, peer, '5'], { encoding: 'utf8', timeout: PEER_TIMEOUT_S * 1000, maxBuffer: 1 << 24 });
  if (result.error) return { reason: result.error.message.includes('ETIMEDOUT') ? `timed out after ${PEER_TIMEOUT_S} s` : result.error.message };
  if (result.status !== 0) return { reason: `exited ${result.status ?? result.signal}: ${result.stderr.trim().split('\n').slice(-2).join(' / ')}` };
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop() as string) as { ms: number; cycles: number };
  return { ms: parsed.ms, cycles: parsed.cycles };
}

/** Wall time of one process, its stdout to `outFile`. */
function timeProcess(command: string, args: string[], outFile: string, timeoutS: number): { ms: number } | { reason: string } {
  const fd = openSync(outFile, 'w');
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', fd, 'pipe'], timeout: timeoutS * 1000, encoding: 'utf8' });
  const ms = performance.now() - start;
  closeSync(fd);
  if (result.error) return { reason: result.error.message.includes('ETIMEDOUT') ? `timed out after ${timeoutS} s` : result.error.message };
  if (result.status !== 0) return { reason: `exited ${result.status ?? result.signal}: ${(result.stderr ?? '').trim().split('\n').slice(-2).join(' / ')}` };
  return { ms };
}

/** The lines of a file (its last line need not end in a line break), read in chunks: a file of loops may pass a gigabyte. */
function lineCount(file: string): number {
  const fd = openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 22);
  let lines = 0;
  let last = 10;
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      for (let i = chunk.indexOf(10); i >= 0 && i < read; i = chunk.indexOf(10, i + 1)) lines++;
      last = chunk[read - 1] as number;
    }
  } finally {
    closeSync(fd);
  }
  return last === 10 ? lines : lines + 1;
}

/** A loop count's agreement with ours, for the notes. */
function countNote(peer: string, ours: number, theirs: number | null): string | undefined {
  if (theirs === null || theirs === ours) return undefined;
  return theirs < ours ? `${peer} MISSES ${ours - theirs} loops (igraph issue #2911)` : `${peer} reports ${theirs - ours} loops more than exist`;
}

export function loopPeerRows(options: { root: string; cache: string; python: string | null; pythonReason?: string; quick: boolean; log: (line: string) => void }): PeerRow[] {
  const { root, cache, python, quick, log } = options;
  const rows: PeerRow[] = [];
  const script = path.join(root, 'bench', 'loop_peers.py');
  const work = path.join(cache, 'loop-peers');
  mkdirSync(work, { recursive: true });
  const cli = path.join(root, 'dist', 'cli.mjs');
  if (python === null) log(`  skipped: the networkx and igraph rows (${options.pythonReason ?? 'no Python environment'})`);
  for (const c of peerCases(quick)) {
    const arcs = c.graph();
    const indexed = toIndexed(arcs);
    const mine = oursInProcess(indexed, c.maxLength);
    const graphFile = path.join(work, 'graph.json');
    writeFileSync(graphFile, JSON.stringify({ n: arcs.n, arcs: arcs.arcs, max_length: c.maxLength }));
    const base = { name: `${c.name}, in process`, ours_ms: mine.ms, cycles: mine.cycles, ...(c.target_ms === undefined ? {} : { target_ms: c.target_ms }) };
    if (python === null || c.peers.length === 0) rows.push({ ...base, peer: null, peer_ms: null, ratio: null, peer_cycles: null, ...(c.skipped ? { note: c.skipped } : {}) });
    for (const peer of python === null ? [] : c.peers) {
      const theirs = peerInProcess(python as string, script, graphFile, peer);
      if ('reason' in theirs) rows.push({ ...base, peer, peer_ms: null, ratio: null, peer_cycles: null, note: theirs.reason });
      else {
        const note = countNote(peer, mine.cycles, theirs.cycles);
        rows.push({ ...base, peer, peer_ms: theirs.ms, ratio: theirs.ms / mine.ms, peer_cycles: theirs.cycles, ...(note ? { note } : {}) });
      }
      log(`  done: ${c.name} in process vs ${peer}`);
    }
    if (c.skipped && python !== null && c.peers.length > 0) (rows[rows.length - 1] as PeerRow).note = [rows[rows.length - 1]?.note, c.skipped].filter(Boolean).join('; ');
    if (!c.whole) continue;
    // Whole process: the CLI writes every loop as ndjson to a file; the peer reads the same deals.json.
    const dir = path.join(work, 'data');
    writeDataDir(dir, arcs);
    const megabytes = statSync(path.join(dir, 'deals.json')).size / 2 ** 20;
    const bound = c.maxLength === null ? 'all' : String(c.maxLength);
    const outFile = path.join(work, 'loops.ndjson');
    const ours: number[] = [];
    const peerTimes = new Map<PeerName, number[]>();
    const peerFailed = new Map<PeerName, string>();
    const peerCounts = new Map<PeerName, number>();
    let oursFailed: string | null = null;
    for (let run = 0; run < 3 && oursFailed === null; run++) {
      const t = timeProcess(process.execPath, [cli, 'cycles', '--data', dir, '--max-length', bound, '--max-cycles', '100000000', '--format', 'ndjson'], outFile, PEER_TIMEOUT_S);
      if ('reason' in t) oursFailed = t.reason;
      else ours.push(t.ms);
      for (const peer of python === null ? [] : c.peers) {
        if (peerFailed.has(peer)) continue;
        const peerOut = path.join(work, `count-${peer}.txt`);
        const p = timeProcess(python as string, [script, 'whole', dir, bound, peer], peerOut, PEER_TIMEOUT_S);
        if ('reason' in p) peerFailed.set(peer, p.reason);
        else {
          peerTimes.set(peer, [...(peerTimes.get(peer) ?? []), p.ms]);
          peerCounts.set(peer, Number(readFileSync(peerOut, 'utf8').trim()));
        }
      }
    }
    const wholeCycles = oursFailed === null ? lineCount(outFile) : null;
    const wholeBase = { name: `${c.name}, whole process (${megabytes.toFixed(1)} MB deals.json)`, ours_ms: oursFailed === null ? median(ours) : Number.NaN, cycles: wholeCycles };
    if (oursFailed !== null) {
      rows.push({ ...wholeBase, peer: null, peer_ms: null, ratio: null, peer_cycles: null, note: `ours failed: ${oursFailed}` });
      continue;
    }
    if (python === null || c.peers.length === 0) rows.push({ ...wholeBase, peer: null, peer_ms: null, ratio: null, peer_cycles: null });
    for (const peer of python === null ? [] : c.peers) {
      const failed = peerFailed.get(peer);
      const times = peerTimes.get(peer);
      if (failed !== undefined || times === undefined) rows.push({ ...wholeBase, peer, peer_ms: null, ratio: null, peer_cycles: null, note: failed ?? 'no run' });
      else {
        const peerMs = median(times);
        const note = countNote(peer, wholeCycles as number, peerCounts.get(peer) ?? null);
        rows.push({ ...wholeBase, peer, peer_ms: peerMs, ratio: peerMs / wholeBase.ours_ms, peer_cycles: peerCounts.get(peer) ?? null, ...(note ? { note } : {}) });
      }
    }
    log(`  done: ${c.name} whole process`);
  }
  return rows;
}

/** Our loops against networkx's on 2,000 small random graphs (some with arcs to themselves), with and without a bound. */
export function differentialCheck(options: { root: string; cache: string; python: string; count?: number }): { graphs: number; loops: number; mismatches: string[] } {
  const random = seededRandom(2911);
  const count = options.count ?? 2000;
  const cases: Array<{ n: number; arcs: Array<[number, number]>; max_length: number | null }> = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(random() * 10);
    const m = Math.floor(random() * n * n * 0.6);
    const arcs: Array<[number, number]> = [];
    for (let j = 0; j < m; j++) arcs.push([Math.floor(random() * n), Math.floor(random() * n)]);
    cases.push({ n, arcs, max_length: random() < 0.3 ? null : 1 + Math.floor(random() * n) });
  }
  const file = path.join(options.cache, 'loop-peers', 'differential.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(cases));
  const result = spawnSync(options.python, [path.join(options.root, 'bench', 'loop_peers.py'), 'differential', file], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600_000 });
  if (result.status !== 0) return { graphs: 0, loops: 0, mismatches: [`networkx run failed: ${result.stderr.trim().split('\n').slice(-2).join(' / ')}`] };
  const theirs = JSON.parse(result.stdout) as string[][];
  const mismatches: string[] = [];
  let loops = 0;
  cases.forEach((c, i) => {
    const graph = toIndexed({ n: c.n, arcs: c.arcs });
    const ours = [...elementaryCircuits(graph, c.max_length === null ? {} : { maxLength: c.max_length })].map((circuit) => circuit.join('>')).sort();
    loops += ours.length;
    const expected = theirs[i] as string[];
    if (ours.length !== expected.length || ours.some((s, j) => s !== expected[j])) {
      mismatches.push(`graph ${i} (n ${c.n}, arcs ${JSON.stringify(c.arcs)}, bound ${c.max_length}): ours ${ours.length} loops, networkx ${expected.length}`);
    }
  });
  return { graphs: cases.length, loops, mismatches };
}
