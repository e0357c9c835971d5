/**
 * Who is central: measures per firm over the collapsed firm graph (one weighted arc per ordered
 * pair, known amounts summed), kept as the compact indexed graph. PageRank and HITS are our own on
 * flat arrays, each the same iteration as graphology-metrics' and many times faster (tested equal;
 * see the benchmark). Betweenness is our own Brandes because graphology-metrics cannot sample:
 * exact it matches graphology-metrics in value and speed, and above 1,500 firms it is estimated from
 * sampled sources (1 s instead of 27 s at 10,000 firms). Circularity comes from the maximum
 * circulation of the view (circularity.ts).
 */
import type { EntityKind } from '../data/types.js';
import { runSteps, type FirmGraph, type Steps } from '../model/graph.js';
import { betweenness } from './betweenness.js';
import { hits } from './hits.js';
import { arcWeights } from './arc-weights.js';
import { circularity, type FirmCircularity } from './circularity.js';
import { indexFirmGraph } from './indexed-graph.js';
import { loopCountsByFirm, type MoneyLoop } from './loops.js';
import { weightedPagerank } from './pagerank.js';

export interface FirmMeasures {
  id: string;
  name: string;
  kind: EntityKind;
  /** PageRank with edges weighted by known amount: where money ends up, directly or not. */
  pagerank: number;
  /**
   * Normalized betweenness (hop count): how often the firm sits on the shortest route between two
   * others. Estimated from sampled sources above `exactBetweennessUpTo` firms.
   */
  betweenness: number;
  /** HITS hub score (unweighted): pays firms that many others pay. Null when HITS did not converge. */
  hub: number | null;
  /** HITS authority score (unweighted): paid by firms that pay many others. Null when HITS did not converge. */
  authority: number | null;
  /** Counterparties paying in / paid out to. */
  inDegree: number;
  outDegree: number;
  /** Known money in / out, in US dollars (superseded deals left out). */
  inStrengthUsd: number;
  outStrengthUsd: number;
    /**
   * The circular share of the firm's known inflow: how much of the money coming in goes round, by
   * the maximum-circularity decomposition of the view (see circularity.ts); null without inflow.
   */
  circularity: number | null;
  /** The circular share of its known outflow: how much of what it pays out comes back round; null without outflow. */
  circularOut: number | null;
  /** Loops through the firm, when loops are given. */
  loops: number | null;
}

export const MEASURE_KEYS = [
  'pagerank',
  'betweenness',
  'hub',
  'authority',
  'inDegree',
  'outDegree',
  'inStrengthUsd',
  'outStrengthUsd',
  'circularity',
  'circularOut',
  'loops',
] as const satisfies ReadonlyArray<keyof FirmMeasures>;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export interface MeasureOptions {
  /** Loops of the same view, to count loops per firm. */
  loops?: readonly MoneyLoop[];
  /** Loops per firm of the same view, counted already (instead of `loops`; firms left out have none). */
  loopCounts?: ReadonlyMap<string, number>;
  /** PageRank damping factor (default 0.85). */
  alpha?: number;
  /** Betweenness is exact up to this many firms and estimated from sampled sources above (default 1,500). */
  exactBetweennessUpTo?: number;
  /** Sources sampled for the betweenness estimate (default 256). */
  betweennessSamples?: number;
}

const DEFAULTS = { alpha: 0.85, exactBetweennessUpTo: 1500, betweennessSamples: 256 };

/** Whether firmMeasures estimates betweenness (from sampled sources) for a graph of this many firms. */
export function isBetweennessEstimated(firmCount: number, options: MeasureOptions = {}): boolean {
  const limit = options.exactBetweennessUpTo ?? DEFAULTS.exactBetweennessUpTo;
  const samples = options.betweennessSamples ?? DEFAULTS.betweennessSamples;
  return firmCount > limit && samples < firmCount;
}

/**
 * A firm's measures with its loop count set: a copy that keeps the lazily computed betweenness
 * lazy (copying by spreading would compute it).
 */
export function withLoopCount(measures: FirmMeasures, loops: number): FirmMeasures {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(measures), loops: { value: loops, enumerable: true, writable: true } }) as FirmMeasures;
}

/** Every measure for every firm of a (filtered) firm graph, in the graph's node order. */
export function firmMeasures(graph: FirmGraph, options: MeasureOptions = {}): FirmMeasures[] {
  return runSteps(firmMeasureSteps(graph, options));
}

/**
 * firmMeasures in steps: it yields after indexing the graph, after PageRank and after HITS, each a
 * tenth of a second or less on 5,000 firms and 25,000 deals, so a page can pause in between.
 */
export function* firmMeasureSteps(graph: FirmGraph, options: MeasureOptions = {}): Steps<FirmMeasures[]> {
  const alpha = options.alpha ?? DEFAULTS.alpha;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`roundtrip/centrality: alpha must be between 0 and 1 (got ${String(options.alpha)})`);
  // One arc per ordered pair of firms (the collapsed graph), with the pair's known money.
  const indexed = indexFirmGraph(graph);
  const { offsets, targets } = indexed;
  const n = indexed.ids.length;
  const weights = arcWeights(graph, indexed);
  yield;
  // PageRank over the known money only: pairs whose amounts are all undisclosed carry no weight.
  const rank = weightedPagerank(indexed, weights, { alpha, maxIterations: 1000, tolerance: 1e-10 });
  yield;
  const estimated = isBetweennessEstimated(graph.order, options);
  // Betweenness is the costliest measure and often not looked at: it is computed, for every firm
  // at once, the first time any firm's value is read.
  let between: ArrayLike<number> | null = null;
  const betweennessOf = (v: number): number => {
    between ??= betweenness(indexed, estimated ? { samples: options.betweennessSamples ?? DEFAULTS.betweennessSamples } : {}).values;
    return between[v] ?? 0;
  };
  // The circulation, like betweenness, is worked out for every firm the first time one is read.
  let circulating: Map<string, FirmCircularity> | null = null;
  const circularOf = (v: number): FirmCircularity => {
    circulating ??= new Map(circularity(graph).firms.map((f) => [f.id, f]));
    return circulating.get(indexed.ids[v] as string) as FirmCircularity;
  };
  // HITS may oscillate on some directed graphs; the scores are then reported as unknown (null).
  const hubsAndAuthorities = hits(indexed, { maxIterations: 1000, tolerance: 1e-10 });
  yield;
  const inDegree = new Int32Array(n);
  const inStrength = new Float64Array(n);
  const outStrength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) {
      const w = targets[a] as number;
      const amount = weights[a] as number;
      (inDegree[w] as number)++;
      inStrength[w] = (inStrength[w] as number) + amount;
      outStrength[v] = (outStrength[v] as number) + amount;
    }
  }
  const loopCounts = options.loopCounts ?? loopCountsByFirm(options.loops ?? []);
  const countsLoops = options.loopCounts !== undefined || options.loops !== undefined;

  return graph.mapNodes((id, entity) => {
    const v = indexed.indexOf.get(id) as number;
    const known = inStrength[v] as number;
    const measures = {
      id,
      name: entity.name,
      kind: entity.kind,
      pagerank: rank[v] ?? 0,
      betweenness: 0,
      hub: hubsAndAuthorities ? (hubsAndAuthorities.hubs[v] ?? 0) : null,
      authority: hubsAndAuthorities ? (hubsAndAuthorities.authorities[v] ?? 0) : null,
      inDegree: inDegree[v] as number,
      outDegree: (offsets[v + 1] as number) - (offsets[v] as number),
      inStrengthUsd: known,
      outStrengthUsd: outStrength[v] as number,
      circularity: null as number | null,
      circularOut: null as number | null,
      loops: countsLoops ? (loopCounts.get(id) ?? 0) : null,
    };
    return Object.defineProperties(measures, {
      betweenness: { get: () => betweennessOf(v), enumerable: true },
      circularity: { get: () => circularOf(v).share, enumerable: true },
      circularOut: { get: () => circularOf(v).outShare, enumerable: true },
    });
  });
}
