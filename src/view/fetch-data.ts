/**
 * Fetching the shipped data set in the browser; every failure becomes a problem naming the file.
 */
import { loadDataSetFromText } from '../data/load.js';
import type { Problem } from '../data/problem.js';
import type { DataSet } from '../data/types.js';
import type { PrecomputedLayout, Positions } from '../layout/layout.js';
import { AnalysisWorker, textOf } from './analysis-client.js';

/**
 * A file's bytes, not decoded: a large file goes to the analysis worker as they are, never read on
 * the page. `announced` hears the size the server gives (NaN: none) before the body arrives.
 * (Bytes, not a Blob: a cached file's Blob body failed now and then in Chromium, "Failed to fetch".)
 */
async function fetchBytes(url: string, name: string, announced: (bytes: number) => void = () => {}): Promise<{ bytes: ArrayBuffer } | { problem: Problem }> {
  const fail = (message: string) => ({ problem: { file: name, record: null, recordId: null, field: null, message } });
  try {
    const response = await fetch(url);
    if (!response.ok) return fail(`could not be loaded (HTTP ${response.status})`);
    announced(Number(response.headers.get('content-length') ?? Number.NaN));
    return { bytes: await response.arrayBuffer() };
  } catch (error) {
    return fail(`could not be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The shipped set, and for a large one, the analysis worker that read and checked it and holds it
 * (null: the set was read and checked on the page).
 */
export type ShippedDataSet = { ok: true; data: DataSet; worker: AnalysisWorker | null } | { ok: false; problems: Problem[] };

/**
 * A deals file larger than this (about 8,000 deals) is read and checked in the analysis worker, which
 * sends the checked set back in parts: decoding, parsing and checking 25,000 deals on the page held
 * it for over half a second in three tasks, and copying them to the worker for another fifth.
 */
export const READ_IN_WORKER_ABOVE_BYTES = 2_000_000;

/** Loads `data/entities.json` and `data/deals.json` relative to the page. */
export async function fetchShippedDataSet(base = 'data/'): Promise<ShippedDataSet> {
  performance.mark('roundtrip:fetch-start');
  // A large file's worker is started as soon as its size is known, so its script loads while the body arrives.
  const early: { worker: AnalysisWorker | null } = { worker: null };
  const [entities, deals] = await Promise.all([
    fetchBytes(`${base}entities.json`, 'entities.json'),
    fetchBytes(`${base}deals.json`, 'deals.json', (bytes) => {
      if (bytes > READ_IN_WORKER_ABOVE_BYTES) early.worker = AnalysisWorker.create();
    }),
  ]);
  const problems = [entities, deals].flatMap((r) => ('problem' in r ? [r.problem] : []));
  if (problems.length > 0 || !('bytes' in entities) || !('bytes' in deals)) {
    early.worker?.stop();
    return { ok: false, problems };
  }
  const files = { entities: { name: 'entities.json', bytes: entities.bytes }, deals: { name: 'deals.json', bytes: deals.bytes } };
  const worker = deals.bytes.byteLength > READ_IN_WORKER_ABOVE_BYTES ? (early.worker ?? AnalysisWorker.create()) : null;
  if (worker !== early.worker) early.worker?.stop();
  if (worker) {
    const result = await worker.load(files.entities, files.deals).catch(() => null);
    if (result?.ok) return { ok: true, data: result.data, worker };
    worker.stop();
    if (result) return result;
    // The worker failed: the page reads the set itself.
  }
  const result = loadDataSetFromText(textOf(files.entities), textOf(files.deals));
  return result.ok ? { ok: true, data: result.data, worker: null } : result;
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
