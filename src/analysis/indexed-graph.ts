/**
 * A compact integer form of a directed graph (compressed sparse rows) for the hot loops of cycle
 * and path enumeration. Vertices are numbered in ascending id order, so "the smallest vertex" of a
 * loop is also its smallest firm id, and every neighbour list is sorted: enumeration order is
 * deterministic.
 */
import type { DealNetwork } from '../model/deal-network.js';

export interface IndexedGraph {
  /** Vertex ids, ascending (plain code-unit order). */
  ids: string[];
  /** Vertex number of an id. */
  indexOf: Map<string, number>;
  /** Out-neighbours of v are targets[offsets[v]] … targets[offsets[v + 1] - 1], ascending. */
  offsets: Int32Array;
  targets: Int32Array;
}

export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the indexed graph from ids and directed pairs; parallel pairs collapse into one arc. */
export function indexGraph(nodeIds: Iterable<string>, arcs: Iterable<readonly [string, string]>): IndexedGraph {
  const ids = [...new Set(nodeIds)].sort(compareIds);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const lists: number[][] = ids.map(() => []);
  for (const [from, to] of arcs) {
    const u = indexOf.get(from);
    const v = indexOf.get(to);
    if (u === undefined || v === undefined) throw new Error(`roundtrip/indexed-graph: arc ${from}>${to} names an unknown vertex`);
    (lists[u] as number[]).push(v);
  }
  const offsets = new Int32Array(ids.length + 1);
  let total = 0;
  for (let v = 0; v < ids.length; v++) {
    const list = (lists[v] as number[]).sort((a, b) => a - b);
    let unique = 0;
    for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) list[unique++] = list[i] as number;
    list.length = unique;
    offsets[v] = total;
    total += unique;
  }
  offsets[ids.length] = total;
  const targets = new Int32Array(total);
  for (let v = 0; v < ids.length; v++) targets.set(lists[v] as number[], offsets[v] as number);
  return { ids, indexOf, offsets, targets };
}

/** The indexed form of a firm graph or deal network (one arc per ordered pair of firms with at least one deal). */
export function indexFirmGraph(graph: DealNetwork): IndexedGraph {
  const arcs: Array<[string, string]> = [];
  graph.forEachEdge((_id, _deal, from, to) => {
    arcs.push([from, to]);
  });
  return indexGraph(graph.nodes(), arcs);
}

/** The number of the arc u → v (a binary search of u's sorted targets); -1 when there is none. */
export function arcIndex(graph: IndexedGraph, u: number, v: number): number {
  const { offsets, targets } = graph;
  let low = offsets[u] as number;
  let high = (offsets[u + 1] as number) - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const w = targets[middle] as number;
    if (w === v) return middle;
    if (w < v) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
