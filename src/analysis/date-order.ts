/**
 * Loops in date order: money cannot flow back in time. A loop is in date order when, starting at
 * some hop, a deal can be chosen for each hop whose date is not before the previous hop's. Dates
 * compare by the start of their period (`2025` is 2025-01-01); parallel deals on one hop may each
 * be the one. With a window of N months, the first and the last chosen deal are at most N months
 * apart (12 × Δyear + Δmonth of their period starts; days are ignored).
 */
import { parseDatePeriod } from '../data/dates.js';

/** A deal of a hop that can carry money in date order. */
export interface DatedDeal {
  readonly id: string;
  /** Start of the deal's date period, YYYY-MM-DD (compares as text). */
  readonly start: string;
  /** 12 × year + month of the period start, for windows. */
  readonly month: number;
}

/** The deals chosen for a loop read in date order. */
export interface DateOrderChoice {
  /** The hop (index into the loop's hops) the chain starts at. */
  readonly firstHop: number;
  /** The chosen deal of each hop, from the first hop of the chain on. */
  readonly deals: readonly DatedDeal[];
}

/** A deal's place in time, or null when its date cannot be read. */
export function datedDeal(id: string, date: string): DatedDeal | null {
  const period = parseDatePeriod(date);
  if (!period) return null;
  const start = period.start;
  return { id, start, month: Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 };
}

/** Sorts a hop's deals by period start, then id, so choices are deterministic. */
export function sortDated(deals: DatedDeal[]): DatedDeal[] {
  return deals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The first deal of a sorted hop dated on or after `start`; -1 when none is. */
function firstFrom(deals: readonly DatedDeal[], start: string): number {
  let low = 0;
  let high = deals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((deals[middle] as DatedDeal).start < start) low = middle + 1;
    else high = middle;
  }
  return low < deals.length ? low : -1;
}

/** The chain of earliest deals from `opening`, the first deal of hop `first` (one that closes). */
function chainFrom(hops: ReadonlyArray<readonly DatedDeal[]>, first: number, opening: DatedDeal): DatedDeal[] {
  const k = hops.length;
  const chosen = new Array<DatedDeal>(k);
  chosen[0] = opening;
  let previous = opening;
  for (let step = 1; step < k; step++) {
    const deals = hops[(first + step) % k] as readonly DatedDeal[];
    previous = deals[firstFrom(deals, previous.start)] as DatedDeal;
    chosen[step] = previous;
  }
  return chosen;
}

/**
 * A choice of deals that reads the loop in date order, or null when there is none. `hops[i]` holds
 * the deals of hop i, sorted by `sortDated`. For a given first deal, taking at each later hop the
 * earliest deal not before the previous one leaves the most room for every hop after it and ends
 * the chain as early as possible, so trying every first deal of every hop finds a choice exactly
 * when one exists, window or not.
 */
export function dateOrderChoice(hops: ReadonlyArray<readonly DatedDeal[]>, windowMonths: number | null = null): DateOrderChoice | null {
  const k = hops.length;
  if (k === 0) return null;
  for (let first = 0; first < k; first++) {
    const candidates = hops[first] as readonly DatedDeal[];
    for (const opening of candidates) {
      // The chain is followed without keeping it; only a chain that closes is taken again.
      let previous = opening;
      let step = 1;
      for (; step < k; step++) {
        const deals = hops[(first + step) % k] as readonly DatedDeal[];
        const at = firstFrom(deals, previous.start);
        if (at < 0) break;
        previous = deals[at] as DatedDeal;
      }
      if (step < k) continue;
      if (windowMonths !== null && previous.month - opening.month > windowMonths) continue;
      return { firstHop: first, deals: chainFrom(hops, first, opening) };
    }
  }
  return null;
}
