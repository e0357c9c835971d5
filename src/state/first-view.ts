/**
 * The first view of a data set, analysed where it was checked (the import worker): its firms'
 * measures, its loops, how much of its money goes round, its timeline and the part of it the
 * picture draws. The page adopts it (Deriver.adopt) instead of working it all out itself, which
 * for a network of 200,000 deals would hold the page for seconds.
 */
import type { FirmMeasures } from '../analysis/centrality.js';
import { packCircularity, type PackedCircularity } from '../analysis/circularity.js';
import type { MoneyLoop } from '../analysis/loops.js';
import type { DataSet } from '../data/types.js';
import { drawnPart, partOf, type DrawnPart } from '../model/drawing-budget.js';
import { Deriver } from './derive.js';
import { monthsOf } from './timeline.js';
import type { QuarterPoint } from './timeline.js';
import type { ViewState } from './view-state.js';

/** A view's loops, measures and circularity, worked out where the data set is also held (a worker). */
export interface ViewAnalysis {
  /** The view state analysed (its filters decide the view). */
  state: ViewState;
  /** The view's measures, loop counts included. */
  measures: FirmMeasures[];
  loops: MoneyLoop[];
  truncated: boolean;
  circularity: PackedCircularity;
}

export interface FirstViewAnalysis extends ViewAnalysis {
  /** Every firm's measures on the whole network, without loop counts (Deriver.wholeNetworkMeasures). */
  wholeNetwork: FirmMeasures[];
  timeline: QuarterPoint[];
  /** Every month the deals span, and the first and last month of a deal. */
  months: string[];
  minMonth: string;
  maxMonth: string;
  part: DrawnPart | null;
  /**
   * The firms and deals of the part (what its layout reads), picked here: picking 1,500 deals out
   * of 200,000 on the page held it for a quarter of a second. Null when the whole set is drawn.
   */
  partRecords: { entities: Array<{ id: string; name: string }>; deals: Array<{ id: string; from: string; to: string }> } | null;
}

/** The first and last month ("YYYY-MM") any deal is dated in, by one pass. */
export function monthRange(data: Pick<DataSet, 'deals'>): { minMonth: string; maxMonth: string } {
  let minMonth = '';
  let maxMonth = '';
  for (const deal of data.deals) {
    const month = deal.date.slice(0, 7);
    if (month.length !== 7) continue;
    if (minMonth === '' || month < minMonth) minMonth = month;
    if (maxMonth === '' || month > maxMonth) maxMonth = month;
  }
  return { minMonth, maxMonth };
}

/** `deriver`: one of `data` kept for later views (a worker's), or a new one. */
export function analyseFirstView(data: DataSet, state: ViewState, deriver: Deriver = new Deriver(data)): FirstViewAnalysis {
  const part = drawnPart(data);
  const wholeNetwork = [...deriver.wholeNetworkMeasures().values()];
  const derived = deriver.derive(state);
  return {
    state,
    wholeNetwork,
    measures: [...derived.measures.values()],
    loops: derived.loops.loops,
    truncated: derived.loops.truncated,
    circularity: packCircularity(derived.circularity),
    timeline: [...deriver.timelineSteps(state)],
    months: monthsOf(deriver.fullGraph),
    ...monthRange(data),
    part,
    partRecords: part ? drawnRecords(data, part) : null,
  };
}

/** The part's firms and deals, with only what their layout reads. */
function drawnRecords(data: DataSet, part: DrawnPart): NonNullable<FirstViewAnalysis['partRecords']> {
  const records = partOf(data, part);
  return {
    entities: records.entities.map((e) => ({ id: e.id, name: e.name })),
    deals: records.deals.map((d) => ({ id: d.id, from: d.from, to: d.to })),
  };
}

/** The analysis of any view of a data set, by a deriver of it kept where it runs (a worker). */
export function analyseView(deriver: Deriver, state: ViewState): ViewAnalysis {
  const derived = deriver.derive(state);
  return { state, measures: [...derived.measures.values()], loops: derived.loops.loops, truncated: derived.loops.truncated, circularity: packCircularity(derived.circularity) };
}
