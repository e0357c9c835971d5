/**
 * The analysis worker: holds a large data set and works out its views' loops, measures and
 * circularity off the page's main thread (see analysis-client.ts). Its deriver keeps the set's
 * networks and recent views, as the page's would. It may also read and check the set's files itself,
 * and send the checked set back to the page in parts.
 */
import { loadDataSetFromText } from '../data/load.js';
import type { DataSet } from '../data/types.js';
import { Deriver } from '../state/derive.js';
import { analyseFirstView, analyseView, type ViewAnalysis } from '../state/first-view.js';
import { ANALYSIS_DEALS_PER_MESSAGE, ANALYSIS_LOOPS_PER_MESSAGE, textOf, type AnalysisReply, type AnalysisRequest, type BytesFile } from './analysis-client.js';

const reply = (message: AnalysisReply, transfer: Transferable[] = []): void => self.postMessage(message, { transfer });

let data: DataSet | null = null;
let deriver: Deriver | null = null;

/** Sends the loops in parts (each message is taken in one task of the page's), then the rest. */
function sendLoops(id: number, loops: ViewAnalysis['loops']): void {
  for (let sent = 0; sent < loops.length; sent += ANALYSIS_LOOPS_PER_MESSAGE) reply({ kind: 'loops', id, loops: loops.slice(sent, sent + ANALYSIS_LOOPS_PER_MESSAGE) });
}

/** The circularity's per-deal figures go as buffers, not copied. */
const buffersOf = (analysis: ViewAnalysis): Transferable[] => [analysis.circularity.dealAmountUsd.buffer, analysis.circularity.dealCircularUsd.buffer];

/** Reads and checks the two files; keeps a valid set and sends it back in parts, the rest last. */
function load(entities: BytesFile, deals: BytesFile): void {
  data = null;
  deriver = null;
  try {
    const result = loadDataSetFromText(textOf(entities), textOf(deals));
    if (!result.ok) {
      reply({ kind: 'loaded', result });
      return;
    }
    data = result.data;
    const all = result.data.deals;
    let sent = 0;
    for (; all.length - sent > ANALYSIS_DEALS_PER_MESSAGE; sent += ANALYSIS_DEALS_PER_MESSAGE) reply({ kind: 'deals', deals: all.slice(sent, sent + ANALYSIS_DEALS_PER_MESSAGE) });
    reply({ kind: 'loaded', result: { ...result, data: { ...result.data, deals: all.slice(sent) } } });
  } catch (error) {
    reply({ kind: 'load-failed', message: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  if (request.kind === 'data') {
    data = request.data;
    deriver = null;
    return;
  }
  if (request.kind === 'load') {
    load(request.entities, request.deals);
    return;
  }
  try {
    if (!data) throw new Error('no data set to analyse');
    deriver ??= new Deriver(data);
    if (request.kind === 'first-view') {
      const analysis = analyseFirstView(data, request.state, deriver);
      sendLoops(request.id, analysis.loops);
      reply({ kind: 'first-view', id: request.id, analysis: { ...analysis, loops: [] } }, buffersOf(analysis));
      return;
    }
    const analysis = analyseView(deriver, request.state);
    sendLoops(request.id, analysis.loops);
    reply({ kind: 'view', id: request.id, analysis: { ...analysis, loops: [] } }, buffersOf(analysis));
  } catch (error) {
    reply({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};
