/**
 * The import worker: reads and checks the analyst's files off the page's main thread, so a large
 * file never freezes the page and the analyst can cancel it.
 */
import { importDataSet } from '../data/import/import-files.js';
import type { ImportReply, ImportRequest } from './import-client.js';

const reply = (message: ImportReply): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  try {
    reply({ kind: 'done', result: importDataSet(event.data.files, event.data.options, (progress) => reply({ kind: 'progress', progress })) });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
