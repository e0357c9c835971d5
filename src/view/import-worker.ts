/**
 * The import worker: decodes, reads and checks the analyst's files off the page's main thread, so a large
 * file never freezes the page and the analyst can cancel it; then analyses the set's first view
 * (measures, loops, circularity, timeline), which the page adopts instead of working it out itself.
 */
import { dataSetFingerprint } from '../data/fingerprint.js';
import { importFromBytes } from '../data/import/import-bytes.js';
import { analyseFirstView } from '../state/first-view.js';
import { DEFAULT_VIEW_STATE } from '../state/view-state.js';
import { DEALS_PER_MESSAGE, LOOPS_PER_MESSAGE, readRequestFiles, type ImportReply, type ImportRequest, type WorkerProgress } from './import-client.js';

const reply = (message: ImportReply, transfer: Transferable[] = []): void => self.postMessage(message, { transfer });
const progress = (p: WorkerProgress): void => reply({ kind: 'progress', progress: p });

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  try {
    const result = importFromBytes(await readRequestFiles(event.data), event.data.options, progress);
    if (!result.ok) {
      reply({ kind: 'done', result, fingerprint: null });
      return;
    }
    const fingerprint = dataSetFingerprint(result.data);
    progress({ stage: 'analysing', deals: result.data.deals.length });
    // The view an imported set opens in (see DataSource.switchToImported).
    const analysis = analyseFirstView(result.data, { ...DEFAULT_VIEW_STATE, data: fingerprint });
    // Loops and deals go in parts (each message is taken in one task of the page's), the rest last.
    const { loops } = analysis;
    for (let sent = 0; sent < loops.length; sent += LOOPS_PER_MESSAGE) reply({ kind: 'loops', loops: loops.slice(sent, sent + LOOPS_PER_MESSAGE) });
    reply({ kind: 'analysis', analysis: { ...analysis, loops: [] } }, [analysis.circularity.dealAmountUsd.buffer, analysis.circularity.dealCircularUsd.buffer]);
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
