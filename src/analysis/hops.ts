/**
 * The deals behind each ordered pair of firms, and the amount of a hop: the sum of the counted
 * amounts of its deals (null when none is known). Shared by loops and paths.
 */
import type { Deal } from '../data/types.js';
import { countedAmount } from '../model/amounts.js';
import type { FirmGraph } from '../model/graph.js';

export interface HopDeals {
  /** The pair's deals in data order. */
  deals: Deal[];
  /** Sum of counted amounts; null when no deal of the pair has one. */
  amountUsd: number | null;
}

const NO_DEALS: HopDeals = { deals: [], amountUsd: null };

export class PairDeals {
  private readonly pairs = new Map<string, HopDeals>();

  constructor(graph: FirmGraph) {
    graph.forEachEdge((_id, deal, from, to) => {
      const key = `${from}\u0000${to}`;
      let entry = this.pairs.get(key);
      if (!entry) {
        entry = { deals: [], amountUsd: null };
        this.pairs.set(key, entry);
      }
      entry.deals.push(deal);
      const amount = countedAmount(deal, graph);
      if (amount !== null) entry.amountUsd = (entry.amountUsd ?? 0) + amount;
    });
  }

  get(from: string, to: string): HopDeals {
    return this.pairs.get(`${from}\u0000${to}`) ?? NO_DEALS;
  }
}

/** The smallest hop amount, or null when any hop's amount is unknown. */
export function bottleneckOf(amounts: ReadonlyArray<number | null>): number | null {
  let smallest = Number.POSITIVE_INFINITY;
  for (const amount of amounts) {
    if (amount === null) return null;
    if (amount < smallest) smallest = amount;
  }
  return amounts.length === 0 ? null : smallest;
}
