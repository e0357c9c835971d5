/**
 * A data set made ready to show: its network and deriver, the elements the picture draws, and the
 * lookups that never change while it is shown. A large set's network is built in slices, and the
 * analysis of its first view, when the import worker sent one, is adopted rather than redone, so
 * that getting it ready never holds the page for long.
 */
import { ENTITY_KINDS, type DataChange, type DataSet, type Deal, type Entity } from '../data/types.js';
import { lastChange } from '../model/new-since.js';
import type { DrawnPart } from '../model/drawing-budget.js';
import { Deriver } from '../state/derive.js';
import { monthRange, type FirstViewAnalysis } from '../state/first-view.js';
import { monthsOf } from '../state/timeline.js';
import type { SizeMeasure, ViewState } from '../state/view-state.js';
import { graphElements, type GraphElements } from './elements.js';
import { Names } from './names.js';

/** Per data set: lookups that never change while it is loaded. */
export interface LoadedSet {
  data: DataSet;
  deriver: Deriver;
  elements: GraphElements;
  /** What the picture draws of a network too large to draw whole; null: all of it. */
  part: DrawnPart | null;
  entities: Map<string, Entity>;
  deals: Map<string, Deal>;
  kindsPresent: Array<(typeof ENTITY_KINDS)[number]>;
  /** How firms, deals and loops are named. */
  names: Names;
  /** Every month the deals span, for the timeline. */
  months: string[];
  minMonth: string;
  maxMonth: string;
}

/** Sets with more deals than this are made ready in slices. */
const LARGE_SET = 20_000;
/** Deals built into the network, or indexed, between two pauses (each pause lets the page draw and answer). */
const DEALS_PER_SLICE = 4_000;

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface LoadOptions {
  part: DrawnPart | null;
  analysis: FirstViewAnalysis | null;
  state: ViewState;
  /** Whether the first picture is drawn from the whole network's measures alone (no loop search yet). */
  sketch: boolean;
  sizeBy: SizeMeasure;
}

export async function loadSet(data: DataSet, options: LoadOptions): Promise<LoadedSet> {
  const { part, analysis, state } = options;
  const large = data.deals.length > LARGE_SET;
  const deriver = large ? await Deriver.inSlices(data, DEALS_PER_SLICE, pause) : new Deriver(data);
  if (large) await pause();
  if (analysis) deriver.adopt(analysis);
  if (large) await pause();
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const deals = new Map<string, Deal>();
  for (let start = 0; start < data.deals.length; start += DEALS_PER_SLICE) {
    if (large && start > 0) await pause();
    for (const deal of data.deals.slice(start, start + DEALS_PER_SLICE)) deals.set(deal.id, deal);
  }
  if (large) await pause();
  const measures = options.sketch
    ? large
      ? await deriver.wholeNetworkMeasuresWithPauses(pause)
      : deriver.wholeNetworkMeasures()
    : deriver.derive({ ...state, types: null, minUsd: 0, from: null, to: null, kinds: null, statuses: null, hideIsolated: false }).measures;
  // The measures and the first rendering of the panels that follows are a fifth of a second each.
  if (large) await pause();
  const range = analysis ?? monthRange(data);
  return {
    data,
    deriver,
    elements: graphElements(deriver.fullGraph, measures, options.sizeBy, part),
    part,
    entities,
    deals,
    names: new Names(entities, deals),
    kindsPresent: ENTITY_KINDS.filter((k) => data.entities.some((e) => e.kind === k)),
    months: analysis?.months ?? monthsOf(deriver.fullGraph),
    minMonth: range.minMonth,
    maxMonth: range.maxMonth,
  };
}

/** The set's last update, with the titles of the deals it added (for About). */
export function lastUpdateOf(loaded: LoadedSet): { change: DataChange; added: string[] } | null {
  const change = lastChange(loaded.data.changes);
  return change ? { change, added: change.added.map((id) => loaded.deals.get(id)?.title ?? id) } : null;
}
