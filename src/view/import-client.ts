/**
 * Runs an import in a worker, off the page's main thread; cancellable. Falls back to importing on
 * the page when workers are unavailable.
 */
import { dataSetFingerprint } from '../data/fingerprint.js';
import type { ImportFile, ImportOptions, ImportProgress, ImportResult } from '../data/import/import-files.js';
import type { Deal } from '../data/types.js';
import { newModuleWorker } from './module-worker.js';

/** Where the worker script is served, next to the app bundle. */
export const IMPORT_WORKER_URL = 'import-worker.js';

export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
}

export interface ImportRequest {
  files: ImportFile[];
  options: ImportOptions;
}

/** Deals the worker sends in one message at most (a message is taken in one task of the page's). */
export const DEALS_PER_MESSAGE = 10_000;

/** What the worker posts back: progress, parts of a valid set's deals, then the rest of the result. */
export type ImportReply =
  | { kind: 'done'; result: ImportResult; fingerprint: string | null }
  | { kind: 'deals'; deals: Deal[] }
  | { kind: 'failed'; message: string }
  | { kind: 'progress'; progress: ImportProgress };

/** An import's result; a valid set comes with its fingerprint (worked out off the page). */
export type ImportOutcome = Exclude<ImportResult, { ok: true }> | (Extract<ImportResult, { ok: true }> & { fingerprint: string });

export interface ImportJob {
  result: Promise<ImportOutcome>;
  /** Stops the import; `result` rejects with ImportCancelled. */
  cancel(): void;
}

async function importOnPage(request: ImportRequest): Promise<ImportOutcome> {
  const { importDataSet } = await import('../data/import/import-files.js');
  const result = importDataSet(request.files, request.options);
  return result.ok ? { ...result, fingerprint: dataSetFingerprint(result.data) } : result;
}

/** Where an import has got to, in words. */
export function progressText(progress: ImportProgress): string {
  return progress.stage === 'reading' ? `Reading ${progress.file}…` : `Checking ${progress.deals.toLocaleString('en-US')} deals…`;
}

export function startImport(request: ImportRequest, onProgress?: (progress: ImportProgress) => void): ImportJob {
  const worker = newModuleWorker(IMPORT_WORKER_URL);
  let cancel = (): void => {};
  const result = new Promise<ImportOutcome>((resolve, reject) => {
    const parts: Deal[][] = [];
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
        resolve(done.ok ? { ...done, fingerprint: dataSetFingerprint(done.data) } : done);
        return;
      }
      const deals = parts.length === 0 ? done.data.deals : parts.concat([done.data.deals]).flat();
      resolve({ ...done, data: { ...done.data, deals }, fingerprint });
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
