/**
 * The layout worker: lays the graph out off the page's main thread, so a large data set never
 * freezes the page.
 */
import { runLayout, type LayoutRequest } from '../layout/layout.js';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  try {
    self.postMessage({ ok: true, positions: runLayout(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
