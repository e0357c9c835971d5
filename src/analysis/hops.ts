/**
 * The deals behind each ordered pair of firms, summarised once per search: the hop amount (the sum
 * of the counted amounts of its deals, null when none is known), the deal types, and the date span.
 * Loops and paths then measure a hop in constant time.
 */
import { parseDatePeriod } from '../data/dates.js';
import { DEAL_TYPES, DEFAULT_FLOWS, FLOW_KINDS, flowOf, type Deal, type DealType, type FlowKind } from '../data/types.js';
import { countedAmount, isSuperseded } from '../model/amounts.js';
import { datedDeal, sortDated, type DatedDeal } from './date-order.js';
import type { DealNetwork } from '../model/deal-network.js';
import { arcIndex, type IndexedGraph } from './indexed-graph.js';

export interface HopDeals {
  /** The pair's deal ids in data order (frozen once built). */
  dealIds: string[];
  /**
   * The deals that can carry money in date order, by period start: a deal replaced by a later one
   * in view (a letter of intent replaced by the final deal) is left out, as its amount is.
   */
  dated: DatedDeal[];
  /** Sum of counted amounts; null when no deal of the pair has one. */
  amountUsd: number | null;
  /** Bit i set when the pair has a deal of DEAL_TYPES[i]. */
  typeMask: number;
  /** Bit i set when the pair has a deal of FLOW_KINDS[i]. */
  flowMask: number;
  /** Earliest deal (by the start of its date period) and latest (by the end of its period). */
  firstStart: string;
  firstDate: string;
  lastEnd: string;
  lastDate: string;
}

const NO_DEALS: HopDeals = { dealIds: [], dated: [], amountUsd: null, typeMask: 0, flowMask: 0, firstStart: '', firstDate: '', lastEnd: '', lastDate: '' };

const TYPE_BIT = new Map<DealType, number>(DEAL_TYPES.map((type, i) => [type, 1 << i]));
const FLOW_BIT = new Map<FlowKind, number>(FLOW_KINDS.map((flow, i) => [flow, 1 << i]));
/** The bits of the flows counted by default (money and value that moves). */
export const DEFAULT_FLOW_MASK = DEFAULT_FLOWS.reduce((mask, flow) => mask | (FLOW_BIT.get(flow) ?? 0), 0);

/** The flow kinds of a mask, in the canonical order. */
export function flowsOfMask(mask: number): FlowKind[] {
  return FLOW_KINDS.filter((_flow, i) => (mask & (1 << i)) !== 0);
}

/** The deal types of a mask, in the canonical type order. */
export function typesOfMask(mask: number): DealType[] {
  return DEAL_TYPES.filter((_type, i) => (mask & (1 << i)) !== 0);
}

function addDeal(entry: HopDeals, deal: Deal, graph: DealNetwork): void {
  entry.dealIds.push(deal.id);
  entry.typeMask |= TYPE_BIT.get(deal.type) ?? 0;
  entry.flowMask |= FLOW_BIT.get(flowOf(deal)) ?? 0;
  const amount = countedAmount(deal, graph);
  if (amount !== null) entry.amountUsd = (entry.amountUsd ?? 0) + amount;
  const period = parseDatePeriod(deal.date);
  if (!period) throw new Error(`roundtrip/hops: deal ${deal.id} has no valid date: ${JSON.stringify(deal.date)}`);
  const { start, end } = period;
  if (!isSuperseded(deal, graph)) entry.dated.push(datedDeal(deal.id, deal.date) as DatedDeal);
  if (entry.firstDate === '' || start < entry.firstStart) {
    entry.firstStart = start;
    entry.firstDate = deal.date;
  }
  if (entry.lastDate === '' || end > entry.lastEnd) {
    entry.lastEnd = end;
    entry.lastDate = deal.date;
  }
}

/**
 * The deals of each pair, grouped in one pass over the graph; a pair is summarised when first asked
 * for (a search over 500,000 deals may build loops through a few hundred pairs).
 */
export class PairDeals {
  private readonly byKey = new Map<string, Deal[]>();
  private readonly entries = new Map<string, HopDeals>();
  /** With an indexed graph: the deals grouped by arc (made when first asked for), and each arc's summary. */
  private byArc: { start: Int32Array; deals: Deal[] } | null = null;
  private arcEntries: Array<HopDeals | undefined> = [];

  /** With an indexed graph, pairs can also be looked up by vertex numbers (faster in loops). */
  constructor(
    private readonly graph: DealNetwork,
    private readonly indexed?: IndexedGraph,
  ) {
    if (!indexed) {
      graph.forEachEdge((_id, deal, from, to) => {
        const key = `${from}\u0000${to}`;
        const list = this.byKey.get(key);
        if (list) list.push(deal);
        else this.byKey.set(key, [deal]);
      });
    }
  }

  /** The deals in arc order (a counting sort: data order within an arc), and where each arc's start. */
  private groupByArc(indexed: IndexedGraph): { start: Int32Array; deals: Deal[] } {
    const { indexOf } = indexed;
    const arcs = indexed.targets.length;
    const listed: Deal[] = [];
    const arcOf: number[] = [];
    this.graph.forEachEdge((_id, deal, from, to) => {
      listed.push(deal);
      arcOf.push(arcIndex(indexed, indexOf.get(from) as number, indexOf.get(to) as number));
    });
    this.arcEntries = new Array<HopDeals | undefined>(arcs);
    const start = new Int32Array(arcs + 1);
    for (const arc of arcOf) (start[arc + 1] as number)++;
    for (let arc = 0; arc < arcs; arc++) start[arc + 1] = (start[arc + 1] as number) + (start[arc] as number);
    const next = start.slice(0, arcs);
    const deals = new Array<Deal>(listed.length);
    for (let i = 0; i < listed.length; i++) {
      const arc = arcOf[i] as number;
      deals[(next[arc] as number)++] = listed[i] as Deal;
    }
    return { start, deals };
  }

  private summary(deals: readonly Deal[]): HopDeals {
    const entry: HopDeals = { dealIds: [], dated: [], amountUsd: null, typeMask: 0, flowMask: 0, firstStart: '', firstDate: '', lastEnd: '', lastDate: '' };
    for (const deal of deals) addDeal(entry, deal, this.graph);
    // Loops share these lists (one per pair, not per loop): frozen, so no caller can reorder them.
    Object.freeze(entry.dealIds);
    Object.freeze(sortDated(entry.dated));
    return entry;
  }

  get(from: string, to: string): HopDeals {
    if (this.indexed) {
      const u = this.indexed.indexOf.get(from);
      const v = this.indexed.indexOf.get(to);
      return u === undefined || v === undefined ? NO_DEALS : this.getByIndex(u, v);
    }
    const key = `${from}\u0000${to}`;
    const deals = this.byKey.get(key);
    if (!deals) return NO_DEALS;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.summary(deals);
      this.entries.set(key, entry);
    }
    return entry;
  }

  getByIndex(u: number, v: number): HopDeals {
    const indexed = this.indexed;
    if (!indexed) throw new Error('roundtrip/hops: getByIndex needs the indexed graph');
    const arc = arcIndex(indexed, u, v);
    if (arc < 0) return NO_DEALS;
    const { start, deals } = (this.byArc ??= this.groupByArc(indexed));
    let entry = this.arcEntries[arc];
    if (!entry) {
      entry = this.summary(deals.slice(start[arc], start[arc + 1]));
      this.arcEntries[arc] = entry;
    }
    return entry;
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
