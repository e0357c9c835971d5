/**
 * The firm graph as Cytoscape element definitions: pure data, no Cytoscape. Node ids are firm
 * ids, edge ids are deal ids.
 */
import type { FirmMeasures } from '../analysis/centrality.js';
import type { CircularityResult } from '../analysis/circularity.js';
import { formatUsd } from '../data/money.js';
import type { DrawnPart } from '../model/drawing-budget.js';
import type { FirmGraph } from '../model/graph.js';
import type { SizeMeasure } from '../state/view-state.js';
import { edgeWidth } from './palette.js';

export interface NodeData {
  id: string;
  label: string;
  kind: string;
  /** Diameter in pixels. */
  size: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  width: number;
  /** Amount label, e.g. `$30B` or `?` when undisclosed. */
  amount: string;
  undisclosed: boolean;
}

export interface GraphElements {
  nodes: NodeData[];
  edges: EdgeData[];
}

const MIN_SIZE = 26;
const MAX_SIZE = 74;

function measureValue(m: FirmMeasures | undefined, measure: SizeMeasure): number {
  if (!m) return 0;
  switch (measure) {
    case 'pagerank':
      return m.pagerank;
    case 'betweenness':
      return m.betweenness;
    case 'strength':
      return m.inStrengthUsd + m.outStrengthUsd;
    case 'circularity':
      return m.circularity ?? 0;
    case 'loops':
      return m.loops ?? 0;
    case 'none':
      return 0;
  }
}

/** Node diameters by firm id: they scale with the square root of the measure, so area tracks the value. */
export function nodeSizes(graph: FirmGraph, measures: ReadonlyMap<string, FirmMeasures>, sizeBy: SizeMeasure): Map<string, number> {
  let max = 0;
  graph.forEachNode((id) => {
    max = Math.max(max, measureValue(measures.get(id), sizeBy));
  });
  const sizes = new Map<string, number>();
  graph.forEachNode((id) => {
    const value = measureValue(measures.get(id), sizeBy);
    const size = max > 0 ? MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(value / max) : (MIN_SIZE + MAX_SIZE) / 2;
    sizes.set(id, Math.round(size));
  });
  return sizes;
}

/**
 * The elements to draw: every firm and deal of `graph`, or only those of `part` when the network is
 * too large to draw whole (see model/drawing-budget.ts).
 */
export function graphElements(graph: FirmGraph, measures: ReadonlyMap<string, FirmMeasures>, sizeBy: SizeMeasure, part: DrawnPart | null = null): GraphElements {
  const sizes = nodeSizes(graph, measures, sizeBy);
  const node = (id: string): NodeData => {
    const entity = graph.getNodeAttributes(id);
    return { id, label: entity.name, kind: entity.kind, size: sizes.get(id) as number };
  };
  const edge = (id: string): EdgeData => {
    const deal = graph.getEdgeAttributes(id);
    return {
      id,
      source: graph.source(id),
      target: graph.target(id),
      type: deal.type,
      width: edgeWidth(deal.amountUsd),
      amount: deal.amountUsd === null ? '?' : formatUsd(deal.amountUsd),
      undisclosed: deal.amountUsd === null,
    };
  };
  if (part) return { nodes: part.firms.map(node), edges: part.deals.map(edge) };
  const nodes = graph.mapNodes((id, entity): NodeData => ({ id, label: entity.name, kind: entity.kind, size: sizes.get(id) as number }));
  const edges = graph.mapEdges(
    (id, deal, source, target): EdgeData => ({
      id,
      source,
      target,
      type: deal.type,
      width: edgeWidth(deal.amountUsd),
      amount: deal.amountUsd === null ? '?' : formatUsd(deal.amountUsd),
      undisclosed: deal.amountUsd === null,
    }),
  );
  return { nodes, edges };
}

/** Width of a deal none of whose known amount goes round: thinner than any amount's width. */
export const NOT_CIRCULAR_WIDTH = 0.75;

/**
 * Deal widths by their circular part (maximum circulation): the same log scale as amounts, so a deal
 * drawn as wide as before sends all its money round; a deal of known amount with no circular part
 * is a hairline. Deals of unknown amount are left out (they keep their width by amount).
 */
export function circularWidths(result: CircularityResult): Map<string, number> {
  const widths = new Map<string, number>();
  for (const deal of result.deals) {
    if (deal.amountUsd === null) continue;
    widths.set(deal.id, deal.circularUsd > 0 ? edgeWidth(deal.circularUsd) : NOT_CIRCULAR_WIDTH);
  }
  return widths;
}
