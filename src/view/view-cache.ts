/**
 * What the explorer draws from a derived view, kept until the view or the view state's choice
 * changes: a re-render that changes nothing recomputes nothing.
 */
import { sortLoops, type MoneyLoop } from '../analysis/loops.js';
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

  /** The derived view last drawn, if any. */
  get current(): Derived | null {
    return this.derived;
  }

  view(derived: Derived, s: Pick<ViewState, 'sort' | 'size' | 'width'>): DrawnView {
    if (this.derived !== derived) {
      this.derived = derived;
      this.sort = '';
      this.size = null;
      this.width = null;
      this.nodes = new Set(derived.graph.nodes());
      this.edges = new Set(derived.graph.edges());
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
    const sort = s.sort;
    const sorted = (): MoneyLoop[] => (this.sortedLoops ??= sortLoops(derived.loops.loops, sort));
    return { derived, sorted, nodes: this.nodes, edges: this.edges, sizes: this.sizes, widths: this.widths };
  }
}
