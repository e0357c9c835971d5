/**
 * What changed between two versions of a data set: deals and firms added, removed and changed
 * (field by field), loops that appeared and disappeared, and the change of the circularity index.
 * Deals and firms are matched by id; loops by their id (firms from the smallest id).
 */
import type { DataSet } from '../data/types.js';
import { filterFirmGraph, type DealFilter } from '../model/filter.js';
import { buildFirmGraph } from '../model/graph.js';
import { circularity } from './circularity.js';
import { findLoops, type LoopOptions } from './loops.js';

/** A field's value before and after; a field that is absent on one side is undefined there. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

export interface RecordChanges {
  added: string[];
  removed: string[];
  changed: Array<{ id: string; fields: Record<string, FieldChange> }>;
}

export interface DataDiff {
  deals: RecordChanges;
  firms: RecordChanges;
  loops: { appeared: string[]; disappeared: string[]; truncated: boolean };
  circularity: { from: number | null; to: number | null };
}

/** The same value: compared as JSON, so arrays and objects (sources, balances) compare by content. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareRecords<T extends { id: string }>(before: readonly T[], after: readonly T[]): RecordChanges {
  const old = new Map(before.map((r) => [r.id, r]));
  const next = new Map(after.map((r) => [r.id, r]));
  const changed: RecordChanges['changed'] = [];
  for (const [id, record] of next) {
    const earlier = old.get(id);
    if (!earlier) continue;
    const fields: Record<string, FieldChange> = {};
    const keys = new Set([...Object.keys(earlier), ...Object.keys(record)]);
    for (const key of keys) {
      const from = (earlier as Record<string, unknown>)[key];
      const to = (record as Record<string, unknown>)[key];
      if (!same(from, to)) fields[key] = { from, to };
    }
    if (Object.keys(fields).length > 0) changed.push({ id, fields });
  }
  return {
    added: after.filter((r) => !old.has(r.id)).map((r) => r.id),
    removed: before.filter((r) => !next.has(r.id)).map((r) => r.id),
    changed,
  };
}

/**
 * Compares two data sets. Loops and circularity are those of the view the filter gives (by default
 * the deals of the default flows, acquired firms folded in), found with the loop options given.
 */
export function diffDataSets(before: DataSet, after: DataSet, filter: DealFilter = {}, loopOptions: LoopOptions = {}): DataDiff {
  const viewOf = (data: DataSet) => filterFirmGraph(buildFirmGraph(data), filter);
  const beforeView = viewOf(before);
  const afterView = viewOf(after);
  const beforeLoops = findLoops(beforeView, loopOptions);
  const afterLoops = findLoops(afterView, loopOptions);
  const beforeIds = new Set(beforeLoops.loops.map((l) => l.id));
  const afterIds = new Set(afterLoops.loops.map((l) => l.id));
  return {
    deals: compareRecords(before.deals, after.deals),
    firms: compareRecords(before.entities, after.entities),
    loops: {
      appeared: [...afterIds].filter((id) => !beforeIds.has(id)).sort(),
      disappeared: [...beforeIds].filter((id) => !afterIds.has(id)).sort(),
      truncated: beforeLoops.truncated || afterLoops.truncated,
    },
    circularity: { from: circularity(beforeView).index, to: circularity(afterView).index },
  };
}
