/**
 * Counts and totals of a firm graph, for the CLI summary and the app header.
 */
import { DEAL_STATUSES, DEAL_TYPES, ENTITY_KINDS, type Deal, type DealStatus, type DealType, type EntityKind } from '../data/types.js';
import { countedAmount, isSuperseded } from './amounts.js';
import type { FirmGraph } from './graph.js';

export interface AmountTally {
  deals: number;
  /** Sum of known amounts in US dollars. */
  knownUsd: number;
  /** Deals whose amount is undisclosed. */
  undisclosed: number;
  /** Deals replaced by a later deal; their amounts are not in knownUsd. */
  superseded: number;
}

export interface DataSummary {
  firms: number;
  firmsByKind: Record<EntityKind, number>;
  deals: number;
  dealsByType: Record<DealType, AmountTally>;
  dealsByStatus: Record<DealStatus, AmountTally>;
  total: AmountTally;
}

const emptyTally = (): AmountTally => ({ deals: 0, knownUsd: 0, undisclosed: 0, superseded: 0 });

function tallyRecord<K extends string>(keys: readonly K[]): Record<K, AmountTally> {
  return Object.fromEntries(keys.map((k) => [k, emptyTally()])) as Record<K, AmountTally>;
}

function addTo(tally: AmountTally, deal: Deal, graph: FirmGraph): void {
  tally.deals++;
  if (deal.amountUsd === null) tally.undisclosed++;
  if (isSuperseded(deal, graph)) tally.superseded++;
  const amount = countedAmount(deal, graph);
  if (amount !== null) tally.knownUsd += amount;
}

export function summarizeFirmGraph(graph: FirmGraph): DataSummary {
  const firmsByKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
  graph.forEachNode((_id, entity) => {
    firmsByKind[entity.kind]++;
  });
  const dealsByType = tallyRecord(DEAL_TYPES);
  const dealsByStatus = tallyRecord(DEAL_STATUSES);
  const total = emptyTally();
  graph.forEachEdge((_id, deal) => {
    addTo(dealsByType[deal.type], deal, graph);
    addTo(dealsByStatus[deal.status], deal, graph);
    addTo(total, deal, graph);
  });
  return { firms: graph.order, firmsByKind, deals: graph.size, dealsByType, dealsByStatus, total };
}
