/**
 * Runs an import in a worker, off the page's main thread; cancellable. Falls back to importing on
 * the page when workers are unavailable.
 */
import { dataSetFingerprint } from '../data/fingerprint.js';
import type { ImportBytes } from '../data/import/import-bytes.js';
import type { ImportOptions, ImportProgress, ImportResult } from '../data/import/import-files.js';
import type { MoneyLoop } from '../analysis/loops.js';
import type { Deal } from '../data/types.js';
import type { FirstViewAnalysis } from '../state/first-view.js';
import { newModuleWorker } from './module-worker.js';

/** Where the worker script is served, next to the app bundle. */
export const IMPORT_WORKER_URL = 'import-worker.js';

export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
}

export interface ImportRequest {
  /**
   * The files, read where they are checked: a file is handed to the worker as a handle, so its
   * bytes are never copied on the page (copying 20 MB held the page for a fifth of a second).
   */
  files: Array<{ name: string; blob: Blob }>;
  options: ImportOptions;
}

/** The bytes of the request's files. */
export function readRequestFiles(request: ImportRequest): Promise<ImportBytes[]> {
  return Promise.all(request.files.map(async (f) => ({ name: f.name, bytes: await f.blob.arrayBuffer() })));
}

/** Deals and loops the worker sends in one message at most (a message is taken in one task of the page's). */
export const DEALS_PER_MESSAGE = 2_500;
export const LOOPS_PER_MESSAGE = 1_000;

/** Where the worker has got to: reading, checking, then analysing a valid set's first view. */
export type WorkerProgress = ImportProgress | { stage: 'analysing'; deals: number };

/** What the worker posts back: progress, a valid set's analysis and deals in parts, then the rest of the result. */
export type ImportReply =
  | { kind: 'done'; result: ImportResult; fingerprint: string | null }
  | { kind: 'analysis'; analysis: FirstViewAnalysis }
  | { kind: 'loops'; loops: MoneyLoop[] }
  | { kind: 'deals'; deals: Deal[] }
  | { kind: 'failed'; message: string }
  | { kind: 'progress'; progress: WorkerProgress };

/**
 * An import's result; a valid set comes with its fingerprint and, from the worker, the analysis of
 * its first view (null when the import ran on the page).
 */
export type ImportOutcome = Exclude<ImportResult, { ok: true }> | (Extract<ImportResult, { ok: true }> & { fingerprint: string; analysis: FirstViewAnalysis | null });

export interface ImportJob {
  result: Promise<ImportOutcome>;
  /** Stops the import; `result` rejects with ImportCancelled. */
  cancel(): void;
}

async function importOnPage(request: ImportRequest): Promise<ImportOutcome> {
  const { importFromBytes } = await import('../data/import/import-bytes.js');
  const result = importFromBytes(await readRequestFiles(request), request.options);
  return result.ok ? { ...result, fingerprint: dataSetFingerprint(result.data), analysis: null } : result;
}

/** Where an import has got to, in words. */
export function progressText(progress: WorkerProgress): string {
  if (progress.stage === 'reading') return `Reading ${progress.file}…`;
  const deals = progress.deals.toLocaleString('en-US');
  return progress.stage === 'checking' ? `Checking ${deals} deals…` : `Finding the loops and measures of ${deals} deals…`;
}

export function startImport(request: ImportRequest, onProgress?: (progress: WorkerProgress) => void): ImportJob {
  const worker = newModuleWorker(IMPORT_WORKER_URL);
  let cancel = (): void => {};
  const result = new Promise<ImportOutcome>((resolve, reject) => {
    const parts: Deal[][] = [];
    let analysis: FirstViewAnalysis | null = null;
    const loops: MoneyLoop[][] = [];
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      worker?.terminate();
      return true;
    };
    cancel = () => {
      if (settle()) reject(new ImportCancelled('import cancelled'));
    };
    const fallBack = (): void => {
      importOnPage(request).then(
        (value) => settle() && resolve(value),
        (error: unknown) => settle() && reject(error instanceof Error ? error : new Error(String(error))),
      );
    };
    if (!worker) {
      fallBack();
      return;
    }
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      if (event.data.kind === 'progress') {
        if (!settled) onProgress?.(event.data.progress);
        return;
      }
      if (event.data.kind === 'loops') {
        loops.push(event.data.loops);
        return;
      }
      if (event.data.kind === 'analysis') {
        analysis = { ...event.data.analysis, loops: loops.flat() };
        return;
      }
      if (event.data.kind === 'deals') {
        parts.push(event.data.deals);
        return;
      }
      if (!settle()) return;
      if (event.data.kind === 'failed') {
        reject(new Error(event.data.message));
        return;
      }
      const { result: done, fingerprint } = event.data;
      if (!done.ok || fingerprint === null) {
        resolve(done.ok ? { ...done, fingerprint: dataSetFingerprint(done.data), analysis } : done);
        return;
      }
      const deals = parts.length === 0 ? done.data.deals : parts.concat([done.data.deals]).flat();
      resolve({ ...done, data: { ...done.data, deals }, fingerprint, analysis });
    };
    worker.onerror = (event) => {
      // A worker that cannot start (a blocked script, say) must not lose the import.
      event.preventDefault();
      worker.terminate();
      fallBack();
    };
    worker.postMessage(request);
  });
  return { result, cancel: () => cancel() };
}
