/**
 * What an analyst filters: the deal filter and its predicates over deals and firms, apart from the
 * graphs built with them (so a command that reads no graph does not load graphology).
 */
import { periodEnd, periodStart } from '../data/dates.js';
import { flowOf, type Deal, type DealStatus, type DealType, type Entity, type EntityKind, type FlowKind } from '../data/types.js';

export interface DealFilter {
  /** Deal types to keep; undefined keeps all. */
  types?: readonly DealType[];
  /**
   * Flow kinds to keep; undefined keeps all. Views for analysis pass DEFAULT_FLOWS unless the
   * analyst chose otherwise: a stake's value, a guarantee or a partnership is not money that moved.
   */
  flows?: readonly FlowKind[];
  /** Deal statuses to keep; undefined keeps all. */
  statuses?: readonly DealStatus[];
  /** Entity kinds to keep (deals touching other kinds go too); undefined keeps all. */
  kinds?: readonly EntityKind[];
  /** Drops deals whose known amount is below this many US dollars. */
  minUsd?: number;
  /**
   * Whether deals with an undisclosed amount survive a minimum amount (default true: an undisclosed
   * amount may be large, and dropping it would hide loops).
   */
  keepUndisclosed?: boolean;
  /** Keeps deals whose date period overlaps [from, to]; dates as YYYY, YYYY-MM or YYYY-MM-DD. */
  from?: string;
  to?: string;
  /**
   * The network as of the end of this month (YYYY-MM): keeps deals whose whole date period has
   * passed by then, so a deal dated only "2025" counts from December 2025, and that have not ended
   * by then (an endDate on or before the month's end).
   */
  asOf?: string;
  /** Drops firms left without any deal. */
  hideIsolated?: boolean;
}

/** A predicate over deals for the deal-level parts of a filter. */
export function dealMatcher(filter: DealFilter): (deal: Deal) => boolean {
  const types = filter.types ? new Set<string>(filter.types) : null;
  const statuses = filter.statuses ? new Set<string>(filter.statuses) : null;
  const flows = filter.flows ? new Set<string>(filter.flows) : null;
  const minUsd = filter.minUsd ?? 0;
  const keepUndisclosed = filter.keepUndisclosed ?? true;
  const fromDay = filter.from !== undefined ? periodStart(filter.from) : null;
  const toDay = filter.to !== undefined ? periodEnd(filter.to) : null;
  const asOfDay = filter.asOf !== undefined ? periodEnd(filter.asOf) : null;
  return (deal) => {
    if (types && !types.has(deal.type)) return false;
    if (statuses && !statuses.has(deal.status)) return false;
    if (flows && !flows.has(flowOf(deal))) return false;
    if (deal.amountUsd === null) {
      if (minUsd > 0 && !keepUndisclosed) return false;
    } else if (deal.amountUsd < minUsd) return false;
    if (fromDay !== null && periodEnd(deal.date) < fromDay) return false;
    if (toDay !== null && periodStart(deal.date) > toDay) return false;
    if (asOfDay !== null && periodEnd(deal.date) > asOfDay) return false;
    // A deal that has ended by then is no longer part of the network.
    if (asOfDay !== null && deal.endDate !== undefined && periodEnd(deal.endDate) <= asOfDay) return false;
    return true;
  };
}

/** A predicate over entities for the entity-level parts of a filter. */
export function entityMatcher(filter: DealFilter): (entity: Entity) => boolean {
  const kinds = filter.kinds ? new Set<string>(filter.kinds) : null;
  return (entity) => !kinds || kinds.has(entity.kind);
}
