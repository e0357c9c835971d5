/**
 * What is new since a date: the deals that updates of the data set dated after it added, and the
 * loops that need them (a loop one of whose hops has only new deals did not exist before).
 */
import { periodEnd } from '../data/dates.js';
import type { DataChange } from '../data/types.js';

/** Ids of the deals added by the updates dated after the end of `since` (YYYY, YYYY-MM or YYYY-MM-DD). */
export function dealsAddedSince(changes: readonly DataChange[] | undefined, since: string): Set<string> {
  const after = periodEnd(since);
  const added = new Set<string>();
  for (const change of changes ?? []) if (change.date > after) for (const id of change.added) added.add(id);
  return added;
}

/** Whether a loop is new: some hop has only new deals, so the loop could not close without them. */
export function loopIsNew(loop: { hops: ReadonlyArray<{ deals: readonly string[] }> }, added: ReadonlySet<string>): boolean {
  return added.size > 0 && loop.hops.some((hop) => hop.deals.length > 0 && hop.deals.every((id) => added.has(id)));
}

/** The last update of the data set, if any. */
export function lastChange(changes: readonly DataChange[] | undefined): DataChange | null {
  if (!changes || changes.length === 0) return null;
  return changes.reduce((a, b) => (b.date >= a.date ? b : a));
}
