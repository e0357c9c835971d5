/**
 * The import worker: reads and checks the analyst's files off the page's main thread, so a large
 * file never freezes the page and the analyst can cancel it.
 */
import { dataSetFingerprint } from '../data/fingerprint.js';
import { importDataSet } from '../data/import/import-files.js';
import { DEALS_PER_MESSAGE, type ImportReply, type ImportRequest } from './import-client.js';

const reply = (message: ImportReply): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  try {
    const result = importDataSet(event.data.files, event.data.options, (progress) => reply({ kind: 'progress', progress }));
    if (!result.ok) {
      reply({ kind: 'done', result, fingerprint: null });
      return;
    }
    // The page takes each message in a task of its own: a large set comes in parts, so taking it
    // never holds the page for long, and the last message carries the rest.
    const fingerprint = dataSetFingerprint(result.data);
    const { deals } = result.data;
    let sent = 0;
    while (deals.length - sent > DEALS_PER_MESSAGE) {
      reply({ kind: 'deals', deals: deals.slice(sent, sent + DEALS_PER_MESSAGE) });
      sent += DEALS_PER_MESSAGE;
    }
    reply({ kind: 'done', result: { ...result, data: { ...result.data, deals: deals.slice(sent) } }, fingerprint });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
