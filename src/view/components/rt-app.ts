/**
 * The Roundtrip explorer: owns the view state and composes the header, the filters, the graph and
 * the panels from it. Its jobs live in controllers (the data set shown, the selection, import,
 * export, the timeline's history, dragged firms, dropped files) and pure modules (what a view
 * derives, what a link names); every analysis runs on the filtered view.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { appStyles } from './rt-app.styles.js';
import { customElement, state } from 'lit/decorators.js';
import type { DataChange, DataSet } from '../../data/types.js';
import { drawableWithoutLoops, highlightOf, loopHighlight, type Derived, type Highlight } from '../../state/derive.js';
import { checkSelection } from '../../state/selection-check.js';
import { StoreController } from '../../state/store-controller.js';
import { ViewStore } from '../../state/store.js';
import { UrlSync } from '../../state/url-sync.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../state/view-state.js';
import { idsOf, ViewCache, type DrawnView } from '../view-cache.js';
import type { LoadedSet } from '../loaded-set.js';
import { Names } from '../names.js';
import type { FirstViewAnalysis } from '../../state/first-view.js';
import { exportView, type ExportFormat } from '../controllers/export-view.js';
import { ImportController } from '../controllers/import-controller.js';
import { DataSource } from '../controllers/data-source.js';
import { Selection } from '../controllers/selection.js';
import { TimelineHistory } from '../controllers/timeline-history.js';
import { MovedFirms } from '../controllers/moved-firms.js';
import { FileDrop } from '../controllers/file-drop.js';
import { Theme } from '../controllers/theme.js';
import { distressAt } from '../scenario-view.js';
import type { ViewportChangeEvent, ExportRequestEvent } from '../events.js';
import { lastChange } from '../../model/new-since.js';
import { roundShare } from '../format.js';
import './rt-about.js';
import './rt-toolbar.js';
import type { ToolbarChangeEvent } from './rt-toolbar.js';
import './rt-panels.js';
import type { TabChangeEvent } from './rt-panels.js';
import './rt-header.js';
import type { HeaderActionEvent } from './rt-header.js';
import type { RtAbout } from './rt-about.js';
import type { SortChangeEvent } from './rt-cycles.js';
import type { FilterChangeEvent } from './rt-filters.js';
import './rt-filters.js';
import '../cytoscape/rt-graph.js';
import './rt-legend.js';
import type { ScenarioChangeEvent, TraceEvent } from './rt-scenario.js';
import './rt-timeline.js';
import type { TimelineChangeEvent } from './rt-timeline.js';
import type { DataLoader } from '../controllers/data-source.js';
export type { DataLoader };


type Loaded = LoadedSet;

const NO_NAMES = new Names(new Map(), new Map());

@customElement('rt-app')
export class RtApp extends LitElement {
  static override styles = appStyles;

  /** How the page gets its data; replaced in tests. */
  loader: DataLoader | null = null;

  private readonly initialUrl = UrlSync.read();
  private readonly store = new ViewStore(this.initialUrl.state);
  private readonly storeController = new StoreController(this, this.store);
  private readonly urlSync = new UrlSync(this.store, (parsed) => this.afterRestore(parsed));

  /** Whether the side panel is widened for the measures and deals tables; wide by default, as the narrow panel cuts them off. */
  @state() private wideMeasures = true;
  /** What the link asked for that could not be shown, in words; dismissable. */
  @state() private notices: string[] = [...this.initialUrl.notices];
  /** The loop history behind the timeline chart. */
  private readonly timeline = new TimelineHistory(this);
  /** Files dropped on the explorer open as data. */
  private readonly fileDrop = new FileDrop(this, (files) => void this.importer.importFiles(files));
  /** Light or dark colours (the link's, or the system's). */
  private readonly theme = new Theme(this, this.store);

  /** The data set shown: the shipped one, or an imported one. */
  private readonly source = new DataSource(this, this.store, () => this.afterShown());

  private get loaded(): LoadedSet | null {
    return this.source.loaded;
  }

  /** Reading, checking and reporting on the analyst's files. */
  private readonly importer = new ImportController(this, () => this.source.knownEntities, (data, name, fingerprint, analysis) => this.showImported(data, name, fingerprint, analysis));

  /** Firms the analyst dragged, kept in the link. */
  private readonly movedFirms = new MovedFirms(this.store, (id) => this.nameOf(id), () => this.requestUpdate());

  /** What is drawn from the derived view, kept while nothing it depends on changes. */
  private readonly drawn = new ViewCache();

  /** The firm, deal, loop or path chosen, the tab open and what to bring into view. */
  private readonly selection = new Selection(this, this.store, () => this.drawn.current, () => this.loaded?.data.entities ?? null);

  focusDetails(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('rt-panels')?.focusDetails());
  }

  get viewStore(): ViewStore {
    return this.store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.handleGlobalKey);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.handleGlobalKey);
    this.urlSync.stop();
  }

  private async load(): Promise<void> {
    await this.source.load(this.loader, (linked) => {
      this.notices = [
        ...this.notices,
        `data: this link was made with an imported data set (${linked}) that this browser does not have; the shipped data is shown, so firms, deals and loops may differ`,
      ];
    });
  }

  /** A set is shown: what the link names is checked against it, and the link is kept in step from now on. */
  private afterShown(): void {
    this.notices = [...this.notices, ...this.checkSelection()];
    if (this.store.state.shock) this.selection.showTab('scenario');
    this.selection.fitLinkedLoop();
    this.urlSync.start();
  }

  /**
   * Drops a firm, deal or loop the link names but the data set or the filtered view does not hold,
   * and says so; the rest of the view stays as the link asked.
   */
  private checkSelection(): string[] {
    const loaded = this.loaded;
    if (!loaded) return [];
    const s = this.store.state;
    const { notices, patch } = checkSelection(s, {
      firm: (id) => loaded.entities.has(id),
      deal: (id) => loaded.deals.has(id),
      view: () => this.viewNow(loaded, s).derived,
    });
    if (Object.keys(patch).length > 0) this.store.update(patch, 'replace');
    return notices;
  }

  private afterRestore(parsed: { notices: string[] }): void {
    this.notices = [...parsed.notices, ...this.checkSelection()];
    this.selection.fitLinkedLoop();
  }

  /** Shows an imported set (the import controller's `load`); whether it is the one shown now. */
  private readonly showImported = async (data: DataSet, name: string, fingerprint: string, analysis: FirstViewAnalysis | null): Promise<boolean> => {
    const before = this.store.state;
    this.selection.reset();
    this.store.update({ ...DEFAULT_VIEW_STATE, data: fingerprint }, 'push');
    let shown: boolean;
    try {
      shown = await this.source.showImported(data, name, analysis);
    } catch (error) {
      this.store.update(before, 'replace');
      throw error;
    }
    // Another data set took over meanwhile, or this one could not be shown: the link must not claim it.
    if (!shown) this.store.update(before, 'replace');
    return shown;
  };

  private async exportAs(format: ExportFormat): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) return;
    const s = this.store.state;
    const { derived, sorted } = this.viewNow(loaded, s);
    await exportView(format, { derived, sorted, state: s, cy: this.renderRoot.querySelector('rt-graph')?.cy ?? null, nameOf: this.nameOf, importedName: this.source.importedName });
  }

  private readonly handleResetData = (): void => {
    if (!this.source.hasShipped) return;
    this.importer.clearNotes();
    this.selection.reset();
    this.store.update({ ...DEFAULT_VIEW_STATE }, 'push');
    this.source.backToShipped();
  };

  /** The deals and firms a scenario's loss came through, while the analyst looks at one firm's. */
  @state() private trace: Highlight | null = null;

  /** How firms, deals and loops are named (the shipped names until a set is loaded). */
  private get names(): Names {
    return this.source.loaded?.names ?? NO_NAMES;
  }

  private readonly nameOf = (id: string): string => this.names.nameOf(id);

  /** The derived view and what is drawn from it; null while a large set's is worked out in its worker. */
  private view(loaded: Loaded, s: ViewState): DrawnView | null {
    const derived = this.source.derived(s);
    return derived ? this.drawn.view(derived, s, loaded.data.changes) : null;
  }

  /** The derived view, worked out on the page if need be (checking a link, an export). */
  private viewNow(loaded: Loaded, s: ViewState): DrawnView {
    return this.view(loaded, s) ?? this.drawn.view(loaded.deriver.derive(s), s, loaded.data.changes);
  }

  /** The view last drawn, and of which set: shown while the next one is worked out in the analysis worker. */
  private shownView: { of: Loaded; view: DrawnView } | null = null;

  override render(): TemplateResult {
    const loaded = this.loaded;
    return html`
      <nav class="skip" aria-label="Skip links">
        <a href="#loops" @click=${this.skipToLoops}>Skip to the loops</a>
        <a href="#network" @click=${this.skipToNetwork}>Skip to the network</a>
      </nav>
      <rt-header .importedName=${this.source.importedName} .entities=${loaded?.data.entities ?? []} .searchMiss=${this.selection.searchMiss} ?dark=${this.theme.dark}
        .summary=${loaded ? { deals: loaded.data.deals.length, firms: loaded.data.entities.length, asOf: loaded.data.asOf ?? null } : null}
        @rt-header-action=${this.handleHeader}></rt-header>
      ${this.importer.render()}
      ${this.fileDrop.render()}
      ${this.notices.length > 0
        ? html`<section class="notice" role="alert" aria-label="Parts of the link were ignored">
            <p>Parts of the link were ignored:</p>
            <ul>${this.notices.map((n) => html`<li>${n}</li>`)}</ul>
            <button @click=${() => (this.notices = [])}>Dismiss</button>
          </section>`
        : nothing}
      ${this.source.render()}
      ${loaded ? this.renderExplorer(loaded) : nothing}
      <rt-about .deals=${loaded?.data.deals.length ?? 0} .firms=${loaded?.data.entities.length ?? 0} .asOf=${loaded?.data.asOf ?? null} .lastUpdate=${loaded ? this.lastUpdateOf(loaded) : null}></rt-about>
    `;
  }

  private renderExplorer(loaded: Loaded): TemplateResult {
    const s = this.store.state;
    // The first picture of the whole network needs no loops: it is drawn from the elements alone.
    const sketch = this.source.sketching && drawableWithoutLoops(s);
    const fresh = sketch ? null : this.view(loaded, s);
    // While the worker works out a new view, the last one stays, the new filters hide what they
    // hide at once, and the toolbar says the loops are being found.
    const pending = !sketch && fresh === null;
    const view = fresh ?? (pending && this.shownView?.of === loaded ? this.shownView.view : null);
    if (fresh) this.shownView = { of: loaded, view: fresh };
    const shown = pending ? idsOf(loaded.deriver.viewGraph(s)) : null;
    const derived = view?.derived ?? null;
    const highlight = derived ? this.currentHighlight(derived, s) : null;
    // Looked up only when a loop is shown: the lookup makes every loop of the view.
    const shownLoopId = this.selection.previewLoop ?? s.loop;
    const shownLoop = shownLoopId ? (derived?.loopById.get(shownLoopId) ?? null) : null;
    const scenario = loaded.deriver.scenario(s);
    const distress = scenario ? distressAt(scenario, s.round) : null;
    const graph = shown?.graph ?? derived?.graph ?? loaded.deriver.baseGraph;
    const sketchVisible = shown ?? (view ? null : loaded.deriver.baseVisibility);
    const loopCount = derived && !pending ? `${derived.loops.count}${derived.loops.truncated ? '+' : ''} loops${roundShare(derived.circularity.index)}` : 'finding loops…';
    return html`<main class=${this.wideMeasures && (this.selection.tab === 'measures' || this.selection.tab === 'deals') ? 'wide' : ''}>
      <aside aria-label="Filters" aria-busy=${this.source.panelsWait ? 'true' : 'false'}>
        ${this.source.panelsWait ? nothing : html`<rt-filters .state=${s} .kindsPresent=${loaded.kindsPresent} .lastUpdate=${lastChange(loaded.data.changes)?.date ?? null} minMonth=${loaded.minMonth} maxMonth=${loaded.maxMonth}
          @rt-filter-change=${(e: FilterChangeEvent) => this.store.update(e.patch, 'push')}></rt-filters>
        <rt-legend .kinds=${loaded.kindsPresent} .width=${s.width}></rt-legend>`}
      </aside>
      <section class="center" aria-label="Deal network">
        <rt-toolbar size=${s.size} width=${s.width} .summary=${`${graph.order} firms · ${graph.size} deals · ${loopCount}`} .isolated=${view && !s.hideIsolated ? view.isolated : 0} .drawnPart=${loaded.part}
          @rt-toolbar-change=${(e: ToolbarChangeEvent) => this.store.update(e.patch)} @rt-fit=${() => this.selection.fit(view?.nodes ?? graph.nodes())}>${this.movedFirms.render()}</rt-toolbar>
        <rt-graph .elements=${loaded.elements} .layoutJob=${this.source.layoutJob} .visibleNodes=${shown?.nodes ?? view?.nodes ?? sketchVisible?.nodes ?? null} .visibleEdges=${shown?.edges ?? view?.edges ?? sketchVisible?.edges ?? null}
          .sizes=${view?.sizes ?? null} .edgeWidths=${view?.widths ?? null} .endpoints=${view?.endpoints ?? null} .highlight=${highlight}
          .loopSteps=${this.names.loopSteps(shownLoop)} .distress=${distress} .moved=${s.moved} @rt-firm-move=${this.movedFirms.onMove} .selectedFirm=${s.firm} .selectedDeal=${s.deal} .fitIds=${this.selection.fitIds} .viewport=${s.view} ?dark=${this.theme.dark}
          @rt-firm-select=${this.selection.onFirm} @rt-deal-select=${this.selection.onDeal} @rt-clear-selection=${this.selection.onClear}
          @rt-viewport-change=${(e: ViewportChangeEvent) => this.store.update({ view: e.viewport }, 'replace')}
          @rt-graph-drawn=${this.source.graphWasDrawn}></rt-graph>
        <rt-timeline .months=${loaded.months} .asOf=${s.asOf} .history=${this.timeline.of(loaded.deriver, s, this.source.graphDrawn)}
          @rt-timeline-change=${(e: TimelineChangeEvent) => this.store.update({ asOf: e.asOf }, e.continuous ? 'replace' : 'push')}></rt-timeline>
      </section>
      <section class="panel" aria-label="Details, loops and measures" aria-busy=${this.source.panelsWait || pending ? 'true' : 'false'}>
        ${this.source.panelsWait || !view
          ? nothing
          : html`<rt-panels .tab=${this.selection.tab} ?wide=${this.wideMeasures} .state=${s} .derived=${view.derived} .sorted=${view.sorted} .scenario=${scenario}
              .entities=${loaded.entities} .deals=${loaded.deals} .newDeals=${this.newDealsOf(view.derived, s)} ?dark=${this.theme.dark}
              .nameOf=${this.names.nameOf} .typesOf=${this.names.typesOf} .notesOf=${this.names.notesOf} .dealTitle=${this.names.dealTitle}
              @rt-tab-change=${(e: TabChangeEvent) => this.selection.showTab(e.tab)} @rt-wide-toggle=${() => (this.wideMeasures = !this.wideMeasures)}
              @rt-firm-select=${this.selection.onFirm} @rt-deal-select=${this.selection.onDeal} @rt-loop-select=${this.selection.onLoop} @rt-path-select=${this.selection.onPath}
              @rt-export-request=${(e: ExportRequestEvent) => void this.exportAs(e.format)}
              @rt-loop-preview=${this.selection.onPreview} @rt-sort-change=${(e: SortChangeEvent) => this.store.update({ sort: e.sort })}
              @rt-trace=${(e: TraceEvent) => (this.trace = e.trace ? { nodes: new Set(e.trace.firms), edges: new Set(e.trace.deals) } : null)}
              @rt-scenario-change=${(e: ScenarioChangeEvent) => this.store.update(e.patch, 'round' in e.patch && Object.keys(e.patch).length === 1 ? 'replace' : 'push')}></rt-panels>`}
      </section>
    </main>`;
  }

  private currentHighlight(derived: Derived, s: ViewState): Highlight | null {
    // How a scenario's loss reached a firm: its deals and firms back to the shock.
    if (this.trace && s.shock && this.selection.tab === 'scenario') return this.trace;
    if (this.selection.previewLoop) {
      const loop = derived.loopById.get(this.selection.previewLoop);
      if (loop) return loopHighlight([loop]);
    }
    return highlightOf(s, derived, this.newDealsOf(derived, s));
  }

  /** The last update of the data set, with the titles of the deals it added. */
  private lastUpdateOf(loaded: Loaded): { change: DataChange; added: string[] } | null {
    const change = lastChange(loaded.data.changes);
    return change ? { change, added: change.added.map((id) => loaded.deals.get(id)?.title ?? id) } : null;
  }

  /** The deals added after the state's "new since" date (kept with the drawn view). */
  private newDealsOf(derived: Derived, s: ViewState): ReadonlySet<string> | null {
    return this.drawn.view(derived, s, this.loaded?.data.changes).newDeals;
  }

  private readonly handleGlobalKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.renderRoot.querySelector('rt-about')?.renderRoot.querySelector('dialog[open]')) return;
    this.selection.onClear();
  };

  private readonly skipToLoops = async (event: Event): Promise<void> => {
    event.preventDefault();
    this.selection.showTab('loops');
    await this.updateComplete;
    this.renderRoot.querySelector('rt-panels')?.focusLoops();
  };

  private readonly skipToNetwork = (event: Event): void => {
    event.preventDefault();
    this.renderRoot.querySelector('rt-graph')?.focusGraph();
  };

  private readonly handleHeader = (event: HeaderActionEvent): void => {
    const action = event.action;
    switch (action.kind) {
      case 'search':
        return this.selection.search(action.query);
      case 'open':
        return void this.importer.importFiles(action.files);
      case 'export':
        return void this.exportAs(action.format);
      case 'theme':
        return this.theme.toggle();
      case 'about':
        return this.renderRoot.querySelector<RtAbout>('rt-about')?.show();
      case 'reset-data':
        return this.handleResetData();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-app': RtApp;
  }
}
