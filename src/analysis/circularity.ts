/**
 * Circularity: how much of the money goes round. The known money of a (filtered) view — counted
 * amounts of its deals, so by default money that moves — is split into a circular part (at every
 * firm, what comes in on it equals what goes out on it) and an acyclic part, taking the largest
 * circular part there is (maxCirculation). Reported as an index (circular money / all money), per
 * firm (the circular share of its inflow and of its outflow) and per deal (its circular part).
 */
import { countedAmount } from '../model/amounts.js';
import type { FirmGraph } from '../model/graph.js';
import { arcWeights } from './arc-weights.js';
import { arcIndex, indexFirmGraph } from './indexed-graph.js';
import { maxCirculation } from './max-circulation.js';

export const CIRCULARITY_METHODS = ['max'] as const;
export type CircularityMethod = (typeof CIRCULARITY_METHODS)[number];

export interface FirmCircularity {
  id: string;
  /** Known money in and out, in US dollars. */
  inUsd: number;
  outUsd: number;
  /** Money that comes in and goes out again on the circulation (the same both ways). */
  circularUsd: number;
  /** circularUsd / inUsd: the share of the firm's inflow that is money going round; null without inflow. */
  share: number | null;
  /** circularUsd / outUsd: the share of its outflow that comes back round; null without outflow. */
  outShare: number | null;
}

export interface DealCircularity {
  id: string;
  /** The counted amount (null when undisclosed or superseded: it carries nothing). */
  amountUsd: number | null;
  /**
   * The deal's part of the circulation: its pair's circulating money split over the pair's
   * counted deals in proportion to their amounts.
   */
  circularUsd: number;
}

export interface CircularityResult {
  method: CircularityMethod;
  /** circularUsd / totalUsd, 0 to 1; null when no money is known. */
  index: number | null;
  circularUsd: number;
  totalUsd: number;
  /** In the graph's node order. */
  firms: FirmCircularity[];
  /** In the graph's edge order. */
  deals: DealCircularity[];
}

/** Views are read, never changed: each is decomposed once, whoever asks (measures, toolbar, CLI). */
const decomposed = new WeakMap<FirmGraph, CircularityResult>();

/** The maximum-circularity decomposition of a view's known money (computed once per graph object). */
export function circularity(graph: FirmGraph): CircularityResult {
  let result = decomposed.get(graph);
  if (!result) {
    result = decompose(graph);
    decomposed.set(graph, result);
  }
  return result;
}

/**
 * A decomposition as it travels between threads: the per-deal figures packed in typed arrays (in
 * the graph's edge order), so a network of 200,000 deals is not 200,000 objects to copy.
 */
export interface PackedCircularity extends Omit<CircularityResult, 'deals'> {
  /** Counted amount per deal, NaN where null. */
  dealAmountUsd: Float64Array;
  dealCircularUsd: Float64Array;
}

export function packCircularity(result: CircularityResult): PackedCircularity {
  const { deals, ...rest } = result;
  return { ...rest, dealAmountUsd: Float64Array.from(deals, (d) => d.amountUsd ?? Number.NaN), dealCircularUsd: Float64Array.from(deals, (d) => d.circularUsd) };
}

/** Takes a decomposition made elsewhere of this very view (the same data, so the same edge order). */
export function adoptCircularity(graph: FirmGraph, packed: PackedCircularity): CircularityResult {
  const { dealAmountUsd, dealCircularUsd, ...rest } = packed;
  if (dealAmountUsd.length !== graph.size) throw new Error(`roundtrip/circularity: a decomposition of ${dealAmountUsd.length} deals cannot be a view of ${graph.size}`);
  let i = 0;
  const deals = graph.mapEdges((id): DealCircularity => {
    const amount = dealAmountUsd[i] as number;
    const deal = { id, amountUsd: Number.isNaN(amount) ? null : amount, circularUsd: dealCircularUsd[i] as number };
    i++;
    return deal;
  });
  const result: CircularityResult = { ...rest, deals };
  decomposed.set(graph, result);
  return result;
}

function decompose(graph: FirmGraph): CircularityResult {
  const indexed = indexFirmGraph(graph);
  const weights = arcWeights(graph, indexed);
  const { circular, circularTotal, total } = maxCirculation(indexed, weights);
  const n = indexed.ids.length;
  const inUsd = new Float64Array(n);
  const outUsd = new Float64Array(n);
  const through = new Float64Array(n);
  const { offsets, targets } = indexed;
  for (let v = 0; v < n; v++) {
    for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) {
      const w = targets[a] as number;
      outUsd[v] = (outUsd[v] as number) + (weights[a] as number);
      inUsd[w] = (inUsd[w] as number) + (weights[a] as number);
      through[w] = (through[w] as number) + (circular[a] as number);
    }
  }
  const firms = graph.mapNodes((id): FirmCircularity => {
    const v = indexed.indexOf.get(id) as number;
    const circularUsd = through[v] as number;
    const inflow = inUsd[v] as number;
    const outflow = outUsd[v] as number;
    return {
      id,
      inUsd: inflow,
      outUsd: outflow,
      circularUsd,
      share: inflow > 0 ? Math.min(1, circularUsd / inflow) : null,
      outShare: outflow > 0 ? Math.min(1, circularUsd / outflow) : null,
    };
  });
  const deals = graph.mapEdges((id, deal, from, to): DealCircularity => {
    const amountUsd = countedAmount(deal, graph);
    const arc = arcIndex(indexed, indexed.indexOf.get(from) as number, indexed.indexOf.get(to) as number);
    const pairTotal = weights[arc] as number;
    const circularUsd = amountUsd === null || pairTotal === 0 ? 0 : ((circular[arc] as number) * amountUsd) / pairTotal;
    return { id, amountUsd, circularUsd };
  });
  return { method: 'max', index: total > 0 ? circularTotal / total : null, circularUsd: circularTotal, totalUsd: total, firms, deals };
}
