/**
 * Runs layouts in a worker, off the page's main thread; cancellable, with progress. Falls back to
 * laying out on the page when workers are unavailable.
 */
import type { LayoutRequest, Positions } from '../layout/layout.js';
import { newModuleWorker } from './module-worker.js';

/** Where the worker script is served, next to the app bundle. */
export const LAYOUT_WORKER_URL = 'layout-worker.js';

export class LayoutCancelled extends Error {
  override readonly name = 'LayoutCancelled';
}

export interface LayoutJob {
  positions: Promise<Positions>;
  cancel(): void;
  /**
   * Settles once the worker has the request. The page waits for this before its own long work:
   * a worker is started, and handed its message, by the page's main thread, so a busy page would
   * hold the layout back for as long as it is busy.
   */
  started: Promise<void>;
  /** Calls `listener` with the fraction done (0..1) as the layout reports it. */
  onProgress(listener: (done: number) => void): void;
}

/** What the worker posts back. */
export type LayoutReply = { kind: 'started' } | { kind: 'progress'; done: number } | { kind: 'done'; positions: Positions } | { kind: 'failed'; message: string };

/** The layout code is loaded on the page only when no worker can run it. */
async function layOutOnPage(request: LayoutRequest, onProgress: (done: number) => void): Promise<Positions> {
  const { runLayout } = await import('../layout/run-layout.js');
  return runLayout(request, onProgress);
}

/** A job whose positions are known already (precomputed by the build). */
export function settledLayout(positions: Positions): LayoutJob {
  return { positions: Promise.resolve(positions), started: Promise.resolve(), cancel: () => {}, onProgress: () => {} };
}

/** Lays a graph out in a worker; `cancel()` stops it and rejects with LayoutCancelled. */
export function startLayout(request: LayoutRequest): LayoutJob {
  const listeners: Array<(done: number) => void> = [];
  const progress = (done: number): void => listeners.forEach((listener) => listener(done));
  const onProgress = (listener: (done: number) => void): void => void listeners.push(listener);
  const worker = newModuleWorker(LAYOUT_WORKER_URL);
  if (!worker) {
    return { positions: layOutOnPage(request, progress), started: Promise.resolve(), cancel: () => {}, onProgress };
  }
  let cancel = (): void => {};
  let markStarted = (): void => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const positions = new Promise<Positions>((resolve, reject) => {
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      markStarted();
      worker.terminate();
      return true;
    };
    cancel = () => {
      if (settle()) reject(new LayoutCancelled('layout cancelled'));
    };
    worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      if (reply.kind === 'started') {
        markStarted();
        return;
      }
      if (reply.kind === 'progress') {
        if (!settled) progress(reply.done);
        return;
      }
      if (!settle()) return;
      if (reply.kind === 'done') resolve(reply.positions);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (!settle()) return;
      // A worker that cannot start (a blocked script, say) must not leave the graph blank.
      layOutOnPage(request, progress).then(resolve, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
    };
    worker.postMessage(request);
  });
  return { positions, started, cancel: () => cancel(), onProgress };
}
