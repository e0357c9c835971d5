/**
 * Money loops: elementary circuits of the firm graph, each hop carrying the deals that realise it.
 * A loop is named by its firms from the smallest id, e.g. `amd>openai`: a stable id for URLs.
 *
 * Why one long file: the search, its date-order test and the loop objects share the indexed
 * graph and the builder that turns circuits into loops; each part is small.
 */
import { periodEnd, periodStart } from '../data/dates.js';
import type { DealType, FlowKind } from '../data/types.js';
import type { DealNetwork } from '../model/deal-network.js';
import type { FirmGraph } from '../model/graph.js';
import { circuitsThrough, collectCircuits, elementaryCircuits, type CircuitList } from './circuits.js';
import { dateOrderChoice, type DatedDeal } from './date-order.js';
import { DEFAULT_FLOW_MASK, flowsOfMask, PairDeals, typesOfMask, type HopDeals } from './hops.js';
import { wholeNumberOption } from './options.js';
import { indexFirmGraph, type IndexedGraph } from './indexed-graph.js';

/** One hop of a loop. Loops through the same pair of firms share the hop (frozen, read-only). */
export interface Hop {
  readonly from: string;
  readonly to: string;
  /** Deal ids of this pair, in data order (parallel deals share one hop). */
  readonly deals: readonly string[];
  /** Sum of the known amounts of the hop's deals (superseded deals left out); null when none is known. */
  readonly amountUsd: number | null;
}

export interface MoneyLoop {
  /** Firms joined by `>`, starting at the smallest id: `nvidia>openai>oracle`. */
  id: string;
  firms: string[];
  hops: Hop[];
  length: number;
  /** Deal types used by the loop, in the canonical type order (shared between loops, frozen). */
  types: readonly DealType[];
  /** Smallest hop amount; null when any hop's amount is undisclosed. */
  bottleneckUsd: number | null;
  /** Sum of the hop amounts that are known. */
  totalUsd: number;
  /** Earliest and latest deal dates, as written in the data. */
  firstDate: string;
  lastDate: string;
  /** Whether every hop has a known amount. */
  disclosed: boolean;
  /**
   * Flow kinds outside the default (paid, committed, in-kind) that the loop needs to close: the flows
   * of every hop that has no deal of a default flow ("closes only through a guarantee"). Empty for a
   * loop of money that moves.
   */
  closesThrough: readonly FlowKind[];
  /** Whether the loop's deals can be read in date order (within the search's window, if any). */
  inOrder: boolean;
  /** When in date order: the chosen deal of each hop, from the hop the chain starts at. */
  orderedHops: readonly OrderedHop[] | null;
}

/** One hop of a loop read in date order, with the deal chosen for it (shared between loops, frozen). */
export interface OrderedHop {
  readonly from: string;
  readonly to: string;
  readonly deal: string;
  /** Start of the deal's date period (YYYY-MM-DD). */
  readonly start: string;
}

export interface LoopOptions {
  /** Longest loop, in hops (default 8). */
  maxLength?: number;
  /** Most loops to return (default 10,000); the result says when more exist. */
  maxCycles?: number;
  /** Only loops in date order (see date-order.ts); the cap counts those alone. */
  inOrderOnly?: boolean;
  /** Date order within this many months from the first deal to the last; null or undefined: no limit. */
  windowMonths?: number | null;
}

export const LOOP_DEFAULTS = { maxLength: 8, maxCycles: 10_000 } as const;

export interface LoopSearchResult {
  /** The loops in the order the search found them (made when first read; see findLoops). */
  readonly loops: MoneyLoop[];
  readonly count: number;
  /** True when the cap stopped the search while more loops existed. */
  readonly truncated: boolean;
  /** How many of the loops pass through each firm (firms on no loop are left out). */
  readonly loopsPerFirm: ReadonlyMap<string, number>;
  /** The deals on at least one of the loops, in data order. */
  readonly dealsOnLoops: ReadonlySet<string>;
}

export const LOOP_ID_SEPARATOR = '>';

interface ResolvedOptions {
  maxLength: number;
  maxCycles: number;
  inOrderOnly: boolean;
  windowMonths: number | null;
}

function resolveOptions(options: LoopOptions): ResolvedOptions {
  const window = options.windowMonths ?? null;
  return {
    // No bound is a bound of infinity: a loop cannot be longer than the number of firms.
    maxLength: options.maxLength === Number.POSITIVE_INFINITY ? options.maxLength : wholeNumberOption('loops', 'maxLength', options.maxLength ?? LOOP_DEFAULTS.maxLength, 2),
    maxCycles: wholeNumberOption('loops', 'maxCycles', options.maxCycles ?? LOOP_DEFAULTS.maxCycles, 0),
    inOrderOnly: options.inOrderOnly ?? false,
    windowMonths: window === null ? null : wholeNumberOption('loops', 'windowMonths', window, 0),
  };
}

/**
 * Turns vertex circuits into measured loops. A search keeps up to 10,000 loops of up to eight hops,
 * so hops and type lists are made once per pair and per combination of types and shared.
 */
class LoopBuilder {
  private readonly pairs: PairDeals;
  private readonly hops = new Map<number, Hop>();
  private readonly typeLists = new Map<number, readonly DealType[]>();
  private readonly flowLists = new Map<number, readonly FlowKind[]>();
  private readonly orderedHops = new Map<DatedDeal, OrderedHop>();

  constructor(
    graph: DealNetwork,
    readonly indexed: IndexedGraph,
    private readonly windowMonths: number | null = null,
    pairs?: PairDeals,
  ) {
    this.pairs = pairs ?? new PairDeals(graph, indexed);
  }

  /** Whether the vertex circuit path[0 … length − 1] reads in date order (for searches that keep only those). */
  inOrder(path: ArrayLike<number>, length: number): boolean {
    const dated = new Array<readonly DatedDeal[]>(length);
    for (let i = 0; i < length; i++) dated[i] = this.pairs.getByIndex(path[i] as number, path[(i + 1) % length] as number).dated;
    return dateOrderChoice(dated, this.windowMonths) !== null;
  }

  build(circuit: readonly number[]): MoneyLoop {
    const ids = this.indexed.ids;
    const length = circuit.length;
    const firms = new Array<string>(length);
    const hops = new Array<Hop>(length);
    let typeMask = 0;
    let needMask = 0;
    let totalUsd = 0;
    let bottleneck: number | null = Number.POSITIVE_INFINITY;
    let firstStart = '';
    let firstDate = '';
    let lastEnd = '';
    let lastDate = '';
    const dated = new Array<readonly DatedDeal[]>(length);
    for (let i = 0; i < length; i++) {
      const u = circuit[i] as number;
      const v = circuit[(i + 1) % length] as number;
      const entry = this.pairs.getByIndex(u, v);
      firms[i] = ids[u] as string;
      hops[i] = this.hop(u, v, entry);
      dated[i] = entry.dated;
      typeMask |= entry.typeMask;
      if ((entry.flowMask & DEFAULT_FLOW_MASK) === 0) needMask |= entry.flowMask;
      if (entry.amountUsd === null) bottleneck = null;
      else {
        totalUsd += entry.amountUsd;
        if (bottleneck !== null && entry.amountUsd < bottleneck) bottleneck = entry.amountUsd;
      }
      if (firstDate === '' || entry.firstStart < firstStart) {
        firstStart = entry.firstStart;
        firstDate = entry.firstDate;
      }
      if (lastDate === '' || entry.lastEnd > lastEnd) {
        lastEnd = entry.lastEnd;
        lastDate = entry.lastDate;
      }
    }
    const choice = dateOrderChoice(dated, this.windowMonths);
    const orderedHops = choice === null ? null : choice.deals.map((deal, step) => this.orderedHop(hops[(choice.firstHop + step) % length] as Hop, deal));
    return {
      id: firms.join(LOOP_ID_SEPARATOR),
      firms,
      hops,
      length,
      types: this.typesOf(typeMask),
      bottleneckUsd: bottleneck,
      totalUsd,
      firstDate,
      lastDate,
      disclosed: bottleneck !== null,
      closesThrough: this.flowsOf(needMask),
      inOrder: choice !== null,
      orderedHops,
    };
  }

  private hop(u: number, v: number, entry: HopDeals): Hop {
    const key = u * this.indexed.ids.length + v;
    let hop = this.hops.get(key);
    if (!hop) {
      const ids = this.indexed.ids;
      hop = Object.freeze({ from: ids[u] as string, to: ids[v] as string, deals: entry.dealIds, amountUsd: entry.amountUsd });
      this.hops.set(key, hop);
    }
    return hop;
  }

  /** A hop read with one of its deals; each dated deal belongs to one pair, so loops share these. */
  private orderedHop(hop: Hop, deal: DatedDeal): OrderedHop {
    let ordered = this.orderedHops.get(deal);
    if (!ordered) {
      ordered = Object.freeze({ from: hop.from, to: hop.to, deal: deal.id, start: deal.start });
      this.orderedHops.set(deal, ordered);
    }
    return ordered;
  }

  private flowsOf(mask: number): readonly FlowKind[] {
    let flows = this.flowLists.get(mask);
    if (!flows) {
      flows = Object.freeze(flowsOfMask(mask));
      this.flowLists.set(mask, flows);
    }
    return flows;
  }

  private typesOf(mask: number): readonly DealType[] {
    let types = this.typeLists.get(mask);
    if (!types) {
      types = Object.freeze(typesOfMask(mask));
      this.typeLists.set(mask, types);
    }
    return types;
  }
}

/** Every money loop of the graph, one at a time (stop iterating to stop the search). */
export function* iterateLoops(graph: DealNetwork, options: Omit<LoopOptions, 'maxCycles'> = {}): Generator<MoneyLoop> {
  const { maxLength, inOrderOnly, windowMonths } = resolveOptions(options);
  const builder = new LoopBuilder(graph, indexFirmGraph(graph), windowMonths);
  for (const circuit of elementaryCircuits(builder.indexed, { maxLength })) {
    const loop = builder.build(circuit);
    if (!inOrderOnly || loop.inOrder) yield loop;
  }
}

/** Every money loop through one firm, one at a time. Throws on an unknown firm. */
export function* iterateLoopsThrough(graph: DealNetwork, firm: string, options: Omit<LoopOptions, 'maxCycles'> = {}): Generator<MoneyLoop> {
  const { maxLength, inOrderOnly, windowMonths } = resolveOptions(options);
  if (!graph.hasNode(firm)) throw new Error(`roundtrip/loops: unknown firm ${JSON.stringify(firm)}`);
  const builder = new LoopBuilder(graph, indexFirmGraph(graph), windowMonths);
  const vertex = builder.indexed.indexOf.get(firm) as number;
  for (const circuit of circuitsThrough(builder.indexed, vertex, { maxLength })) {
    const loop = builder.build(circuit);
    if (!inOrderOnly || loop.inOrder) yield loop;
  }
}

/** How many of the loops pass through each firm. */
export function loopCountsByFirm(loops: readonly MoneyLoop[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const loop of loops) for (const firm of loop.firms) counts.set(firm, (counts.get(firm) ?? 0) + 1);
  return counts;
}

/**
 * A search result over loops already made (here, or in a worker and sent over); the counts per firm
 * and the deals are made when first read.
 */
export function loopSearchResultOf(graph: FirmGraph, loops: MoneyLoop[], truncated: boolean): LoopSearchResult {
  let perFirm: Map<string, number> | null = null;
  let deals: Set<string> | null = null;
  return Object.defineProperties(
    { loops, count: loops.length, truncated },
    {
      loopsPerFirm: { enumerable: false, get: () => (perFirm ??= loopCountsByFirm(loops)) },
      dealsOnLoops: {
        enumerable: false,
        get: () => {
          if (deals) return deals;
          const onLoops = new Set<string>();
          for (const loop of loops) for (const hop of loop.hops) for (const deal of hop.deals) onLoops.add(deal);
          deals = new Set(graph.filterEdges((id) => onLoops.has(id)));
          return deals;
        },
      },
    },
  ) as LoopSearchResult;
}

/** Takes up to maxCycles loops from a search and says whether more were left. */
function collect(graph: FirmGraph, loops: Iterator<MoneyLoop>, maxCycles: number): LoopSearchResult {
  const kept: MoneyLoop[] = [];
  while (kept.length < maxCycles) {
    const next = loops.next();
    if (next.done) return loopSearchResultOf(graph, kept, false);
    kept.push(next.value);
  }
  const truncated = !loops.next().done;
  loops.return?.(undefined);
  return loopSearchResultOf(graph, kept, truncated);
}

/**
 * A search result kept as compact circuits: the loops are made (hops, amounts, dates, ids) when
 * first read, and the counts per firm are taken from the circuits. A view that shows only how
 * many loops there are, and how many pass through each firm, never makes thousands of objects.
 */
function lazyResult(graph: FirmGraph, indexed: IndexedGraph, circuits: CircuitList, truncated: boolean, makeBuilder: () => LoopBuilder): LoopSearchResult {
  let loops: MoneyLoop[] | null = null;
  let perFirm: Map<string, number> | null = null;
  let deals: Set<string> | null = null;
  return Object.defineProperties(
    { count: circuits.count, truncated },
    {
      loops: {
        enumerable: true,
        get: () => {
          if (loops) return loops;
          const builder = makeBuilder();
          loops = [];
          for (const circuit of circuits) loops.push(builder.build(circuit));
          return loops;
        },
      },
      loopsPerFirm: {
        enumerable: false,
        get: () => {
          if (perFirm) return perFirm;
          const visits = new Int32Array(indexed.ids.length);
          circuits.countVisits(visits);
          perFirm = new Map();
          visits.forEach((count, v) => {
            if (count > 0) perFirm?.set(indexed.ids[v] as string, count);
          });
          return perFirm;
        },
      },
      dealsOnLoops: {
        enumerable: false,
        get: () => {
          if (deals) return deals;
          // A deal is on a loop when its pair of firms is a hop of one: mark the hops, then take
          // the deals in data order.
          const n = indexed.ids.length;
          const hops = new Set<number>();
          circuits.forEachArc((u, v) => void hops.add(u * n + v));
          const { indexOf } = indexed;
          deals = new Set(graph.filterEdges((_id, _deal, from, to) => hops.has((indexOf.get(from) as number) * n + (indexOf.get(to) as number))));
          return deals;
        },
      },
    },
  ) as LoopSearchResult;
}

/** The money loops of a (filtered) firm graph, capped by `maxCycles`. */
export function findLoops(graph: FirmGraph, options: LoopOptions = {}): LoopSearchResult {
  const { maxLength, maxCycles, inOrderOnly, windowMonths } = resolveOptions(options);
  const indexed = indexFirmGraph(graph);
  // One builder measures the loops and, for a date-order search, judges the circuits as they come.
  let builder: LoopBuilder | null = null;
  const makeBuilder = (): LoopBuilder => (builder ??= new LoopBuilder(graph, indexed, windowMonths));
  const accept = inOrderOnly ? { accept: (path: Int32Array, length: number) => makeBuilder().inOrder(path, length) } : {};
  const { circuits, truncated } = collectCircuits(indexed, { maxLength, maxCycles, ...accept });
  return lazyResult(graph, indexed, circuits, truncated, makeBuilder);
}

/** The money loops through `firm`, capped by `maxCycles`. */
export function loopsThrough(graph: FirmGraph, firm: string, options: LoopOptions = {}): LoopSearchResult {
  const { maxCycles, ...rest } = resolveOptions(options);
  return collect(graph, iterateLoopsThrough(graph, firm, rest), maxCycles);
}

export const LOOP_SORT_KEYS = ['bottleneck', 'total', 'length', 'first', 'last', 'id'] as const;
export type LoopSortKey = (typeof LOOP_SORT_KEYS)[number];

/** Natural direction of each sort: money largest first, dates newest first, length shortest first. */
const DEFAULT_DESCENDING: Record<LoopSortKey, boolean> = {
  bottleneck: true,
  total: true,
  length: false,
  first: true,
  last: true,
  id: false,
};

function sortValue(loop: MoneyLoop, key: LoopSortKey): number | string | null {
  switch (key) {
    case 'bottleneck':
      return loop.bottleneckUsd;
    case 'total':
      return loop.totalUsd;
    case 'length':
      return loop.length;
    case 'first':
      return loop.firstDate === '' ? null : periodStart(loop.firstDate);
    case 'last':
      return loop.lastDate === '' ? null : periodEnd(loop.lastDate);
    case 'id':
      return loop.id;
  }
}

/**
 * Loops sorted by a key (a new array). Unknown values (an undisclosed bottleneck) sort last in
 * either direction; ties fall back to the loop id, so the order is total and stable.
 */
export function sortLoops(loops: readonly MoneyLoop[], key: LoopSortKey = 'bottleneck', descending = DEFAULT_DESCENDING[key]): MoneyLoop[] {
  const sign = descending ? -1 : 1;
  return [...loops].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va < vb ? -1 : 1) * sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
