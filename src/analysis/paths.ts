/**
 * Tracing the money from one firm to another: every simple path (no firm twice) up to a length,
 * hop by hop with the deals that realise each hop. Firms that cannot reach the target within the
 * remaining hops are never entered, so the search only walks paths that can still arrive.
 */
import type { FirmGraph } from '../model/graph.js';
import { bottleneckOf, PairDeals } from './hops.js';
import { indexFirmGraph, type IndexedGraph } from './indexed-graph.js';
import { wholeNumberOption } from './options.js';

export interface PathHop {
  from: string;
  to: string;
  deals: string[];
  amountUsd: number | null;
}

export interface MoneyPath {
  /** Firms along the path, source first. */
  firms: string[];
  hops: PathHop[];
  length: number;
  /** Smallest hop amount; null when any hop is undisclosed. */
  bottleneckUsd: number | null;
}

export interface PathOptions {
  /** Longest path, in hops (default 6). */
  maxLength?: number;
  /** Most paths to return (default 10,000). */
  maxPaths?: number;
}

export const PATH_DEFAULTS = { maxLength: 6, maxPaths: 10_000 } as const;

export interface PathSearchResult {
  paths: MoneyPath[];
  count: number;
  truncated: boolean;
}

/** Hop distance from every vertex to `target` (reverse breadth-first search); -1 when unreachable. */
function distancesTo(graph: IndexedGraph, target: number): Int32Array {
  const n = graph.ids.length;
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) {
    for (let a = graph.offsets[v] as number; a < (graph.offsets[v + 1] as number); a++) (predecessors[graph.targets[a] as number] as number[]).push(v);
  }
  const distance = new Int32Array(n).fill(-1);
  distance[target] = 0;
  const queue = [target];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const u of predecessors[v] as number[]) {
      if (distance[u] === -1) {
        distance[u] = (distance[v] as number) + 1;
        queue.push(u);
      }
    }
  }
  return distance;
}

/** Every simple path from `from` to `to` as vertex lists, pruned by distance to the target. */
export function* simplePaths(graph: IndexedGraph, from: number, to: number, maxLength: number): Generator<number[]> {
  if (from === to) return;
  const distance = distancesTo(graph, to);
  if (distance[from] === -1 || (distance[from] as number) > maxLength) return;
  const { offsets, targets } = graph;
  const onPath = new Uint8Array(graph.ids.length);
  const path = new Int32Array(maxLength + 1);
  const nextArc = new Int32Array(maxLength + 1);
  let depth = 0;
  path[0] = from;
  onPath[from] = 1;
  nextArc[0] = offsets[from] as number;
  while (depth >= 0) {
    const v = path[depth] as number;
    const arc = nextArc[depth] as number;
    if (arc < (offsets[v + 1] as number)) {
      nextArc[depth] = arc + 1;
      const w = targets[arc] as number;
      if (onPath[w]) continue;
      if (w === to) {
        const result = new Array<number>(depth + 2);
        for (let i = 0; i <= depth; i++) result[i] = path[i] as number;
        result[depth + 1] = to;
        yield result;
        continue;
      }
      const d = distance[w] as number;
      // w must still reach the target within the hops left after stepping onto it.
      if (d === -1 || depth + 1 + d > maxLength) continue;
      depth++;
      path[depth] = w;
      onPath[w] = 1;
      nextArc[depth] = offsets[w] as number;
      continue;
    }
    onPath[v] = 0;
    depth--;
  }
}

/** All simple paths of money from one firm to another, hop by hop with deals. */
export function paths(graph: FirmGraph, from: string, to: string, options: PathOptions = {}): PathSearchResult {
  const maxLength = wholeNumberOption('paths', 'maxLength', options.maxLength ?? PATH_DEFAULTS.maxLength, 1);
  const maxPaths = wholeNumberOption('paths', 'maxPaths', options.maxPaths ?? PATH_DEFAULTS.maxPaths, 0);
  for (const firm of [from, to]) if (!graph.hasNode(firm)) throw new Error(`roundtrip/paths: unknown firm ${JSON.stringify(firm)}`);
  if (from === to) throw new Error('roundtrip/paths: from and to are the same firm; use loopsThrough for loops');
  const indexed = indexFirmGraph(graph);
  const pairs = new PairDeals(graph);
  const found: MoneyPath[] = [];
  const search = simplePaths(indexed, indexed.indexOf.get(from) as number, indexed.indexOf.get(to) as number, maxLength);
  let truncated = false;
  for (const vertices of search) {
    if (found.length === maxPaths) {
      truncated = true;
      break;
    }
    const firms = vertices.map((v) => indexed.ids[v] as string);
    const hops: PathHop[] = [];
    for (let i = 0; i + 1 < firms.length; i++) {
      const hopFrom = firms[i] as string;
      const hopTo = firms[i + 1] as string;
      const { dealIds, amountUsd } = pairs.get(hopFrom, hopTo);
      hops.push({ from: hopFrom, to: hopTo, deals: [...dealIds], amountUsd });
    }
    found.push({ firms, hops, length: hops.length, bottleneckUsd: bottleneckOf(hops.map((h) => h.amountUsd)) });
  }
  return { paths: found, count: found.length, truncated };
}
