/**
 * Firms that were acquired: from the completion date on, an acquired firm's deals are its
 * acquirer's. A view as of a month after the date (or of today, when no month is set) draws the two
 * as one firm, the acquirer; a view as of an earlier month keeps them apart. A deal between the two
 * becomes internal to the merged firm and leaves the view. The acquired firm stays in the view
 * without deals, so the records that name it (and exports of the view) still resolve.
 */
import { periodEnd } from '../data/dates.js';
import type { Entity } from '../data/types.js';
import type { FirmGraph } from './graph.js';

/** The acquirer that each acquired firm of the view belongs to at that time (day YYYY-MM-DD, or null: now). */
export function acquirersAt(graph: FirmGraph, day: string | null): Map<string, string> {
  const firms: Array<readonly [string, Entity]> = [];
  graph.forEachNode((id, entity) => void firms.push([id, entity]));
  return acquirersAmong(firms, (id) => graph.hasNode(id), day);
}

/** acquirersAt over firms given as [id, record] pairs, `has` saying which firms are in the view. */
export function acquirersAmong(firms: Iterable<readonly [string, Entity]>, has: (id: string) => boolean, day: string | null): Map<string, string> {
  const into = new Map<string, string>();
  for (const [id, entity] of firms) {
    if (entity.acquiredBy === undefined || entity.acquiredDate === undefined) continue;
    if (!has(entity.acquiredBy)) continue;
    if (day === null || periodEnd(entity.acquiredDate) <= day) into.set(id, entity.acquiredBy);
  }
  return into;
}

/**
 * Folds every acquired firm into its acquirer, in place: its deals move to the acquirer (same ids,
 * same records), deals between the two are dropped, and the acquired firm is left without deals.
 */
export function foldAcquired(view: FirmGraph, into: ReadonlyMap<string, string>): void {
  for (const [acquired, acquirer] of into) {
    if (!view.hasNode(acquired) || !view.hasNode(acquirer)) continue;
    const moved: Array<[string, string, string]> = [];
    view.forEachEdge(acquired, (edge, _deal, source, target) => {
      moved.push([edge, source === acquired ? acquirer : source, target === acquired ? acquirer : target]);
    });
    const deals = new Map(moved.map(([edge]) => [edge, view.getEdgeAttributes(edge)]));
    for (const [edge] of moved) view.dropEdge(edge);
    for (const [edge, source, target] of moved) {
      if (source !== target) view.addDirectedEdgeWithKey(edge, source, target, deals.get(edge)!);
    }
  }
}

/** "xAI (part of SpaceX since 2026-02-02)": how a merged firm's deal is named. */
export function partOf(entity: Pick<Entity, 'name' | 'acquiredDate'>, acquirerName: string): string {
  return `${entity.name} (part of ${acquirerName} since ${entity.acquiredDate ?? '?'})`;
}

/**
 * The firms a loop passes through only as part of another, by deal party: for each deal of the
 * loop whose own party differs from the hop's firm, the party and the firm it is counted as.
 */
export function foldedParties(hops: ReadonlyArray<{ from: string; to: string; deals: readonly string[] }>, dealOf: (id: string) => { from: string; to: string } | undefined): Array<{ firm: string; as: string }> {
  const seen = new Map<string, string>();
  for (const hop of hops) {
    for (const id of hop.deals) {
      const deal = dealOf(id);
      if (!deal) continue;
      if (deal.from !== hop.from) seen.set(deal.from, hop.from);
      if (deal.to !== hop.to) seen.set(deal.to, hop.to);
    }
  }
  return [...seen].map(([firm, as]) => ({ firm, as }));
}
