/**
 * The analysis worker's client: a large data set's loop search, measures and circularity run in a
 * worker that holds the set, so the page never waits on them. The first view of the set comes with
 * the whole network's measures and its timeline (as an import's does), except a plain first picture
 * of the whole network, which the page draws from measures of its own; each later view (a filter
 * change, or that picture's loops) is asked for once and adopted by the page's deriver when it arrives.
 * A large shipped set is read and checked in the worker too (`load`), which sends it back to the page.
 */
import type { MoneyLoop } from '../analysis/loops.js';
import type { TextFile } from '../data/load.js';
import type { DataSet, Deal } from '../data/types.js';
import type { ValidationResult } from '../data/validate.js';
import type { FirstViewAnalysis, ViewAnalysis } from '../state/first-view.js';
import type { ViewState } from '../state/view-state.js';
import { newModuleWorker } from './module-worker.js';

/** Where the worker script is served, next to the app bundle. */
export const ANALYSIS_WORKER_URL = 'analysis-worker.js';

/** Sets with more deals than this are analysed in the worker; smaller ones on the page, at once. */
export const ANALYSED_IN_WORKER_ABOVE = 10_000;

/**
 * Larger sets are not handed to the worker: copying them into its message would hold the page for
 * longer than the analysis it saves (an imported set that large comes with its first view from the
 * import worker; later views are derived on the page).
 */
export const SENT_TO_WORKER_AT_MOST = 50_000;

/** Loops the worker sends in one message at most (a message is taken in one task of the page's). */
export const ANALYSIS_LOOPS_PER_MESSAGE = 1_000;

/** Deals the worker sends in one message at most when it hands a set it read back to the page. */
export const ANALYSIS_DEALS_PER_MESSAGE = 2_500;

/** A data file's bytes, to read in the worker (a copy of bytes costs the page next to nothing). */
export interface BytesFile {
  name: string;
  bytes: ArrayBuffer;
}

/** A fetched file's text, decoded as `response.text()` would (UTF-8, a byte-order mark dropped). */
export function textOf(file: BytesFile): TextFile {
  return { name: file.name, text: new TextDecoder().decode(file.bytes) };
}

export type AnalysisRequest =
  | { kind: 'data'; data: DataSet }
  | { kind: 'load'; entities: BytesFile; deals: BytesFile }
  | { kind: 'first-view' | 'view'; id: number; state: ViewState };

export type AnalysisReply =
  | { kind: 'deals'; deals: Deal[] }
  | { kind: 'loaded'; result: ValidationResult }
  | { kind: 'load-failed'; message: string }
  | { kind: 'loops'; id: number; loops: MoneyLoop[] }
  | { kind: 'first-view'; id: number; analysis: FirstViewAnalysis }
  | { kind: 'view'; id: number; analysis: ViewAnalysis }
  | { kind: 'failed'; id: number; message: string };

interface Pending {
  loops: MoneyLoop[][];
  resolve(analysis: ViewAnalysis): void;
  reject(error: Error): void;
}

export class AnalysisWorker {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stopped = false;
  /** The set the worker is reading (see `load`): its deals so far, and where the result goes. */
  private loading: { deals: Deal[][]; resolve(result: ValidationResult): void; reject(error: Error): void } | null = null;

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<AnalysisReply>) => this.take(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error('the analysis worker could not run'));
    };
  }

  /** A worker ready to be given a set (its script loads meanwhile), or null where workers cannot run. */
  static create(): AnalysisWorker | null {
    const worker = newModuleWorker(ANALYSIS_WORKER_URL);
    return worker ? new AnalysisWorker(worker) : null;
  }

  /** A worker holding `data`, or null where workers cannot run. */
  static start(data: DataSet): AnalysisWorker | null {
    const client = AnalysisWorker.create();
    const request: AnalysisRequest = { kind: 'data', data };
    client?.worker.postMessage(request);
    return client;
  }

  /**
   * Has the worker read and check the two files: when they are valid it holds the set they make and
   * sends it back in parts (each taken in one short task of the page's). Rejects should the worker fail.
   */
  load(entities: BytesFile, deals: BytesFile): Promise<ValidationResult> {
    if (this.stopped) return Promise.reject(new Error('the analysis was stopped'));
    const result = new Promise<ValidationResult>((resolve, reject) => {
      this.loading = { deals: [], resolve, reject };
    });
    const request: AnalysisRequest = { kind: 'load', entities, deals };
    this.worker.postMessage(request);
    return result;
  }

  /** The set's first view: `state`'s loops and measures, and the whole network's measures and timeline. */
  firstView(state: ViewState): Promise<FirstViewAnalysis> {
    return this.ask('first-view', state) as Promise<FirstViewAnalysis>;
  }

  /** The loops, measures and circularity of `state`'s view. */
  view(state: ViewState): Promise<ViewAnalysis> {
    return this.ask('view', state);
  }

  /** Stops the worker; what was asked and not answered rejects. */
  stop(): void {
    this.fail(new Error('the analysis was stopped'));
  }

  private ask(kind: 'first-view' | 'view', state: ViewState): Promise<ViewAnalysis> {
    if (this.stopped) return Promise.reject(new Error('the analysis was stopped'));
    const id = this.nextId++;
    const request: AnalysisRequest = { kind, id, state };
    return new Promise<ViewAnalysis>((resolve, reject) => {
      this.pending.set(id, { loops: [], resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private take(reply: AnalysisReply): void {
    if (reply.kind === 'deals' || reply.kind === 'loaded' || reply.kind === 'load-failed') {
      this.takeLoaded(reply);
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.kind === 'loops') {
      pending.loops.push(reply.loops);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === 'failed') pending.reject(new Error(reply.message));
    else pending.resolve({ ...reply.analysis, loops: pending.loops.flat() });
  }

  private takeLoaded(reply: Extract<AnalysisReply, { kind: 'deals' | 'loaded' | 'load-failed' }>): void {
    const loading = this.loading;
    if (!loading) return;
    if (reply.kind === 'deals') {
      loading.deals.push(reply.deals);
      return;
    }
    this.loading = null;
    if (reply.kind === 'load-failed') {
      loading.reject(new Error(reply.message));
      return;
    }
    const { result } = reply;
    loading.resolve(result.ok ? { ...result, data: { ...result.data, deals: loading.deals.flat().concat(result.data.deals) } } : result);
  }

  private fail(error: Error): void {
    this.stopped = true;
    this.worker.terminate();
    this.loading?.reject(error);
    this.loading = null;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
