/**
 * How the loops grew: per quarter, the loops of the network as of the quarter's end and the money
 * in them (the counted amounts of the deals on at least one loop, each deal once).
 */
import { findLoops, type LoopOptions } from '../analysis/loops.js';
import { periodEnd } from '../data/dates.js';
import { countedAmount } from '../model/amounts.js';
import { acquirersAt, foldAcquired } from '../model/acquisitions.js';
import { dealMatcher, filterFirmGraph, type DealFilter } from '../model/filter.js';
import type { Deal } from '../data/types.js';
import type { FirmGraph } from '../model/graph.js';

export interface QuarterPoint {
  /** `2025-Q3`. */
  label: string;
  /** Last month of the quarter, `2025-09`. */
  month: string;
  loops: number;
  /** True when the loop count hit the cap. */
  capped: boolean;
  /** Known money on the loops, in US dollars. */
  moneyUsd: number;
}

/** Loops listed per quarter at most: the chart shows growth, not every loop of a huge network. */
export const TIMELINE_LOOP_CAP = 2000;

/** Months from the first to the last deal, `YYYY-MM`. */
export function monthsOf(graph: FirmGraph): string[] {
  let first = '';
  let last = '';
  graph.forEachEdge((_id, deal) => {
    const end = periodEnd(deal.date).slice(0, 7);
    const start = deal.date.slice(0, 4) + (deal.date.length >= 7 ? deal.date.slice(4, 7) : '-01');
    if (first === '' || start < first) first = start;
    if (last === '' || end > last) last = end;
  });
  if (first === '') return [];
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 2400; guard++) {
    const text = `${year}-${String(month).padStart(2, '0')}`;
    months.push(text);
    if (text >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** A deal the timeline adds to its view once its period has ended (`end`, `YYYY-MM-DD`). */
interface DueDeal {
  id: string;
  end: string;
  deal: Deal;
  from: string;
  to: string;
}

/** The loop count and loop money at the end of every quarter the deals span. */
export function loopHistory(graph: FirmGraph, filter: DealFilter, search: HistorySearch = {}): QuarterPoint[] {
  return [...loopHistorySteps(graph, filter, search)];
}

/** The loop search of each quarter: its longest loop, and whether only loops in date order count. */
export type HistorySearch = Pick<LoopOptions, 'maxLength' | 'inOrderOnly' | 'windowMonths'>;

/**
 * The same, a quarter at a time: each quarter is a loop search of its own, so a caller on the page
 * can take them in slices and keep the page responsive.
 */
export function* loopHistorySteps(graph: FirmGraph, filter: DealFilter, search: HistorySearch = {}): Generator<QuarterPoint, void, undefined> {
  const months = monthsOf(graph);
  const last = months[months.length - 1];
  const quarterEnds = months.filter((m) => ['03', '06', '09', '12'].includes(m.slice(5)));
  // The quarter of the last deal, even when the data stops before its end.
  if (last !== undefined && quarterEnds[quarterEnds.length - 1] !== last) {
    const quarterEnd = `${last.slice(0, 4)}-${String(Math.ceil(Number(last.slice(5)) / 3) * 3).padStart(2, '0')}`;
    quarterEnds.push(quarterEnd);
  }
  // The network as of a month holds every deal whose period has ended by then, so the view of one
  // quarter is the view of the one before plus the deals that ended in between: one view grows
  // quarter by quarter (deals in the order their periods end) instead of a copy per quarter.
  const { asOf: _asOf, hideIsolated: _hideIsolated, ...undated } = filter;
  // The firms the filter keeps, without any deal yet.
  const view = filterFirmGraph(graph, { ...undated, types: [] }, { acquisitions: false });
  // Acquired firms folded into their acquirers so far (they join as each acquisition's date passes).
  const folded = new Map<string, string>();
  const keepDeal = dealMatcher(undated);
  const due: DueDeal[] = [];
  graph.forEachEdge((id, deal, from, to) => {
    if (view.hasNode(from) && view.hasNode(to) && keepDeal(deal)) due.push({ id, end: periodEnd(deal.date), deal, from, to });
  });
  due.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  // Deals that end (a revenue share that stopped) leave the view at the end of their period.
  const ending = due.filter((entry) => entry.deal.endDate !== undefined).map((entry) => ({ id: entry.id, end: periodEnd(entry.deal.endDate as string) }));
  ending.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  let next = 0;
  let nextEnding = 0;
  for (const month of quarterEnds) {
    const monthEnd = periodEnd(month);
    const joining = new Map([...acquirersAt(view, monthEnd)].filter(([firm]) => !folded.has(firm)));
    if (joining.size > 0) {
      foldAcquired(view, joining);
      for (const [firm, acquirer] of joining) folded.set(firm, acquirer);
    }
    for (; next < due.length; next++) {
      const entry = due[next] as DueDeal;
      if (entry.end > monthEnd) break;
      // A deal dated by its year can have ended within that year, before it is due.
      if (entry.deal.endDate !== undefined && periodEnd(entry.deal.endDate) <= monthEnd) continue;
      const from = folded.get(entry.from) ?? entry.from;
      const to = folded.get(entry.to) ?? entry.to;
      // A deal between an acquired firm and its acquirer is internal to the merged firm.
      if (from !== to) view.addDirectedEdgeWithKey(entry.id, from, to, entry.deal);
    }
    for (; nextEnding < ending.length; nextEnding++) {
      const entry = ending[nextEnding] as { id: string; end: string };
      if (entry.end > monthEnd) break;
      if (view.hasEdge(entry.id)) view.dropEdge(entry.id);
    }
    const { count, truncated, dealsOnLoops } = findLoops(view, { ...search, maxCycles: TIMELINE_LOOP_CAP });
    let moneyUsd = 0;
    for (const id of dealsOnLoops) moneyUsd += countedAmount(view.getEdgeAttributes(id), view) ?? 0;
    yield { label: `${month.slice(0, 4)}-Q${Number(month.slice(5)) / 3}`, month, loops: count, capped: truncated, moneyUsd };
  }
}
