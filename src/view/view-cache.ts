/**
 * What the explorer draws from a derived view, kept until the view or the view state's choice
 * changes: a re-render that changes nothing recomputes nothing.
 */
import { sortLoops, type MoneyLoop } from '../analysis/loops.js';
import type { DataChange } from '../data/types.js';
import type { FirmGraph } from '../model/graph.js';
import { dealsAddedSince } from '../model/new-since.js';
import type { Derived } from '../state/derive.js';
import type { EdgeWidth, SizeMeasure, ViewState } from '../state/view-state.js';
import { circularWidths, nodeSizes } from './elements.js';

export interface DrawnView {
  derived: Derived;
  /** The loops in the state's order (sorted on first call: only worth it when a list is shown). */
  sorted: () => MoneyLoop[];
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  sizes: ReadonlyMap<string, number>;
  /** Deal widths when they show the circular part; null: by amount. */
  widths: ReadonlyMap<string, number> | null;
  /** Firms of the view without any deal. */
  isolated: number;
  /** Deals added by updates after the state's newSince date; null when it asks for none. */
  newDeals: ReadonlySet<string> | null;
  /** Deals the view has between other firms than their own (an acquired firm's, at its acquirer); null: none. */
  endpoints: ReadonlyMap<string, { source: string; target: string }> | null;
}

/**
 * The firms or the deals of a view, read from its graph: copying the ids of 200,000 deals into a
 * set of their own held the page for a fifth of a second, for a set the picture only asks `has` of.
 */
class GraphIds implements ReadonlySet<string> {
  constructor(
    private readonly graph: FirmGraph,
    private readonly of: 'nodes' | 'edges',
  ) {}

  get size(): number {
    return this.of === 'nodes' ? this.graph.order : this.graph.size;
  }

  has(id: string): boolean {
    return this.of === 'nodes' ? this.graph.hasNode(id) : this.graph.hasEdge(id);
  }

  *values(): IterableIterator<string> {
    if (this.of === 'nodes') for (const entry of this.graph.nodeEntries()) yield entry.node;
    else for (const entry of this.graph.edgeEntries()) yield entry.edge;
  }

  keys(): IterableIterator<string> {
    return this.values();
  }

  *entries(): IterableIterator<[string, string]> {
    for (const id of this.values()) yield [id, id];
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.values();
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const id of this.values()) callback.call(thisArg, id, id, this);
  }
}

const idsByGraph = new WeakMap<FirmGraph, { graph: FirmGraph; nodes: ReadonlySet<string>; edges: ReadonlySet<string> }>();

/** The firms and deals of a graph as sets read from it (the same sets for the same graph). */
export function idsOf(graph: FirmGraph): { graph: FirmGraph; nodes: ReadonlySet<string>; edges: ReadonlySet<string> } {
  let ids = idsByGraph.get(graph);
  if (!ids) idsByGraph.set(graph, (ids = { graph, nodes: new GraphIds(graph, 'nodes'), edges: new GraphIds(graph, 'edges') }));
  return ids;
}

/** The deals of a view drawn between other firms than the deal's own (see model/acquisitions.ts). */
export function movedEndpoints(view: FirmGraph): Map<string, { source: string; target: string }> | null {
  // Only an acquired firm's deals move (to its acquirer): without one in the view, none does.
  if (!view.someNode((_id, firm) => firm.acquiredBy !== undefined)) return null;
  const moved = new Map<string, { source: string; target: string }>();
  view.forEachEdge((id, deal, source, target) => {
    if (deal.from !== source || deal.to !== target) moved.set(id, { source, target });
  });
  return moved.size > 0 ? moved : null;
}

export class ViewCache {
  private derived: Derived | null = null;
  private sort = '';
  private sortedLoops: MoneyLoop[] | null = null;
  private size: SizeMeasure | null = null;
  private width: EdgeWidth | null = null;
  private nodes: ReadonlySet<string> = new Set();
  private edges: ReadonlySet<string> = new Set();
  private sizes: ReadonlyMap<string, number> = new Map();
  private widths: ReadonlyMap<string, number> | null = null;
  private endpoints: ReadonlyMap<string, { source: string; target: string }> | null = null;
  private isolated = 0;
  private newSince: string | null | undefined = undefined;
  private newDeals: ReadonlySet<string> | null = null;

  /** The derived view last drawn, if any. */
  get current(): Derived | null {
    return this.derived;
  }

  view(derived: Derived, s: Pick<ViewState, 'sort' | 'size' | 'width' | 'newSince'>, changes?: readonly DataChange[]): DrawnView {
    if (this.derived !== derived) {
      this.derived = derived;
      this.sort = '';
      this.size = null;
      this.width = null;
      ({ nodes: this.nodes, edges: this.edges } = idsOf(derived.graph));
      this.endpoints = movedEndpoints(derived.graph);
      this.isolated = derived.graph.filterNodes((id) => derived.graph.degree(id) === 0).length;
      this.newSince = undefined;
    }
    if (this.sort !== s.sort) {
      this.sort = s.sort;
      this.sortedLoops = null;
    }
    if (this.size !== s.size) {
      this.size = s.size;
      this.sizes = nodeSizes(derived.graph, derived.measures, s.size);
    }
    if (this.width !== s.width) {
      this.width = s.width;
      this.widths = s.width === 'circular' ? circularWidths(derived.circularity) : null;
    }
    if (this.newSince !== s.newSince) {
      this.newSince = s.newSince;
      this.newDeals = s.newSince === null ? null : dealsAddedSince(changes, s.newSince);
    }
    const sort = s.sort;
    const sorted = (): MoneyLoop[] => (this.sortedLoops ??= sortLoops(derived.loops.loops, sort));
    return { derived, sorted, nodes: this.nodes, edges: this.edges, sizes: this.sizes, widths: this.widths, endpoints: this.endpoints, newDeals: this.newDeals, isolated: this.isolated };
  }
}
