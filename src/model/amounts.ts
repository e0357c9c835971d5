/**
 * Which amounts count. A deal superseded by a later one between the same firms (a letter of intent
 * replaced by a smaller final deal) stays in the graph, but adding both amounts would double-count.
 */
import type { Deal } from '../data/types.js';

/** The amount a deal adds to sums: null when undisclosed or superseded. */
export function countedAmount(deal: Deal): number | null {
  return deal.supersededBy === undefined ? deal.amountUsd : null;
}

/** Whether a deal's amount is left out of sums because a later deal replaces it. */
export function isSuperseded(deal: Deal): boolean {
  return deal.supersededBy !== undefined;
}
