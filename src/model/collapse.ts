/**
 * The collapsed firm graph: one edge per ordered pair of firms, for metrics that do not accept
 * parallel edges. Known amounts are summed; the deal ids behind each edge are kept.
 */
import { DirectedGraph } from 'graphology';
import type { DealType, Entity } from '../data/types.js';
import { countedAmount } from './amounts.js';
import type { FirmGraph } from './graph.js';

export interface PairFlow {
  from: string;
  to: string;
  /** Sum of the counted amounts of the pair's deals (superseded ones left out), in US dollars; 0 when none is known. */
  weight: number;
  /** Deal ids in insertion order. */
  deals: string[];
  /** Distinct deal types, in first-seen order. */
  types: DealType[];
  /** How many of the deals have an undisclosed amount. */
  undisclosed: number;
}

export type CollapsedGraph = DirectedGraph<Entity, PairFlow>;

/** Key of the collapsed edge from → to. */
export const pairKey = (from: string, to: string): string => `${from}>${to}`;

export function collapseFirmGraph(graph: FirmGraph): CollapsedGraph {
  const collapsed: CollapsedGraph = new DirectedGraph<Entity, PairFlow>();
  graph.forEachNode((id, entity) => collapsed.addNode(id, entity));
  graph.forEachEdge((id, deal, from, to) => {
    const key = pairKey(from, to);
    let flow = collapsed.hasEdge(key) ? collapsed.getEdgeAttributes(key) : undefined;
    if (!flow) {
      flow = { from, to, weight: 0, deals: [], types: [], undisclosed: 0 };
      collapsed.addDirectedEdgeWithKey(key, from, to, flow);
    }
    flow.deals.push(id);
    if (!flow.types.includes(deal.type)) flow.types.push(deal.type);
    if (deal.amountUsd === null) flow.undisclosed++;
    const amount = countedAmount(deal, graph);
    if (amount !== null) flow.weight += amount;
  });
  return collapsed;
}
