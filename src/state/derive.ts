/**
 * What the view shows, derived from the data set and the view state: the filtered graph, its
 * loops and measures, and what a selection highlights. Pure; cached by the filter.
 */
import { firmMeasures, firmMeasureSteps, withLoopCount, type FirmMeasures } from '../analysis/centrality.js';
import { adoptCircularity, circularity, type CircularityResult } from '../analysis/circularity.js';
import { debtRank, type DebtRankResult } from '../analysis/contagion.js';
import { findLoops, loopSearchResultOf, sortLoops, type LoopSearchResult, type MoneyLoop } from '../analysis/loops.js';
import type { DataSet } from '../data/types.js';
import { filterFirmGraph, filterFirmGraphSteps, keepsDefaultFlowsOnly, keepsEverything, type DealFilter } from '../model/filter.js';
import { DEFAULT_FLOWS, FLOW_KINDS, flowOf } from '../data/types.js';
import { acquirersAt } from '../model/acquisitions.js';
import { buildFirmGraphSteps, runSteps, runStepsWithPauses, type FirmGraph, type Steps } from '../model/graph.js';
import type { FirstViewAnalysis, ViewAnalysis } from './first-view.js';
import { paths, type PathSearchResult } from '../analysis/paths.js';
import { shockWithin } from './scenarios.js';
import { loopHistorySteps, type QuarterPoint } from './timeline.js';
import { filterKey, filterOf, PATH_CAP, PATH_HOPS, type ViewState } from './view-state.js';

/** Filtered views kept for reuse. */
const RECENT_VIEWS = 4;

/** Loops listed at most; the panel says when the cap cut the list. */
export const LOOP_CAP = 10_000;

export interface Derived {
  key: string;
  graph: FirmGraph;
  loops: LoopSearchResult;
  measures: Map<string, FirmMeasures>;
  /** The loops through each firm (made when first read). */
  readonly loopsByFirm: Map<string, MoneyLoop[]>;
  /** Each loop by its id (made when first read). */
  readonly loopById: Map<string, MoneyLoop>;
  /** How much of the view's known money goes round (worked out when first read, once per view). */
  readonly circularity: CircularityResult;
}

/**
 * A view with its loop lookups made the first time they are read: only a selection reads them,
 * and indexing 10,000 loops of up to eight firms on every filter change is work nobody uses.
 */
function withLoopLookups(view: Omit<Derived, 'loopsByFirm' | 'loopById' | 'circularity'>): Derived {
  let byFirm: Map<string, MoneyLoop[]> | null = null;
  let byId: Map<string, MoneyLoop> | null = null;
  return Object.defineProperties(view, {
    loopsByFirm: {
      enumerable: true,
      get: () => {
        if (byFirm) return byFirm;
        byFirm = new Map();
        for (const loop of view.loops.loops) {
          for (const firm of loop.firms) {
            const list = byFirm.get(firm);
            if (list) list.push(loop);
            else byFirm.set(firm, [loop]);
          }
        }
        return byFirm;
      },
    },
    loopById: { enumerable: true, get: () => (byId ??= new Map(view.loops.loops.map((l) => [l.id, l]))) },
    circularity: { enumerable: true, get: () => circularity(view.graph) },
  }) as Derived;
}

/** The traces of a view, kept per graph (views are read, never changed). */
const traced = new WeakMap<FirmGraph, Map<string, PathSearchResult>>();

/**
 * Every path of up to PATH_HOPS hops from one firm to another in a view (at most PATH_CAP); none
 * when either firm is not in it.
 */
export function tracedPaths(graph: FirmGraph, path: { from: string; to: string }): PathSearchResult {
  if (!graph.hasNode(path.from) || !graph.hasNode(path.to) || path.from === path.to) return { paths: [], count: 0, truncated: false };
  let byPair = traced.get(graph);
  if (!byPair) traced.set(graph, (byPair = new Map()));
  const key = `${path.from}\u0000${path.to}`;
  let result = byPair.get(key);
  if (!result) byPair.set(key, (result = paths(graph, path.from, path.to, { maxLength: PATH_HOPS, maxPaths: PATH_CAP })));
  return result;
}

export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}

/** The networks a deriver keeps: every deal, every flow today (acquired firms folded), the default flows. */
export interface DeriverGraphs {
  full: FirmGraph;
  everyFlow: FirmGraph;
  base: FirmGraph;
}

export function* deriverGraphSteps(data: DataSet, slice = Number.POSITIVE_INFINITY): Steps<DeriverGraphs> {
  const full = yield* buildFirmGraphSteps(data, slice);
  // Acquired firms are part of their acquirers today: the views fold them in (see acquisitions.ts).
  const everyFlow = acquirersAt(full, null).size > 0 ? yield* filterFirmGraphSteps(full, {}, {}, slice) : full;
  // Most imported sets hold only money that moved: then the base view is the every-flow view, and
  // copying a network of 200,000 deals to find that out would be wasted.
  const defaults = new Set<string>(DEFAULT_FLOWS);
  const onlyDefaultFlows = data.deals.every((deal) => defaults.has(flowOf(deal)));
  const base = onlyDefaultFlows ? everyFlow : yield* filterFirmGraphSteps(full, { flows: DEFAULT_FLOWS }, {}, slice);
  return { full, everyFlow, base: base.size === everyFlow.size ? everyFlow : base };
}

/** Builds the full graph once per data set and derives views from it. */
export class Deriver {
  private readonly full: FirmGraph;
  private readonly everyFlow: FirmGraph;
  /** The last few views, newest last: switching a filter off and on again costs nothing. */
  private readonly recent: Derived[] = [];
  private cachedShock: { key: string; result: DebtRankResult | null } | null = null;
  private cachedTimeline: { key: string; history: QuarterPoint[] } | null = null;
  /** The whole network's measures without loop counts, once asked for (see wholeNetworkMeasures). */
  private quickMeasures: Map<string, FirmMeasures> | null = null;

  /** The network of the default flows: what the analyst sees first (the full graph when it holds no other). */
  private readonly base: FirmGraph;

  /** `graphs`: the data set's networks when they are built already (in slices: see `inSlices`). */
  constructor(
    readonly data: DataSet,
    graphs: DeriverGraphs = runSteps(deriverGraphSteps(data)),
  ) {
    this.full = graphs.full;
    this.everyFlow = graphs.everyFlow;
    this.base = graphs.base;
  }

  /** A deriver whose networks are built `slice` deals at a time, awaiting `pause()` in between. */
  static async inSlices(data: DataSet, slice: number, pause: () => Promise<void>): Promise<Deriver> {
    return new Deriver(data, await runStepsWithPauses(deriverGraphSteps(data, slice), pause));
  }

  /** Every firm and deal of the data set, whatever its flow and firms acquired or not (the elements drawn come from it). */
  get fullGraph(): FirmGraph {
    return this.full;
  }

  /** The view of every flow today: the full graph, with acquired firms folded into their acquirers. */
  get everyFlowGraph(): FirmGraph {
    return this.everyFlow;
  }

  /** The unfiltered view: every firm, the deals of the default flows. */
  get baseGraph(): FirmGraph {
    return this.base;
  }

  private baseShown: Highlight | null | undefined;

  /** The firms and deals of the base graph, when it leaves some deals of the full graph out. */
  get baseVisibility(): Highlight | null {
    if (this.baseShown === undefined) {
      this.baseShown = this.base === this.full ? null : { nodes: new Set(this.base.nodes()), edges: new Set(this.base.edges()) };
    }
    return this.baseShown;
  }

  /** The graph of a filter: the full or the base graph itself when the filter keeps all of it. */
  private graphOf(filter: DealFilter): FirmGraph {
    if (keepsEverything(filter)) return this.everyFlow;
    if (keepsDefaultFlowsOnly(filter)) return this.base;
    // The last filtered graph is kept: a view shown before its analysis arrives (viewGraph) and the
    // analysis adopted then are of the same graph.
    const key = JSON.stringify(filter);
    if (this.lastFiltered?.key !== key) this.lastFiltered = { key, graph: filterFirmGraph(this.full, filter) };
    return this.lastFiltered.graph;
  }

  private lastFiltered: { key: string; graph: FirmGraph } | null = null;

  /** The firms and deals of `state`'s view, without its loops or measures (which may be worked out elsewhere). */
  viewGraph(state: ViewState): FirmGraph {
    return this.graphOf(filterOf(state));
  }

  /**
   * Every firm's measures on the whole network, without the loop search (so `loops` is null):
   * enough to size the firms of a first picture, in a fraction of the time of a full view.
   */
  wholeNetworkMeasures(): Map<string, FirmMeasures> {
    this.quickMeasures ??= new Map(firmMeasures(this.base).map((m) => [m.id, m]));
    return this.quickMeasures;
  }

  /** wholeNetworkMeasures, awaiting `pause()` between its steps (see firmMeasureSteps). */
  async wholeNetworkMeasuresWithPauses(pause: () => Promise<void>): Promise<Map<string, FirmMeasures>> {
    this.quickMeasures ??= new Map((await runStepsWithPauses(firmMeasureSteps(this.base), pause)).map((m) => [m.id, m]));
    return this.quickMeasures;
  }

  /**
   * Takes the analysis of a view made elsewhere of this very data set (see first-view.ts): deriving
   * that view, and the whole network's measures and the view's timeline, then costs nothing here.
   */
  adopt(analysis: FirstViewAnalysis): void {
    this.adoptView(analysis);
    this.quickMeasures = new Map(analysis.wholeNetwork.map((m) => [m.id, m]));
    this.cachedTimeline = { key: filterKey({ ...analysis.state, asOf: null }), history: analysis.timeline };
  }

  /** Takes the analysis of one view made elsewhere of this very data set (see first-view.ts's analyseView). */
  adoptView(analysis: ViewAnalysis): void {
    const key = filterKey(analysis.state);
    if (this.recent.some((d) => d.key === key)) return;
    const graph = this.graphOf(filterOf(analysis.state));
    adoptCircularity(graph, analysis.circularity);
    const loops = loopSearchResultOf(graph, analysis.loops, analysis.truncated);
    const measures = new Map(analysis.measures.map((m) => [m.id, m]));
    this.recent.push(withLoopLookups({ key, graph, loops, measures }));
    if (this.recent.length > RECENT_VIEWS) this.recent.shift();
  }

  /** Whether the view of `state` is derived already (deriving it costs nothing). */
  hasView(state: ViewState): boolean {
    const key = filterKey(state);
    return this.recent.some((d) => d.key === key);
  }

  derive(state: ViewState): Derived {
    const key = filterKey(state);
    const hit = this.recent.findIndex((d) => d.key === key);
    if (hit >= 0) {
      const derived = this.recent.splice(hit, 1)[0] as Derived;
      this.recent.push(derived);
      return derived;
    }
    // Views are read, never changed: an unfiltered view can be the full graph itself.
    const filter = filterOf(state);
    const graph = this.graphOf(filter);
    const loops = findLoops(graph, { maxCycles: LOOP_CAP, inOrderOnly: state.inOrder, windowMonths: state.windowMonths });
    // The whole network's measures, when the first picture needed them, only lack the loop counts.
    const quick = graph === this.base ? this.quickMeasures : null;
    let measures: Map<string, FirmMeasures>;
    if (quick) {
      const counts = loops.loopsPerFirm;
      measures = new Map([...quick].map(([id, m]) => [id, withLoopCount(m, counts.get(id) ?? 0)]));
    } else {
      measures = new Map(firmMeasures(graph, { loopCounts: loops.loopsPerFirm }).map((m) => [m.id, m]));
    }
    const derived = withLoopLookups({ key, graph, loops, measures });
    this.recent.push(derived);
    if (this.recent.length > RECENT_VIEWS) this.recent.shift();
    return derived;
  }

  /**
   * Loops and loop money per quarter under the view's filters (the timeline month aside): at once
   * from the cache, or as quarters to take one by one (cached when the last has been taken).
   */
  timelineSteps(state: ViewState): QuarterPoint[] | Iterable<QuarterPoint> {
    const withoutDate = { ...state, asOf: null };
    const key = filterKey(withoutDate);
    if (this.cachedTimeline?.key === key) return this.cachedTimeline.history;
    const steps = loopHistorySteps(this.full, filterOf(withoutDate), { inOrderOnly: state.inOrder, windowMonths: state.windowMonths });
    const remember = (history: QuarterPoint[]): void => {
      this.cachedTimeline = { key, history };
    };
    return {
      *[Symbol.iterator]() {
        const history: QuarterPoint[] = [];
        for (const point of steps) {
          history.push(point);
          yield point;
        }
        remember(history);
      },
    };
  }

  /**
   * The shock scenario of the view, played out on the filtered graph; null without a scenario or
   * when none of its firms is in view. Cached, so stepping through rounds does not rerun it.
   */
  scenario(state: ViewState): DebtRankResult | null {
    if (!state.shock) return null;
    const derived = this.derive(state);
    const key = JSON.stringify([derived.key, state.shock, state.model, state.lgd, state.called, state.buffers]);
    if (this.cachedShock?.key === key) return this.cachedShock.result;
    // Exposures count every flow at its loss share (a stake is exposed at its value, a guarantee when
    // called, a partnership never), whatever flows the picture counts as money that moved.
    const graph = this.graphOf({ ...filterOf({ ...state, flows: FLOW_KINDS }) });
    const shocks = shockWithin(state.shock, (firm) => graph.hasNode(firm));
    const options = { shocks, mode: state.model, buffers: state.buffers, called: state.called, ...(state.lgd !== null ? { lossShare: { committed: state.lgd } } : {}) };
    const result = Object.keys(shocks).length === 0 ? null : debtRank(graph, options);
    this.cachedShock = { key, result };
    return result;
  }
}

/**
 * Whether the view's picture can be drawn before its loops are searched: the whole network (of the
 * default flows), deal widths by amount, with
 * nothing selected or shocked, and firms not sized by their loops.
 */
export function drawableWithoutLoops(state: ViewState): boolean {
  return keepsDefaultFlowsOnly(filterOf(state)) && !state.inOrder && state.width === 'amount' && !state.firm && !state.deal && !state.loop && !state.path && !state.shock && state.size !== 'loops';
}

/** The nodes and deal edges of a set of loops. */
export function loopHighlight(loops: readonly MoneyLoop[]): Highlight {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const loop of loops) {
    for (const firm of loop.firms) nodes.add(firm);
    for (const hop of loop.hops) for (const deal of hop.deals) edges.add(deal);
  }
  return { nodes, edges };
}

/**
 * What the current selection highlights: a loop shows its own firms and deals; a firm shows every
 * loop through it (and the firm itself, even when it is on none); a deal shows its two firms.
 * Null when nothing is selected (nothing is dimmed).
 */
/**
 * What the view emphasises: the chosen loop, the loops through the chosen firm, the chosen deal,
 * or else, when the analyst asks what is new since a date, the new deals of the view and their firms.
 */
export function highlightOf(state: ViewState, derived: Derived, newDeals: ReadonlySet<string> | null = null): Highlight | null {
  if (state.loop) {
    const loop = derived.loopById.get(state.loop);
    if (loop) return loopHighlight([loop]);
  }
  if (state.path) {
    const highlight: Highlight = { nodes: new Set([state.path.from, state.path.to].filter((f) => derived.graph.hasNode(f))), edges: new Set() };
    for (const found of tracedPaths(derived.graph, state.path).paths) {
      for (const firm of found.firms) highlight.nodes.add(firm);
      for (const hop of found.hops) for (const deal of hop.deals) highlight.edges.add(deal);
    }
    return highlight;
  }
  if (state.firm && derived.graph.hasNode(state.firm)) {
    const highlight = loopHighlight(derived.loopsByFirm.get(state.firm) ?? []);
    highlight.nodes.add(state.firm);
    return highlight;
  }
  if (state.deal && derived.graph.hasEdge(state.deal)) {
    return {
      nodes: new Set([derived.graph.source(state.deal), derived.graph.target(state.deal)]),
      edges: new Set([state.deal]),
    };
  }
  if (newDeals && newDeals.size > 0) {
    const highlight: Highlight = { nodes: new Set(), edges: new Set() };
    for (const id of newDeals) {
      if (!derived.graph.hasEdge(id)) continue;
      highlight.edges.add(id);
      highlight.nodes.add(derived.graph.source(id));
      highlight.nodes.add(derived.graph.target(id));
    }
    return highlight;
  }
  return null;
}

export { sortLoops };
