/**
 * The layout worker: lays the graph out off the page's main thread, so a large data set never
 * freezes the page, and reports how far it has got.
 */
import type { LayoutRequest } from '../layout/layout.js';
import { runLayout } from '../layout/run-layout.js';
import type { LayoutReply } from './layout-client.js';

const reply = (message: LayoutReply): void => self.postMessage(message);

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  reply({ kind: 'started' });
  try {
    reply({ kind: 'done', positions: await runLayout(event.data, (done) => reply({ kind: 'progress', done })) });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
