/**
 * Fetching the shipped data set in the browser; every failure becomes a problem naming the file.
 */
import { parseDataFiles, type TextFile } from '../data/load.js';
import type { Problem } from '../data/problem.js';
import type { DataSet } from '../data/types.js';
import { dataSetOf, validateDataSet } from '../data/validate.js';
import type { PrecomputedLayout, Positions } from '../layout/layout.js';
import { AnalysisWorker } from './analysis-client.js';

async function fetchText(url: string, name: string): Promise<{ text: string } | { problem: Problem }> {
  const fail = (message: string) => ({ problem: { file: name, record: null, recordId: null, field: null, message } });
  try {
    const response = await fetch(url);
    if (!response.ok) return fail(`could not be loaded (HTTP ${response.status})`);
    return { text: await response.text() };
  } catch (error) {
    return fail(`could not be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The shipped set, and for a set large enough to be analysed in a worker, that worker: it checked
 * the set and holds it (null: the set was checked on the page).
 */
export type ShippedDataSet = { ok: true; data: DataSet; worker: AnalysisWorker | null } | { ok: false; problems: Problem[] };

/**
 * A deals file longer than this (about 8,000 deals) is checked in the analysis worker while the
 * page parses it: checking 25,000 deals held the page for a third of a second.
 */
export const CHECKED_IN_WORKER_ABOVE_CHARS = 2_000_000;

/** Loads `data/entities.json` and `data/deals.json` relative to the page. */
export async function fetchShippedDataSet(base = 'data/'): Promise<ShippedDataSet> {
  performance.mark('roundtrip:fetch-start');
  const [entities, deals] = await Promise.all([
    fetchText(`${base}entities.json`, 'entities.json'),
    fetchText(`${base}deals.json`, 'deals.json'),
  ]);
  const problems = [entities, deals].flatMap((r) => ('problem' in r ? [r.problem] : []));
  if (problems.length > 0 || !('text' in entities) || !('text' in deals)) return { ok: false, problems };
  const files = { entities: { name: 'entities.json', text: entities.text }, deals: { name: 'deals.json', text: deals.text } };
  const checking = files.deals.text.length > CHECKED_IN_WORKER_ABOVE_CHARS ? AnalysisWorker.check(files.entities, files.deals) : null;
  const parsed = parseDataFiles(files.entities, files.deals);
  performance.mark('roundtrip:data-parsed');
  if (!parsed.ok) {
    checking?.worker.stop();
    return parsed;
  }
  if (checking) {
    const checked = await checkedInWorker(checking, parsed);
    if (checked) return checked;
  }
  const result = validateDataSet(parsed.entities, parsed.deals, { entities: files.entities.name, deals: files.deals.name });
  return result.ok ? { ok: true, data: result.data, worker: null } : result;
}

/**
 * The worker's verdict on the set the page parsed from the same text: the page takes its own parse
 * once the worker finds it valid. Null when the worker failed: the page then checks the set itself.
 */
async function checkedInWorker(checking: { worker: AnalysisWorker; problems: Promise<Problem[]> }, parsed: { entities: unknown; deals: unknown }): Promise<ShippedDataSet | null> {
  const problems = await checking.problems.catch(() => null);
  if (problems === null || problems.length > 0) checking.worker.stop();
  if (problems === null) return null;
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: dataSetOf(parsed.entities, parsed.deals), worker: checking.worker };
}

function isPositions(value: unknown): value is Positions {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every(
    (p) => typeof p === 'object' && p !== null && Number.isFinite((p as { x: unknown }).x) && Number.isFinite((p as { y: unknown }).y),
  );
}

/**
 * The shipped data set's precomputed layout (`data/layout.json`, written by the build), or null when
 * it is missing or malformed — the app then lays the graph out itself, with the same result.
 */
export async function fetchPrecomputedLayout(base = 'data/'): Promise<PrecomputedLayout | null> {
  try {
    const response = await fetch(`${base}layout.json`);
    if (!response.ok) return null;
    const value: unknown = await response.json();
    if (typeof value !== 'object' || value === null) return null;
    const { key, positions } = value as { key?: unknown; positions?: unknown };
    return typeof key === 'string' && isPositions(positions) ? { key, positions } : null;
  } catch {
    return null;
  }
}
