/**
 * The analysis worker's client: a large data set's loop search, measures and circularity run in a
 * worker that holds the set, so the page never waits on them. The first view of the set comes with
 * the whole network's measures and its timeline (as an import's does), except a plain first picture
 * of the whole network, which the page draws from measures of its own; each later view (a filter
 * change, or that picture's loops) is asked for once and adopted by the page's deriver when it arrives.
 */
import type { MoneyLoop } from '../analysis/loops.js';
import type { TextFile } from '../data/load.js';
import type { Problem } from '../data/problem.js';
import type { DataSet } from '../data/types.js';
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

export type AnalysisRequest =
  | { kind: 'data'; data: DataSet }
  | { kind: 'check'; entities: TextFile; deals: TextFile }
  | { kind: 'first-view' | 'view'; id: number; state: ViewState };

export type AnalysisReply =
  | { kind: 'checked'; problems: Problem[] }
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
  /** What the worker found wrong with the files it was given to check (see `check`). */
  private checking: { resolve(problems: Problem[]): void; reject(error: Error): void } | null = null;

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<AnalysisReply>) => this.take(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error('the analysis worker could not run'));
    };
  }

  /** A worker holding `data`, or null where workers cannot run. */
  static start(data: DataSet): AnalysisWorker | null {
    const worker = newModuleWorker(ANALYSIS_WORKER_URL);
    if (!worker) return null;
    const request: AnalysisRequest = { kind: 'data', data };
    worker.postMessage(request);
    return new AnalysisWorker(worker);
  }

  /**
   * A worker that parses and checks the two files and, when they are valid, holds the set they make:
   * `problems` is what it found (none: valid), or rejects should the worker fail. The page parses the
   * same text for itself, so the set is never copied between the two (copying 25,000 deals into a
   * message held the page for a fifth of a second, and checking them for a third). Null where
   * workers cannot run.
   */
  static check(entities: TextFile, deals: TextFile): { worker: AnalysisWorker; problems: Promise<Problem[]> } | null {
    const worker = newModuleWorker(ANALYSIS_WORKER_URL);
    if (!worker) return null;
    const client = new AnalysisWorker(worker);
    const problems = new Promise<Problem[]>((resolve, reject) => {
      client.checking = { resolve, reject };
    });
    const request: AnalysisRequest = { kind: 'check', entities, deals };
    worker.postMessage(request);
    return { worker: client, problems };
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
    if (reply.kind === 'checked') {
      this.checking?.resolve(reply.problems);
      this.checking = null;
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

  private fail(error: Error): void {
    this.stopped = true;
    this.worker.terminate();
    this.checking?.reject(error);
    this.checking = null;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
