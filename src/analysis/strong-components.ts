/**
 * Strongly connected components of the part of an indexed graph whose vertices carry a given mark,
 * by Tarjan's algorithm (1972), iteratively so deep graphs cannot overflow the call stack.
 */
import type { IndexedGraph } from './indexed-graph.js';

/**
 * Scratch buffers reused across calls: enumeration recomputes components once per start vertex,
 * and allocating per call would dominate on large graphs.
 */
export class ComponentFinder {
  private readonly index: Int32Array;
  private readonly lowLink: Int32Array;
  private readonly onStack: Uint8Array;
  private readonly stack: Int32Array;
  private readonly callVertex: Int32Array;
  private readonly callEdge: Int32Array;

  constructor(private readonly graph: IndexedGraph) {
    const n = graph.ids.length;
    this.index = new Int32Array(n).fill(-1);
    this.lowLink = new Int32Array(n);
    this.onStack = new Uint8Array(n);
    this.stack = new Int32Array(n);
    this.callVertex = new Int32Array(n);
    this.callEdge = new Int32Array(n);
  }

  /**
   * Components of the subgraph induced by `vertices` (those v with mark[v] === markValue).
   * Returns each component as a typed array whose first vertex is its smallest: the loop search
   * starts there. The rest are in no particular order; sorting them would cost more than the
   * search of a component itself, as the search asks for components once per start vertex.
   */
  components(vertices: ArrayLike<number>, mark: Int32Array, markValue: number): Int32Array[] {
    const { offsets, targets } = this.graph;
    const { index, lowLink, onStack, stack, callVertex, callEdge } = this;
    const result: Int32Array[] = [];
    let counter = 0;
    let stackTop = 0;
    for (let r = 0; r < vertices.length; r++) index[vertices[r] as number] = -1;
    for (let r = 0; r < vertices.length; r++) {
      const root = vertices[r] as number;
      if (index[root] !== -1) continue;
      let depth = 0;
      callVertex[0] = root;
      callEdge[0] = offsets[root] as number;
      index[root] = lowLink[root] = counter++;
      stack[stackTop++] = root;
      onStack[root] = 1;
      while (depth >= 0) {
        const v = callVertex[depth] as number;
        const edge = callEdge[depth] as number;
        if (edge < (offsets[v + 1] as number)) {
          callEdge[depth] = edge + 1;
          const w = targets[edge] as number;
          if (mark[w] !== markValue) continue;
          if (index[w] === -1) {
            index[w] = lowLink[w] = counter++;
            stack[stackTop++] = w;
            onStack[w] = 1;
            depth++;
            callVertex[depth] = w;
            callEdge[depth] = offsets[w] as number;
          } else if (onStack[w] && (index[w] as number) < (lowLink[v] as number)) {
            lowLink[v] = index[w] as number;
          }
          continue;
        }
        if (lowLink[v] === index[v]) {
          const top = stackTop;
          let w: number;
          do {
            w = stack[--stackTop] as number;
            onStack[w] = 0;
          } while (w !== v);
          result.push(smallestFirst(stack.slice(stackTop, top)));
        }
        depth--;
        if (depth >= 0) {
          const parent = callVertex[depth] as number;
          if ((lowLink[v] as number) < (lowLink[parent] as number)) lowLink[parent] = lowLink[v] as number;
        }
      }
    }
    return result;
  }
}

/** Swaps the smallest vertex of `component` to its front (in place); returns it. */
function smallestFirst(component: Int32Array): Int32Array {
  let smallest = 0;
  for (let i = 1; i < component.length; i++) if ((component[i] as number) < (component[smallest] as number)) smallest = i;
  if (smallest !== 0) {
    const first = component[0] as number;
    component[0] = component[smallest] as number;
    component[smallest] = first;
  }
  return component;
}

/** Whether a component holds a cycle: two or more vertices, or one with an arc to itself. */
export function hasCycle(graph: IndexedGraph, component: ArrayLike<number>): boolean {
  if (component.length > 1) return true;
  const v = component[0];
  if (v === undefined) return false;
  for (let e = graph.offsets[v] as number; e < (graph.offsets[v + 1] as number); e++) if (graph.targets[e] === v) return true;
  return false;
}

/**
 * The strongly connected component number of every vertex, by vertex number. Iterative, so graphs
 * of any depth work (a recursive search overflows the call stack at around ten thousand firms).
 */
export function componentOfVertex(graph: IndexedGraph): Int32Array {
  const n = graph.ids.length;
  const vertices = Array.from({ length: n }, (_, i) => i);
  const mark = new Int32Array(n).fill(1);
  const result = new Int32Array(n);
  new ComponentFinder(graph).components(vertices, mark, 1).forEach((component, i) => {
    for (const v of component) result[v] = i;
  });
  return result;
}
