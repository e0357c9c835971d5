/**
 * The read-only deal network that loop search reads, and a light implementation of it built straight
 * from a validated data set. A graphology firm graph is one such network; building one costs more
 * than the search on large data sets (each edge is indexed four ways), and a command that only
 * lists loops reads nothing but the deals by pair. `buildDealNetwork(data, filter)` keeps the same
 * firms and deals, between the same (folded) firms, in the same order, as `buildFirmView(data,
 * filter, { shareRecords: true })`.
 */
import { periodEnd } from '../data/dates.js';
import type { DataSet, Deal, Entity } from '../data/types.js';
import { acquirersAmong } from './acquisitions.js';
import { dealMatcher, entityMatcher, type DealFilter } from './deal-filter.js';

/** What loop search reads of a firm graph (a FirmGraph is one). */
export interface DealNetwork {
  /** Every deal with the firms it runs between in the view (acquired firms folded), in data order. */
  forEachEdge(callback: (id: string, deal: Deal, from: string, to: string) => void): void;
  hasEdge(id: string): boolean;
  getEdgeAttributes(id: string): Deal;
  hasNode(id: string): boolean;
  /** The firms, in data order. */
  nodes(): string[];
}

/** A deal network held in arrays: the deals kept, and the firms each runs between. */
export class DealList implements DealNetwork {
  private byId: Map<string, number> | null = null;

  constructor(
    /** Whether a deal may run between other firms than its own parties (an acquired firm folded into its acquirer). */
    readonly foldsFirms: boolean,
    private readonly firms: ReadonlySet<string>,
    private readonly deals: readonly Deal[],
    private readonly froms: readonly string[],
    private readonly tos: readonly string[],
  ) {}

  forEachEdge(callback: (id: string, deal: Deal, from: string, to: string) => void): void {
    const { deals, froms, tos } = this;
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as Deal;
      callback(deal.id, deal, froms[i] as string, tos[i] as string);
    }
  }

  /** Deal ids are looked up rarely (a superseded deal's successor, a hop's deals): indexed when first asked. */
  private index(): Map<string, number> {
    if (this.byId === null) {
      this.byId = new Map();
      this.deals.forEach((deal, i) => this.byId?.set(deal.id, i));
    }
    return this.byId;
  }

  hasEdge(id: string): boolean {
    return this.index().has(id);
  }

  getEdgeAttributes(id: string): Deal {
    const i = this.index().get(id);
    if (i === undefined) throw new Error(`roundtrip/deal-network: no deal ${JSON.stringify(id)} in the view`);
    return this.deals[i] as Deal;
  }

  hasNode(id: string): boolean {
    return this.firms.has(id);
  }

  nodes(): string[] {
    return [...this.firms];
  }
}

/**
 * The view of a data set as a deal network: the firms and deals the filter keeps, acquired firms
 * folded into their acquirers as of the filter's month (or today) unless `acquisitions: false`.
 * The data set's own records are held, not copies: neither may change while the network is used.
 */
export function buildDealNetwork(data: DataSet, filter: DealFilter, options: { acquisitions?: boolean } = {}): DealList {
  const keepEntity = entityMatcher(filter);
  const keepDeal = dealMatcher(filter);
  const kept = new Map<string, Entity>();
  for (const entity of data.entities) if (keepEntity(entity) && !kept.has(entity.id)) kept.set(entity.id, entity);
  const into = options.acquisitions ?? true ? acquirersAmong(kept.entries(), (id) => kept.has(id), filter.asOf !== undefined ? periodEnd(filter.asOf) : null) : new Map<string, string>();
  const deals: Deal[] = [];
  const froms: string[] = [];
  const tos: string[] = [];
  for (const deal of data.deals) {
    if (!kept.has(deal.from) || !kept.has(deal.to) || !keepDeal(deal)) continue;
    const from = into.get(deal.from) ?? deal.from;
    const to = into.get(deal.to) ?? deal.to;
    if (from === to) continue;
    deals.push(deal);
    froms.push(from);
    tos.push(to);
  }
  let firms: Set<string> = new Set(kept.keys());
  if (filter.hideIsolated) {
    const touched = new Set<string>(froms);
    for (const to of tos) touched.add(to);
    firms = new Set([...firms].filter((id) => touched.has(id)));
  }
  return new DealList(into.size > 0, firms, deals, froms, tos);
}
