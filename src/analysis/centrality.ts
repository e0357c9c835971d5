/**
 * Who is central: measures per firm over the collapsed firm graph (one weighted edge per ordered
 * pair, known amounts summed). PageRank, betweenness and HITS come from graphology-metrics;
 * circularity is our own.
 */
import { DirectedGraph } from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness';
import hits from 'graphology-metrics/centrality/hits';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { Attributes } from 'graphology-types';
import type { EntityKind } from '../data/types.js';
import { collapseFirmGraph, type CollapsedGraph } from '../model/collapse.js';
import type { FirmGraph } from '../model/graph.js';
import { indexFirmGraph } from './indexed-graph.js';
import type { MoneyLoop } from './loops.js';
import { componentIds } from './strong-components.js';

export interface FirmMeasures {
  id: string;
  name: string;
  kind: EntityKind;
  /** PageRank with edges weighted by known amount: where money ends up, directly or not. */
  pagerank: number;
  /** Normalized betweenness (hop count): how often the firm sits on the shortest route between two others. */
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
  /** Share of known inflow that lies on at least one loop (of any length); null without known inflow. */
  circularity: number | null;
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
  'loops',
] as const satisfies ReadonlyArray<keyof FirmMeasures>;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export interface MeasureOptions {
  /** Loops of the same view, to count loops per firm. */
  loops?: readonly MoneyLoop[];
  /** PageRank damping factor (default 0.85). */
  alpha?: number;
}

const DEFAULTS = { alpha: 0.85 };

/**
 * PageRank over the known money only. Pairs whose amounts are all undisclosed carry no weight, and
 * graphology's PageRank divides by a firm's total out-weight, so they are left out of its graph
 * (a firm with no known outflow is then dangling, as it should be).
 */
function pagerankOf(collapsed: CollapsedGraph, alpha: number): Record<string, number> {
  if (collapsed.order === 0) return {};
  const known = new DirectedGraph<Attributes, { weight: number }>();
  collapsed.forEachNode((id) => known.addNode(id));
  collapsed.forEachEdge((key, flow, from, to) => {
    if (flow.weight > 0) known.addDirectedEdgeWithKey(key, from, to, { weight: flow.weight });
  });
  return pagerank(known, { getEdgeWeight: 'weight', alpha, maxIterations: 1000, tolerance: 1e-10 });
}

function hitsOf(collapsed: CollapsedGraph): { hubs: Record<string, number>; authorities: Record<string, number> } | null {
  if (collapsed.size === 0) return null;
  try {
    return hits(collapsed, { getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-10 });
  } catch {
    // HITS may oscillate on some directed graphs; the scores are then reported as unknown.
    return null;
  }
}

/** Every measure for every firm of a (filtered) firm graph, in the graph's node order. */
export function firmMeasures(graph: FirmGraph, options: MeasureOptions = {}): FirmMeasures[] {
  const alpha = options.alpha ?? DEFAULTS.alpha;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`roundtrip/centrality: alpha must be between 0 and 1 (got ${String(options.alpha)})`);
  const collapsed = collapseFirmGraph(graph);
  const rank = pagerankOf(collapsed, alpha);
  const between = collapsed.order > 0 ? betweenness(collapsed, { normalized: true, getEdgeWeight: null }) : {};
  const hubsAndAuthorities = hitsOf(collapsed);
  // An edge lies on some loop exactly when both its ends are in one strongly connected component.
  const component = componentIds(indexFirmGraph(graph));
  const loopCounts = new Map<string, number>();
  for (const loop of options.loops ?? []) for (const firm of loop.firms) loopCounts.set(firm, (loopCounts.get(firm) ?? 0) + 1);

  return collapsed.mapNodes((id, entity) => {
    let inStrength = 0;
    let outStrength = 0;
    let circularInflow = 0;
    collapsed.forEachInEdge(id, (_edge, flow, source) => {
      inStrength += flow.weight;
      if (component.get(source) === component.get(id)) circularInflow += flow.weight;
    });
    collapsed.forEachOutEdge(id, (_edge, flow) => {
      outStrength += flow.weight;
    });
    return {
      id,
      name: entity.name,
      kind: entity.kind,
      pagerank: rank[id] ?? 0,
      betweenness: between[id] ?? 0,
      hub: hubsAndAuthorities ? (hubsAndAuthorities.hubs[id] ?? 0) : null,
      authority: hubsAndAuthorities ? (hubsAndAuthorities.authorities[id] ?? 0) : null,
      inDegree: collapsed.inDegree(id),
      outDegree: collapsed.outDegree(id),
      inStrengthUsd: inStrength,
      outStrengthUsd: outStrength,
      circularity: inStrength > 0 ? circularInflow / inStrength : null,
      loops: options.loops ? (loopCounts.get(id) ?? 0) : null,
    };
  });
}
