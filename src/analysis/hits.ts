/**
 * HITS hubs and authorities (Kleinberg 1999, "Authoritative sources in a hyperlinked environment",
 * J. ACM 46(5):604–632), unweighted, on the compact indexed graph. The same iteration as
 * graphology-metrics' hits (normalized by the maximum each round, by the sum at the end), over flat
 * arrays: about eighty times faster on 1,000 firms and 5,000 deals (see the benchmark).
 */
import type { IndexedGraph } from './indexed-graph.js';

export interface HitsOptions {
  maxIterations?: number;
  tolerance?: number;
}

export interface HitsResult {
  hubs: Float64Array;
  authorities: Float64Array;
}

/** Hub and authority scores, each summing to 1; null when the graph has no arc or HITS did not converge. */
export function hits(graph: IndexedGraph, options: HitsOptions = {}): HitsResult | null {
  const n = graph.ids.length;
  const { offsets, targets } = graph;
  if (n === 0 || targets.length === 0) return null;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  let hubs = new Float64Array(n).fill(1 / n);
  let authorities = new Float64Array(n);
  let converged = false;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const lastHubs = hubs;
    hubs = new Float64Array(n);
    authorities = new Float64Array(n);
    let maxAuthority = 0;
    for (let v = 0; v < n; v++) {
      const h = lastHubs[v] as number;
      for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) {
        const w = targets[a] as number;
        const value = (authorities[w] as number) + h;
        authorities[w] = value;
        if (value > maxAuthority) maxAuthority = value;
      }
    }
    let maxHub = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) sum += authorities[targets[a] as number] as number;
      hubs[v] = sum;
      if (sum > maxHub) maxHub = sum;
    }
    if (maxHub === 0 || maxAuthority === 0) return null;
    let error = 0;
    for (let v = 0; v < n; v++) {
      hubs[v] = (hubs[v] as number) / maxHub;
      authorities[v] = (authorities[v] as number) / maxAuthority;
      error += Math.abs((hubs[v] as number) - (lastHubs[v] as number));
    }
    if (error < tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged) return null;
  const hubSum = hubs.reduce((s, x) => s + x, 0);
  const authoritySum = authorities.reduce((s, x) => s + x, 0);
  for (let v = 0; v < n; v++) {
    hubs[v] = (hubs[v] as number) / hubSum;
    authorities[v] = (authorities[v] as number) / authoritySum;
  }
  return { hubs, authorities };
}
