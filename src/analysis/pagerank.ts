/**
 * Weighted PageRank (Page, Brin, Motwani & Winograd 1999, "The PageRank citation ranking: bringing
 * order to the web") on the compact indexed graph with a weight per arc. The same power iteration
 * as graphology-metrics' pagerank (each firm's out-weights normalised to sum to one, the rank of
 * firms without out-weight spread evenly, convergence when the summed change falls below
 * n × tolerance), over flat arrays: no graph copy to build, many times faster (see the benchmark).
 *
 * An arc of weight 0 carries nothing, and a firm whose every arc weighs 0 is dangling: the same
 * ranks as graphology-metrics' on the graph without those arcs (where graphology-metrics itself
 * would divide by zero).
 */
import type { IndexedGraph } from './indexed-graph.js';

export interface PagerankOptions {
  /** Damping factor (default 0.85). */
  alpha?: number;
  maxIterations?: number;
  tolerance?: number;
}

const DEFAULTS = { alpha: 0.85, maxIterations: 100, tolerance: 1e-6 };

/**
 * The rank of each vertex (summing to 1), given `weights[a]` ≥ 0 for every arc a of the indexed
 * graph. Throws when the iteration does not converge, as graphology-metrics does.
 */
export function weightedPagerank(graph: IndexedGraph, weights: ArrayLike<number>, options: PagerankOptions = {}): Float64Array {
  const { alpha, maxIterations, tolerance } = { ...DEFAULTS, ...options };
  const { offsets, targets } = graph;
  const n = graph.ids.length;
  if (weights.length !== targets.length) throw new Error(`roundtrip/pagerank: ${weights.length} weights for ${targets.length} arcs`);
  if (n === 0) return new Float64Array(0);
  const p = 1 / n;
  // Each arc's share of its firm's out-weight; firms without out-weight are dangling.
  const share = new Float64Array(targets.length);
  const dangling: number[] = [];
  for (let v = 0; v < n; v++) {
    let out = 0;
    for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) {
      const w = weights[a] as number;
      if (!(w >= 0)) throw new Error(`roundtrip/pagerank: arc ${a} has weight ${w}; weights must be 0 or more`);
      out += w;
    }
    if (out === 0) dangling.push(v);
    else for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) share[a] = (weights[a] as number) / out;
  }
  let rank = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangleSum = 0;
    for (const v of dangling) dangleSum += rank[v] as number;
    dangleSum *= alpha;
    next.fill(0);
    for (let v = 0; v < n; v++) {
      const r = alpha * (rank[v] as number);
      for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) {
        const w = targets[a] as number;
        next[w] = (next[w] as number) + r * (share[a] as number);
      }
      next[v] = (next[v] as number) + dangleSum * p + (1 - alpha) * p;
    }
    let error = 0;
    for (let v = 0; v < n; v++) error += Math.abs((next[v] as number) - (rank[v] as number));
    [rank, next] = [next, rank];
    if (error < n * tolerance) return rank;
  }
  throw new Error('roundtrip/pagerank: failed to converge');
}
