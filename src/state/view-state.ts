/**
 * The view state: one plain object that defines what the analyst sees. Everything else (the
 * filtered graph, loops, measures, highlights) is derived from it and the data set.
 */
import type { ContagionMode } from '../analysis/contagion.js';
import type { LoopSortKey } from '../analysis/loops.js';
import { DEFAULT_FLOWS, FLOW_KINDS, type DealStatus, type DealType, type EntityKind, type FlowKind } from '../data/types.js';
import type { DealFilter } from '../model/filter.js';

/** Measures a node can be sized by. */
export const SIZE_MEASURES = ['pagerank', 'betweenness', 'strength', 'circularity', 'loops', 'none'] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

/** What the width of a deal's arrow shows. */
export const EDGE_WIDTHS = ['amount', 'circular'] as const;
export type EdgeWidth = (typeof EDGE_WIDTHS)[number];

export interface Viewport {
  zoom: number;
  x: number;
  y: number;
}

/** A firm the analyst dragged, and where to (model coordinates, whole numbers). */
export interface MovedFirm {
  firm: string;
  x: number;
  y: number;
}

/** Hops a traced path has at most (the CLI's `paths` takes any bound). */
export const PATH_HOPS = 4;

/** Paths a trace lists at most; the panel says when the cap cut the list. */
export const PATH_CAP = 500;

/** Moved firms a view keeps at most: the link must stay short enough to share. */
export const MAX_MOVED_FIRMS = 20;

export interface ViewState {
  /** Deal types shown; null shows all. */
  types: DealType[] | null;
  /** Minimum known amount in US dollars; undisclosed amounts stay. */
  minUsd: number;
  /** Date range (YYYY-MM), inclusive; null is open. */
  from: string | null;
  to: string | null;
  /** Entity kinds shown; null shows all. */
  kinds: EntityKind[] | null;
  /** Deal statuses shown; null shows all. */
  statuses: DealStatus[] | null;
  /** Flow kinds counted and shown, in FLOW_KINDS order (default: paid, committed, in-kind). */
  flows: readonly FlowKind[];
  /** Only loops whose deals can be read in date order. */
  inOrder: boolean;
  /** With inOrder: at most this many months from the first deal of the loop to the last; null is no limit. */
  windowMonths: number | null;
  /** What deal widths show: the amount, or the part of it that goes round (maximum circulation). */
  width: EdgeWidth;
  /** Hide firms left without deals. */
  hideIsolated: boolean;
  /** Selected firm id. */
  firm: string | null;
  /** Selected deal id. */
  deal: string | null;
  /** Highlighted loop id, e.g. `amd>openai`. */
  loop: string | null;
  /** The money traced from one firm to another: every path of up to PATH_HOPS hops. */
  path: { from: string; to: string } | null;
  /** Node size measure. */
  size: SizeMeasure;
  /** Cycles panel order. */
  sort: LoopSortKey;
  /** Zoom and pan when the analyst moved the view; null fits the graph. */
  view: Viewport | null;
  /** Firms dragged away from the layout's positions, in the order they were first moved (at most MAX_MOVED_FIRMS). */
  moved: readonly MovedFirm[];
  /** Fingerprint of an imported data set the view was made with; null for the shipped data. */
  data: string | null;
  /** Timeline: the network as of the end of this month (YYYY-MM); null shows every deal. */
  asOf: string | null;
  /** Marks the deals and loops that updates of the data set added after this date; null marks none. */
  newSince: string | null;
  /** Shock scenario: initial distress (0..1) per firm id; null when no scenario runs. */
  shock: Record<string, number> | null;
  /** Contagion rule: `original` DebtRank or the `linear` variant. */
  model: ContagionMode;
  /** Share of a committed purchase its seller loses when the buyer fails; null: the documented default. */
  lgd: number | null;
  /** Whether guarantees (contingent deals) are called in the scenario. */
  called: boolean;
  /** Buffers: balance-sheet equity, or the labelled exposure proxy. */
  buffers: 'balance' | 'proxy';
  /** Colours: the system's, or light or dark whatever the system says. */
  theme: 'auto' | 'light' | 'dark';
  /** Scenario round shown (1 = the shock itself); null shows the final state. */
  round: number | null;
  /** The story played: a shipped story's name, or the story itself (`~…`, see story-link.ts); null when none. */
  story: string | null;
  /** The story's step shown (1-based); null is the first. */
  step: number | null;
  /** Shown inside another page: the graph and the caption, without side panels. */
  embed: boolean;
}

export const DEFAULT_VIEW_STATE: Readonly<ViewState> = Object.freeze({
  types: null,
  minUsd: 0,
  from: null,
  to: null,
  kinds: null,
  statuses: null,
  flows: DEFAULT_FLOWS,
  inOrder: false,
  windowMonths: null,
  width: 'amount',
  newSince: null,
  hideIsolated: false,
  firm: null,
  deal: null,
  loop: null,
  path: null,
  size: 'pagerank',
  sort: 'bottleneck',
  view: null,
  moved: Object.freeze([]) as readonly MovedFirm[],
  data: null,
  asOf: null,
  shock: null,
  model: 'original',
  lgd: null,
  called: false,
  buffers: 'balance',
  theme: 'auto',
  round: null,
  story: null,
  step: null,
  embed: false,
});

/** The deal filter a view state describes. */
export function filterOf(state: ViewState): DealFilter {
  const filter: DealFilter = { hideIsolated: state.hideIsolated };
  if (state.types) filter.types = state.types;
  if (state.kinds) filter.kinds = state.kinds;
  if (state.statuses) filter.statuses = state.statuses;
  if (state.flows.length < FLOW_KINDS.length) filter.flows = state.flows;
  if (state.minUsd > 0) filter.minUsd = state.minUsd;
  if (state.from) filter.from = state.from;
  if (state.to) filter.to = state.to;
  if (state.asOf) filter.asOf = state.asOf;
  return filter;
}

/** A key that changes exactly when the filter changes: derived results are cached by it. */
export function filterKey(state: ViewState): string {
  return JSON.stringify([state.types, state.minUsd, state.from, state.to, state.kinds, state.statuses, state.flows, state.hideIsolated, state.asOf, state.inOrder, state.windowMonths]);
}
