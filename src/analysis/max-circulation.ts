/**
 * The largest circulation within capacities: arc flows c with 0 ≤ c_a ≤ w_a, what enters each
 * vertex equal to what leaves it, and Σ c_a as large as possible — the maximum-circularity
 * decomposition of Homs-Dones, MacKay, Sansom and Zhou, "Circular Directional Flow Decomposition of
 * Networks" (arXiv:2506.12546, 2025).
 *
 * Solved as a min-cost flow. Start with every arc full (c = w); the imbalance left at each vertex
 * must be removed by cancelling flow, and cancelling δ on an arc costs δ of circulation. Cancelling
 * on u → v moves surplus from v to u, so the cancellations are a flow from the vertices with more
 * in than out to those with more out than in, along reversed arcs at cost 1 per unit and arc
 * (restoring a cancelled unit earns it back: cost −1). The cheapest such flow leaves the largest
 * circulation. It is found by the primal–dual method: shortest distances with Dijkstra on reduced
 * costs, then a blocking (Dinic) max flow over the arcs of reduced cost zero, until no surplus is
 * left. Costs are whole numbers, so each phase raises the distance by at least one and there are at
 * most about 2n phases.
 */
import type { IndexedGraph } from './indexed-graph.js';

export interface CirculationResult {
  /** Circulating flow per arc of the indexed graph (0 ≤ circular[a] ≤ weights[a]). */
  circular: Float64Array;
  /** Σ circular. */
  circularTotal: number;
  /** Σ weights. */
  total: number;
}

/** A binary min-heap of vertices keyed by distance (lazy deletion). */
class Heap {
  private keys: number[] = [];
  private items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: number, key: number): void {
    const { keys, items } = this;
    let i = items.length;
    items.push(item);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      items[i] = items[parent] as number;
      keys[i] = keys[parent] as number;
      i = parent;
    }
    items[i] = item;
    keys[i] = key;
  }

  /** Removes the smallest; returns [item, key]. */
  pop(): [number, number] {
    const { keys, items } = this;
    const top: [number, number] = [items[0] as number, keys[0] as number];
    const lastItem = items.pop() as number;
    const lastKey = keys.pop() as number;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && (keys[child + 1] as number) < (keys[child] as number)) child++;
        if ((keys[child] as number) >= lastKey) break;
        items[i] = items[child] as number;
        keys[i] = keys[child] as number;
        i = child;
      }
      items[i] = lastItem;
      keys[i] = lastKey;
    }
    return top;
  }
}

/**
 * The maximum circulation of an indexed graph with arc capacities `weights` (zero or more; an arc of
 * weight 0 carries nothing). Deterministic: the same graph gives the same flows.
 */
export function maxCirculation(graph: IndexedGraph, weights: ArrayLike<number>): CirculationResult {
  const n = graph.ids.length;
  const m = graph.targets.length;
  const { offsets, targets } = graph;
  const circular = new Float64Array(m);
  let total = 0;
  let largest = 0;
  for (let a = 0; a < m; a++) {
    const w = weights[a] as number;
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`roundtrip/max-circulation: arc ${a} has capacity ${String(w)}; capacities must be finite and not negative`);
    circular[a] = w;
    total += w;
    if (w > largest) largest = w;
  }
  // Amounts are whole dollars in practice (exact in doubles); the tolerance only absorbs the
  // rounding of fractional amounts.
  const eps = Math.max(total, 1) * 1e-15;
  const tails = new Int32Array(m);
  for (let v = 0; v < n; v++) for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) tails[a] = v;

  // Residual arcs: 2a cancels on arc a (runs target → tail, cost +1, room c_a); 2a + 1 restores
  // (tail → target, cost −1, room w_a − c_a). Listed by the vertex they leave.
  const residualOffsets = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) {
    (residualOffsets[(targets[a] as number) + 1] as number)++;
    (residualOffsets[(tails[a] as number) + 1] as number)++;
  }
  for (let v = 0; v < n; v++) residualOffsets[v + 1] = (residualOffsets[v + 1] as number) + (residualOffsets[v] as number);
  const residual = new Int32Array(2 * m);
  const fill = residualOffsets.slice(0, n);
  for (let a = 0; a < m; a++) {
    residual[(fill[targets[a] as number] as number)++] = 2 * a;
    residual[(fill[tails[a] as number] as number)++] = 2 * a + 1;
  }
  const from = (r: number): number => ((r & 1) === 0 ? (targets[r >> 1] as number) : (tails[r >> 1] as number));
  const to = (r: number): number => ((r & 1) === 0 ? (tails[r >> 1] as number) : (targets[r >> 1] as number));
  const room = (r: number): number => {
    const a = r >> 1;
    return (r & 1) === 0 ? (circular[a] as number) : (weights[a] as number) - (circular[a] as number);
  };
  const cost = (r: number): number => ((r & 1) === 0 ? 1 : -1);
  /** Pushes δ of cancellation along residual arc r. */
  const push = (r: number, delta: number): void => {
    const a = r >> 1;
    circular[a] = (r & 1) === 0 ? (circular[a] as number) - delta : (circular[a] as number) + delta;
  };

  // Surplus: what enters a vertex beyond what leaves it, with every arc full.
  const surplus = new Float64Array(n);
  for (let a = 0; a < m; a++) {
    const w = weights[a] as number;
    surplus[targets[a] as number] = (surplus[targets[a] as number] as number) + w;
    surplus[tails[a] as number] = (surplus[tails[a] as number] as number) - w;
  }

  const potential = new Float64Array(n);
  const distance = new Float64Array(n);
  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  const currentArc = new Int32Array(n);
  const stackVertex = new Int32Array(n + 1);
  const stackArc = new Int32Array(n + 1);
  const admissible = (r: number): boolean => room(r) > eps && cost(r) + (potential[from(r)] as number) - (potential[to(r)] as number) === 0;
  const hasSurplus = (): boolean => {
    for (let v = 0; v < n; v++) if ((surplus[v] as number) > eps) return true;
    return false;
  };

  while (hasSurplus()) {
    // Dijkstra from every vertex with surplus, on reduced costs (never negative).
    distance.fill(Number.POSITIVE_INFINITY);
    const heap = new Heap();
    for (let v = 0; v < n; v++) {
      if ((surplus[v] as number) > eps) {
        distance[v] = 0;
        heap.push(v, 0);
      }
    }
    while (heap.size > 0) {
      const [x, d] = heap.pop();
      if (d > (distance[x] as number)) continue;
      for (let i = residualOffsets[x] as number; i < (residualOffsets[x + 1] as number); i++) {
        const r = residual[i] as number;
        if (room(r) <= eps) continue;
        const y = to(r);
        const next = d + cost(r) + (potential[x] as number) - (potential[y] as number);
        if (next < (distance[y] as number)) {
          distance[y] = next;
          heap.push(y, next);
        }
      }
    }
    let reachesDeficit = false;
    for (let v = 0; v < n; v++) if ((surplus[v] as number) < -eps && Number.isFinite(distance[v] as number)) reachesDeficit = true;
    if (!reachesDeficit) throw new Error('roundtrip/max-circulation: surplus left with no way to cancel it (capacities inconsistent)');
    // Unreached vertices keep their potential raised by the largest distance found, so reduced
    // costs stay non-negative on every arc with room.
    let farthest = 0;
    for (let v = 0; v < n; v++) if (Number.isFinite(distance[v] as number) && (distance[v] as number) > farthest) farthest = distance[v] as number;
    for (let v = 0; v < n; v++) potential[v] = (potential[v] as number) + (Number.isFinite(distance[v] as number) ? (distance[v] as number) : farthest);

    // Blocking flows (Dinic) over the admissible arcs, from surplus to deficit vertices.
    for (;;) {
      level.fill(-1);
      let tail = 0;
      for (let v = 0; v < n; v++) {
        if ((surplus[v] as number) > eps) {
          level[v] = 0;
          queue[tail++] = v;
        }
      }
      let found = false;
      for (let head = 0; head < tail; head++) {
        const x = queue[head] as number;
        if ((surplus[x] as number) < -eps) found = true;
        for (let i = residualOffsets[x] as number; i < (residualOffsets[x + 1] as number); i++) {
          const r = residual[i] as number;
          const y = to(r);
          if (level[y] === -1 && admissible(r)) {
            level[y] = (level[x] as number) + 1;
            queue[tail++] = y;
          }
        }
      }
      if (!found) break;
      for (let v = 0; v < n; v++) currentArc[v] = residualOffsets[v] as number;
      let pushed = false;
      for (let s = 0; s < n; s++) {
        while ((surplus[s] as number) > eps && level[s] === 0) {
          // Walk admissible level-increasing arcs from s until a deficit vertex, or retreat.
          let depth = 0;
          stackVertex[0] = s;
          let reached = -1;
          while (depth >= 0) {
            const x = stackVertex[depth] as number;
            if (depth > 0 && (surplus[x] as number) < -eps) {
              reached = depth;
              break;
            }
            let advanced = false;
            while ((currentArc[x] as number) < (residualOffsets[x + 1] as number)) {
              const r = residual[currentArc[x] as number] as number;
              const y = to(r);
              if (level[y] === (level[x] as number) + 1 && admissible(r)) {
                stackArc[depth] = r;
                stackVertex[++depth] = y;
                advanced = true;
                break;
              }
              currentArc[x] = (currentArc[x] as number) + 1;
            }
            if (!advanced) {
              level[x] = -1; // a dead end for the rest of this phase
              depth--;
              if (depth >= 0) currentArc[stackVertex[depth] as number] = (currentArc[stackVertex[depth] as number] as number) + 1;
            }
          }
          if (reached < 0) break;
          const t = stackVertex[reached] as number;
          let delta = Math.min(surplus[s] as number, -(surplus[t] as number));
          for (let i = 0; i < reached; i++) delta = Math.min(delta, room(stackArc[i] as number));
          for (let i = 0; i < reached; i++) push(stackArc[i] as number, delta);
          surplus[s] = (surplus[s] as number) - delta;
          surplus[t] = (surplus[t] as number) + delta;
          pushed = true;
        }
      }
      if (!pushed) break;
    }
  }
  let circularTotal = 0;
  for (let a = 0; a < m; a++) {
    // Clamp the rounding of fractional amounts into [0, w].
    const c = Math.min(Math.max(circular[a] as number, 0), weights[a] as number);
    circular[a] = c < eps ? 0 : c;
    circularTotal += circular[a] as number;
  }
  return { circular, circularTotal, total };
}
