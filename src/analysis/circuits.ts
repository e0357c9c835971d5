/**
 * Elementary circuits of a directed graph: Johnson, D. B. (1975), "Finding all the elementary
 * circuits of a directed graph", SIAM J. Comput. 4(1):77–84.
 *
 * Circuits are searched one strongly connected component at a time, starting from the component's
 * smallest vertex; that vertex is then removed and the components of the rest are searched in turn.
 * Each circuit is therefore found exactly once, already rotated to start at its smallest vertex.
 *
 * The search is a generator: the first circuits arrive at once and a consumer that stops iterating
 * stops the work. With a length bound, a branch cut short by the bound counts as "may still reach
 * the start", so the vertex is unblocked: the bound can only cost time, never a circuit.
 */
import type { IndexedGraph } from './indexed-graph.js';
import { ComponentFinder, hasCycle } from './strong-components.js';

export interface CircuitOptions {
  /** Longest circuit to report, in arcs (= vertices). Default: no bound. */
  maxLength?: number;
}

/** Reusable buffers for one enumeration. */
class SearchState {
  readonly blocked: Uint8Array;
  /** blockedBy[w]: vertices to unblock when w is unblocked (Johnson's B(w)). */
  readonly blockedBy: number[][];
  readonly path: Int32Array;
  readonly nextArc: Int32Array;
  readonly found: Uint8Array;
  readonly unblockStack: Int32Array;
  readonly mark: Int32Array;
  stamp = 0;

  constructor(n: number) {
    this.blocked = new Uint8Array(n);
    this.blockedBy = Array.from({ length: n }, () => []);
    this.path = new Int32Array(n + 1);
    this.nextArc = new Int32Array(n + 1);
    this.found = new Uint8Array(n + 1);
    this.unblockStack = new Int32Array(n);
    this.mark = new Int32Array(n);
  }

  /** Marks `vertices` as the current search area, unblocked, with empty B lists. */
  enter(vertices: readonly number[]): number {
    const stamp = ++this.stamp;
    for (const v of vertices) {
      this.mark[v] = stamp;
      this.blocked[v] = 0;
      (this.blockedBy[v] as number[]).length = 0;
    }
    return stamp;
  }

  unblock(u: number): void {
    const { blocked, blockedBy, unblockStack } = this;
    blocked[u] = 0;
    let top = 0;
    unblockStack[top++] = u;
    while (top > 0) {
      const x = unblockStack[--top] as number;
      const list = blockedBy[x] as number[];
      for (let i = 0; i < list.length; i++) {
        const w = list[i] as number;
        if (blocked[w]) {
          blocked[w] = 0;
          unblockStack[top++] = w;
        }
      }
      list.length = 0;
    }
  }
}

function resolveMaxLength(options: CircuitOptions): number {
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  if (!(maxLength >= 1)) throw new Error(`roundtrip/circuits: maxLength must be at least 1 (got ${String(options.maxLength)})`);
  return maxLength;
}

/** Johnson's CIRCUIT(s) over the vertices marked `stamp`: every elementary circuit through s, once. */
function* circuitsFromStart(graph: IndexedGraph, s: number, stamp: number, maxLength: number, state: SearchState): Generator<number[]> {
  const { offsets, targets } = graph;
  const { blocked, blockedBy, path, nextArc, found, mark } = state;
  let depth = 0;
  path[0] = s;
  blocked[s] = 1;
  nextArc[0] = offsets[s] as number;
  found[0] = 0;
  while (depth >= 0) {
    const v = path[depth] as number;
    const arc = nextArc[depth] as number;
    if (arc < (offsets[v + 1] as number)) {
      nextArc[depth] = arc + 1;
      const w = targets[arc] as number;
      if (mark[w] !== stamp) continue;
      if (w === s) {
        const circuit = new Array<number>(depth + 1);
        for (let i = 0; i <= depth; i++) circuit[i] = path[i] as number;
        found[depth] = 1;
        yield circuit;
      } else if (!blocked[w]) {
        if (depth + 1 < maxLength) {
          depth++;
          path[depth] = w;
          blocked[w] = 1;
          nextArc[depth] = offsets[w] as number;
          found[depth] = 0;
        } else {
          found[depth] = 1;
        }
      }
      continue;
    }
    if (found[depth]) {
      state.unblock(v);
    } else {
      for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) {
        const w = targets[a] as number;
        if (mark[w] !== stamp) continue;
        const list = blockedBy[w] as number[];
        if (!list.includes(v)) list.push(v);
      }
    }
    depth--;
    if (depth >= 0 && found[depth + 1]) found[depth] = 1;
  }
}

function allVertices(graph: IndexedGraph): number[] {
  return Array.from({ length: graph.ids.length }, (_, i) => i);
}

/** Pushes components so the one with the smallest vertex is popped first. */
function pushComponents(work: number[][], components: number[][], graph: IndexedGraph): void {
  const cyclic = components.filter((c) => hasCycle(graph, c));
  cyclic.sort((a, b) => (b[0] as number) - (a[0] as number));
  work.push(...cyclic);
}

/**
 * Every elementary circuit of the graph, each once, as a list of vertices starting at its smallest
 * vertex (the arc from the last vertex back to the first closes it).
 */
export function* elementaryCircuits(graph: IndexedGraph, options: CircuitOptions = {}): Generator<number[]> {
  const maxLength = resolveMaxLength(options);
  const n = graph.ids.length;
  if (n === 0) return;
  const state = new SearchState(n);
  const finder = new ComponentFinder(graph);
  const vertices = allVertices(graph);
  const work: number[][] = [];
  pushComponents(work, finder.components(vertices, state.mark, state.enter(vertices)), graph);
  while (work.length > 0) {
    const component = work.pop() as number[];
    const start = component[0] as number;
    yield* circuitsFromStart(graph, start, state.enter(component), maxLength, state);
    const rest = component.slice(1);
    if (rest.length > 0) pushComponents(work, finder.components(rest, state.mark, state.enter(rest)), graph);
  }
}

/** Rotates a circuit so it starts at its smallest vertex. */
export function rotateToSmallest(circuit: readonly number[]): number[] {
  let best = 0;
  for (let i = 1; i < circuit.length; i++) if ((circuit[i] as number) < (circuit[best] as number)) best = i;
  return [...circuit.slice(best), ...circuit.slice(0, best)];
}

/** Every elementary circuit through `vertex`, each once, rotated to start at its smallest vertex. */
export function* circuitsThrough(graph: IndexedGraph, vertex: number, options: CircuitOptions = {}): Generator<number[]> {
  const maxLength = resolveMaxLength(options);
  const n = graph.ids.length;
  if (vertex < 0 || vertex >= n) throw new Error(`roundtrip/circuits: no vertex ${vertex}`);
  const state = new SearchState(n);
  const vertices = allVertices(graph);
  const components = new ComponentFinder(graph).components(vertices, state.mark, state.enter(vertices));
  const component = components.find((c) => c.includes(vertex));
  if (!component || !hasCycle(graph, component)) return;
  for (const circuit of circuitsFromStart(graph, vertex, state.enter(component), maxLength, state)) {
    yield rotateToSmallest(circuit);
  }
}
