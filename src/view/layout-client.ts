/**
 * Runs layouts in a worker, off the page's main thread; cancellable. The worker is started when the
 * page loads, so it compiles the layout code while the page fetches its data. Falls back to laying
 * out on the page when workers are unavailable.
 */
import { runLayout, type LayoutRequest, type Positions } from '../layout/layout.js';

/** Where the worker script is served, next to the app bundle. */
export const LAYOUT_WORKER_URL = 'layout-worker.js';

export class LayoutCancelled extends Error {
  override readonly name = 'LayoutCancelled';
}

export interface LayoutJob {
  positions: Promise<Positions>;
  cancel(): void;
}

type Reply = { ok: true; positions: Positions } | { ok: false; message: string };

let warm: Worker | null = null;

function newWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(LAYOUT_WORKER_URL, { type: 'module' });
  } catch {
    return null;
  }
}

/** Starts a worker ahead of the first layout. */
export function prewarmLayoutWorker(): void {
  warm ??= newWorker();
}

/** Lays a graph out in a worker; `cancel()` stops it and rejects with LayoutCancelled. */
export function startLayout(request: LayoutRequest): LayoutJob {
  const worker = warm ?? newWorker();
  warm = null;
  if (!worker) {
    return { positions: Promise.resolve().then(() => runLayout(request)), cancel: () => {} };
  }
  let cancel = (): void => {};
  const positions = new Promise<Positions>((resolve, reject) => {
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      worker.terminate();
      return true;
    };
    cancel = () => {
      if (settle()) reject(new LayoutCancelled('layout cancelled'));
    };
    worker.onmessage = (event: MessageEvent<Reply>) => {
      if (!settle()) return;
      if (event.data.ok) resolve(event.data.positions);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (!settle()) return;
      // A worker that cannot start (a blocked script, say) must not leave the graph blank.
      try {
        resolve(runLayout(request));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    worker.postMessage(request);
  });
  return { positions, cancel: () => cancel() };
}
