/**
 * Runs an import in a worker, off the page's main thread; cancellable. Falls back to importing on
 * the page when workers are unavailable.
 */
import type { ImportFile, ImportOptions, ImportProgress, ImportResult } from '../data/import/import-files.js';
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

/** What the worker posts back. */
export type ImportReply = { kind: 'done'; result: ImportResult } | { kind: 'failed'; message: string } | { kind: 'progress'; progress: ImportProgress };

export interface ImportJob {
  result: Promise<ImportResult>;
  /** Stops the import; `result` rejects with ImportCancelled. */
  cancel(): void;
}

async function importOnPage(request: ImportRequest): Promise<ImportResult> {
  const { importDataSet } = await import('../data/import/import-files.js');
  return importDataSet(request.files, request.options);
}

/** Where an import has got to, in words. */
export function progressText(progress: ImportProgress): string {
  return progress.stage === 'reading' ? `Reading ${progress.file}…` : `Checking ${progress.deals.toLocaleString('en-US')} deals…`;
}

export function startImport(request: ImportRequest, onProgress?: (progress: ImportProgress) => void): ImportJob {
  const worker = newModuleWorker(IMPORT_WORKER_URL);
  let cancel = (): void => {};
  const result = new Promise<ImportResult>((resolve, reject) => {
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
      if (!settle()) return;
      if (event.data.kind === 'done') resolve(event.data.result);
      else reject(new Error(event.data.message));
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
