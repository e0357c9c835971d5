/**
 * The data set the explorer shows: the shipped one (fetched with its precomputed layout, or given
 * by a test's loader), an imported one, and the way back. It starts each set's layout before the
 * analysis, makes the set ready (loaded-set.ts), and runs the first picture's shortcuts: the
 * picture first, the loops and the side panels right after it (or after a wait, should no picture
 * ever come).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatProblem, type Problem } from '../../data/problem.js';
import type { DataSet } from '../../data/types.js';
import { layoutKey, layoutRequestFor, type PrecomputedLayout } from '../../layout/layout.js';
import { drawnPart, partOf } from '../../model/drawing-budget.js';
import { drawableWithoutLoops, type Derived } from '../../state/derive.js';
import type { FirstViewAnalysis } from '../../state/first-view.js';
import type { ViewStore } from '../../state/store.js';
import { DEFAULT_VIEW_STATE, filterKey, type ViewState } from '../../state/view-state.js';
import { ANALYSED_IN_WORKER_ABOVE, AnalysisWorker, SENT_TO_WORKER_AT_MOST } from '../analysis-client.js';
import { afterThisFrame } from '../after-frame.js';
import { fetchPrecomputedLayout, fetchShippedDataSet } from '../fetch-data.js';
import { settledLayout, startLayout, type LayoutJob } from '../layout-client.js';
import { loadSet, type LoadedSet } from '../loaded-set.js';
import { Names } from '../names.js';

/** A set and, when one checked it and holds it, its analysis worker (see fetchShippedDataSet). */
export type DataLoader = () => Promise<{ ok: true; data: DataSet; worker?: AnalysisWorker | null } | { ok: false; problems: Problem[] }>;

const NO_NAMES = new Names(new Map(), new Map());

/** The side panels wait this long at most for the first picture. */
const PANELS_WAIT_AT_MOST_MS = 1500;

export class DataSource implements ReactiveController {
  loaded: LoadedSet | null = null;
  /** Why the shipped (or the test's) data could not be shown. */
  problems: Problem[] = [];
  loading = true;
  /** Name of the data set shown, when it is not the shipped one. */
  importedName: string | null = null;
  layoutJob: LayoutJob | null = null;
  /** Set once the graph has first been drawn: work the first picture does not need waits for it. */
  graphDrawn = false;
  /**
   * True while the side panels wait for the first picture: when its positions are known already
   * (the shipped data) or its loops are searched after it (see `sketching`). The graph is drawn
   * first and the panels a frame later, so the picture does not wait for them.
   */
  panelsWait = false;
  /**
   * True while a plain first view (the whole network, nothing selected) is drawn from the firms'
   * measures alone: the loop search, which the picture does not need, runs once it is drawn.
   */
  sketching = false;
  private panelsTimer: ReturnType<typeof setTimeout> | undefined;
  /** The shipped data set, kept to go back to after an import. */
  private shipped: { data: DataSet; layout: PrecomputedLayout | null } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: ViewStore,
    /** Called when a set is shown: the host checks the link against it, and so on. */
    private readonly onShown: () => void,
    /** Called when the analyst switches to another set: what was chosen in the old one goes. */
    private readonly onSwitch: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.panelsTimer);
    this.layoutJob?.cancel();
    this.analysis?.stop();
  }

  /** How firms, deals and loops are named in the set shown (no names before one is loaded). */
  get names(): Names {
    return this.loaded?.names ?? NO_NAMES;
  }

  /** The firms a deals file may name without an entities file. */
  get knownEntities(): LoadedSet['data']['entities'] {
    return this.shipped?.data.entities ?? this.loaded?.data.entities ?? [];
  }

  /** Loads the shipped data (or what `loader` gives, for tests); says why, when it cannot. */
  async load(loader: DataLoader | null, onLinkedElsewhere: (fingerprint: string) => void): Promise<void> {
    let layout: Promise<PrecomputedLayout | null> = Promise.resolve(null);
    const load = loader ?? fetchShippedDataSet;
    if (!loader) layout = fetchPrecomputedLayout();
    const result = await load();
    performance.mark('roundtrip:data-validated');
    this.loading = false;
    this.host.requestUpdate();
    if (!result.ok) {
      this.problems = result.problems;
      return;
    }
    const precomputed = await layout;
    if (!loader) this.shipped = { data: result.data, layout: precomputed };
    const linked = this.store.state.data;
    if (linked !== null) {
      onLinkedElsewhere(linked);
      this.store.update({ data: null }, 'replace');
    }
    await this.show(result.data, precomputed, null, null, result.worker ?? null);
  }

  /** Shows an imported set; resolves to whether it is the one shown now. */
  async showImported(data: DataSet, name: string, analysis: FirstViewAnalysis | null): Promise<boolean> {
    await this.show(data, null, name, analysis);
    return this.importedName === name && this.loaded?.data === data;
  }

  /**
   * Shows an imported set in a fresh view (its fingerprint in the link); resolves to whether it is
   * the one shown now. When it cannot be shown, or another set took over meanwhile, the view and
   * the link go back to what they were: the link must not claim a set that is not shown.
   */
  async switchToImported(data: DataSet, name: string, fingerprint: string, analysis: FirstViewAnalysis | null): Promise<boolean> {
    const before = this.store.state;
    this.onSwitch();
    this.store.update({ ...DEFAULT_VIEW_STATE, data: fingerprint }, 'push');
    let shown: boolean;
    try {
      shown = await this.showImported(data, name, analysis);
    } catch (error) {
      this.store.update(before, 'replace');
      throw error;
    }
    if (!shown) this.store.update(before, 'replace');
    return shown;
  }

  /** Back to the shipped data in a fresh view; nothing changes when there is none. */
  switchToShipped(): void {
    if (!this.shipped) return;
    this.onSwitch();
    this.store.update({ ...DEFAULT_VIEW_STATE }, 'push');
    this.backToShipped();
  }

  /** Whether there is shipped data to go back to (not when a test's loader gave the data). */
  get hasShipped(): boolean {
    return this.shipped !== null;
  }

  /** Back to the shipped data; false when there is none (a test's loader gave the data). */
  backToShipped(): boolean {
    if (!this.shipped) return false;
    void this.show(this.shipped.data, this.shipped.layout);
    return true;
  }

  /** `checkedBy`: the analysis worker that checked `data` and holds it already. */
  private async show(
    data: DataSet,
    precomputed: PrecomputedLayout | null = null,
    importedName: string | null = null,
    firstView: FirstViewAnalysis | null = null,
    checkedBy: AnalysisWorker | null = null,
  ): Promise<void> {
    let analysis = firstView;
    // The layout depends on the data alone: use the build's positions when they are for this very
    // data, or start the layout in its worker before the analysis runs here.
    this.layoutJob?.cancel();
    // A network too large to draw whole is drawn in part, and only that part is laid out.
    const part = analysis ? analysis.part : drawnPart(data);
    const request = layoutRequestFor(analysis?.partRecords ?? (part ? partOf(data, part) : data));
    const positionsKnown = precomputed !== null && precomputed.key === layoutKey(request);
    const job = positionsKnown ? settledLayout(precomputed.positions) : startLayout(request);
    this.layoutJob = job;
    const sketch = drawableWithoutLoops(this.store.state);
    this.sketching = sketch;
    this.panelsWait = positionsKnown || sketch;
    clearTimeout(this.panelsTimer);
    this.host.requestUpdate();
    // Should the picture never come once the positions are there (no canvas, say), the loops and
    // the panels — the way through the data without it — come anyway.
    const giveUpWaiting = (): void => {
      if (this.layoutJob === job) this.panelsTimer = setTimeout(this.showEverything, PANELS_WAIT_AT_MOST_MS);
    };
    void job.positions.then(giveUpWaiting, giveUpWaiting);
    // Let the worker start before the analysis keeps this thread busy (not for ever, though).
    await Promise.race([job.started, new Promise((resolve) => setTimeout(resolve, 2000))]);
    if (this.layoutJob !== job) {
      checkedBy?.stop();
      return;
    }
    const state = this.store.state;
    // A large set's loops and measures are worked out in the analysis worker, the first view's too.
    this.analysis?.stop();
    this.analysis = null;
    // A set the worker holds already costs no copy, whatever its size.
    if (data.deals.length > ANALYSED_IN_WORKER_ABOVE && (checkedBy !== null || data.deals.length <= SENT_TO_WORKER_AT_MOST)) {
      const worker = checkedBy ?? AnalysisWorker.start(data);
      this.analysis = worker;
      // A plain first picture needs only the firms' measures on the whole network, worked out here
      // while the layout runs in its worker; its loops are asked of this worker once it is drawn
      // (see derived). Waiting for the worker's whole first view held the picture back by seconds.
      if (worker && !analysis && !sketch) analysis = await worker.firstView(state).catch(() => null);
      if (this.layoutJob !== job) return;
    } else {
      // Checked a set that turned out small enough to analyse here.
      checkedBy?.stop();
    }
    const loaded = await loadSet(data, { part, analysis, state, sketch, sizeBy: state.size });
    if (this.layoutJob !== job) return;
    this.importedName = importedName;
    this.graphDrawn = false;
    this.loaded = loaded;
    performance.mark('roundtrip:analysis-done');
    this.host.requestUpdate();
    this.onShown();
  }

  /** The analysis worker of a large set (null: views are derived on the page). */
  private analysis: AnalysisWorker | null = null;
  /** Views asked of the analysis worker and not answered yet, by filter key. */
  private readonly asked = new Set<string>();

  /**
   * The derived view of `state`: at once, or for a large set whose view is not derived yet, null
   * while the analysis worker works it out (the host is updated when it is adopted). Should the
   * worker fail, views are derived on the page from then on.
   */
  derived(state: ViewState): Derived | null {
    const loaded = this.loaded;
    if (!loaded) return null;
    const worker = this.analysis;
    if (!worker || loaded.deriver.hasView(state)) return loaded.deriver.derive(state);
    const key = filterKey(state);
    if (!this.asked.has(key)) {
      this.asked.add(key);
      const { deriver } = loaded;
      worker.view(state).then(
        (analysis) => {
          if (this.loaded?.deriver === deriver) deriver.adoptView(analysis);
        },
        () => {
          if (this.analysis === worker) this.analysis = null;
        },
      ).finally(() => {
        this.asked.delete(key);
        this.host.requestUpdate();
      });
    }
    return null;
  }

  /** The graph element drew its first picture. */
  readonly graphWasDrawn = (): void => {
    // Once the frame with the picture is on screen: building the panels, or searching the loops,
    // in that same frame would hold the picture back.
    afterThisFrame(() => {
      this.graphDrawn = true;
      this.showEverything();
    });
  };

  /** Ends the first picture's shortcuts: the loops are searched and the panels built. */
  private readonly showEverything = (): void => {
    this.panelsWait = false;
    this.sketching = false;
    clearTimeout(this.panelsTimer);
    this.host.requestUpdate();
  };

  /** While loading, a line saying so; a data set that could not be shown, the banner of its problems. */
  render(): TemplateResult | typeof nothing {
    if (this.loading) return html`<p class="status" role="status">Loading the data set…</p>`;
    if (this.problems.length === 0) return nothing;
    const n = this.problems.length;
    return html`<section class="banner" role="alert">
      <h2>The data set has ${n} problem${n === 1 ? '' : 's'}; nothing was loaded</h2>
      <ul>${this.problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>
    </section>`;
  }
}
