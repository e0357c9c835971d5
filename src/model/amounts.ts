/**
 * Which amounts count. A deal superseded by a later one between the same firms (a letter of intent
 * replaced by a smaller final deal) stays in the graph, but adding both amounts would double-count.
 * Supersession only applies while the later deal is in view: filtered to a date before it, the
 * earlier deal is the current one and its amount counts.
 */
import type { Deal } from '../data/types.js';
import type { DealNetwork } from './deal-network.js';

/** Whether a later deal in the same graph replaces this one. */
export function isSuperseded(deal: Deal, graph: Pick<DealNetwork, 'hasEdge'>): boolean {
  return deal.supersededBy !== undefined && graph.hasEdge(deal.supersededBy);
}

/** The amount a deal adds to sums in this graph: null when undisclosed or superseded. */
export function countedAmount(deal: Deal, graph: Pick<DealNetwork, 'hasEdge'>): number | null {
  return isSuperseded(deal, graph) ? null : deal.amountUsd;
}
