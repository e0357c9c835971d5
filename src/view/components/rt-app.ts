/**
 * The Roundtrip explorer: owns the view state and composes the header, the filters, the graph, the
 * story bar and the panels from it (or, embedded in another page, the graph and the caption alone).
 * Its jobs live in controllers (the data set shown, the selection, import, export, the link's
 * checks, the story, the timeline's history, dragged firms, dropped files, the page's keys) and
 * pure modules (what a view derives, what a link names); every analysis runs on the filtered view.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { appStyles } from './rt-app.styles.js';
import { customElement, state } from 'lit/decorators.js';
import { drawableWithoutLoops, type Derived } from '../../state/derive.js';
import { StoreController } from '../../state/store-controller.js';
import { ViewStore } from '../../state/store.js';
import { UrlSync } from '../../state/url-sync.js';
import type { ViewState } from '../../state/view-state.js';
import { ViewCache, type DrawnView } from '../view-cache.js';
import { ViewsShown, type PictureViews } from '../controllers/views-shown.js';
import { lastUpdateOf, type LoadedSet } from '../loaded-set.js';
import { ViewExporter } from '../controllers/export-view.js';
import { ImportController } from '../controllers/import-controller.js';
import { DataSource } from '../controllers/data-source.js';
import { Selection } from '../controllers/selection.js';
import { TimelineHistory } from '../controllers/timeline-history.js';
import { MovedFirms } from '../controllers/moved-firms.js';
import { FileDrop } from '../controllers/file-drop.js';
import { Theme } from '../controllers/theme.js';
import { LinkCheck } from '../controllers/link-check.js';
import { PageKeys } from '../controllers/page-keys.js';
import { StoryPlayer } from '../controllers/story-player.js';
import { fullAppUrl, loopSentence } from '../embed-code.js';
import { distressAt } from '../scenario-view.js';
import type { ViewportChangeEvent, ExportRequestEvent } from '../events.js';
import { lastChange } from '../../model/new-since.js';
import { roundShare } from '../format.js';
import './rt-about.js';
import './rt-toolbar.js';
import type { ToolbarChangeEvent } from './rt-toolbar.js';
import './rt-panels.js';
import type { TabChangeEvent } from './rt-panels.js';
import { onHeaderAction } from './rt-header.js';
import type { RtAbout } from './rt-about.js';
import type { SortChangeEvent } from './rt-cycles.js';
import type { FilterChangeEvent } from './rt-filters.js';
import './rt-filters.js';
import '../cytoscape/rt-graph.js';
import './rt-legend.js';
import type { ScenarioChangeEvent } from './rt-scenario.js';
import './rt-timeline.js';
import type { TimelineChangeEvent } from './rt-timeline.js';
import './rt-story.js';
import './rt-embedded.js';
import type { DataLoader } from '../controllers/data-source.js';
export type { DataLoader };


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
  private readonly linkCheck = new LinkCheck(this, this.store, () => this.loaded, (loaded, s) => this.views.now(loaded, s).derived, this.initialUrl.notices);
  /** The loop history behind the timeline chart. */
  private readonly timeline = new TimelineHistory(this);
  /** Files dropped on the explorer open as data (or as a story). */
  private readonly fileDrop = new FileDrop(this, (files) => this.openFiles(files));
  /** Light or dark colours (the link's, or the system's). */
  private readonly theme = new Theme(this, this.store);

  /** The data set shown: the shipped one, or an imported one. */
  private readonly source = new DataSource(this, this.store, () => this.afterShown(), () => this.selection.reset());

  private get loaded(): LoadedSet | null {
    return this.source.loaded;
  }

  /** Reading, checking and reporting on the analyst's files. */
  private readonly importer = new ImportController(this, () => this.source.knownEntities, (data, name, fingerprint, analysis) => this.source.switchToImported(data, name, fingerprint, analysis));

  /** Firms the analyst dragged, kept in the link. */
  private readonly movedFirms = new MovedFirms(this.store, (id) => this.nameOf(id), () => this.requestUpdate());

  /** What is drawn from the derived view, kept while nothing it depends on changes. */
  private readonly drawn = new ViewCache();
  /** Which derived view is shown (a large set's comes from its worker). */
  private readonly views = new ViewsShown(this.drawn, (s) => this.source.derived(s));

  /** The firm, deal, loop or path chosen, the tab open and what to bring into view. */
  private readonly selection = new Selection(this, this.store, () => this.drawn.current, () => this.loaded?.data.entities ?? null);

  /** The story played or built, step by step. */
  private readonly story = new StoryPlayer(this, this.store);

  /** Pictures, networks, data and tables of what is shown. */
  private readonly exporter = new ViewExporter(() => {
    const loaded = this.loaded;
    if (!loaded) return null;
    const { derived, sorted } = this.views.now(loaded, this.store.state);
    return { derived, sorted, state: this.store.state, cy: this.renderRoot.querySelector('rt-graph')?.cy ?? null, nameOf: this.nameOf, importedName: this.source.importedName, caption: () => this.story.caption };
  });

  /** Escape, and the arrows through a story. */
  private readonly keys = new PageKeys(this, {
    dialogOpen: () => Boolean(this.renderRoot.querySelector('rt-about')?.renderRoot.querySelector('dialog[open]')),
    clearSelection: () => this.selection.onClear(),
    storyPlaying: () => this.story.story !== null && !this.story.editing,
    stepBy: (by) => this.story.go(this.story.shownIndex + by),
    focusLoops: () => {
      this.selection.showTab('loops');
      void this.updateComplete.then(() => this.renderRoot.querySelector('rt-panels')?.focusLoops());
    },
    focusNetwork: () => this.renderRoot.querySelector('rt-graph')?.focusGraph(),
  });

  /** A story's step is checked like a link; without a saved viewport it shows its loop, its paths, or the whole view. */
  stepShown(s: ViewState): void {
    const loaded = this.loaded;
    this.linkCheck.check();
    if (s.view || !loaded) return;
    const { derived, nodes } = this.views.now(loaded, this.store.state);
    this.selection.fitView(this.store.state, derived, nodes);
  }

  focusDetails(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('rt-panels')?.focusDetails());
  }

  get viewStore(): ViewStore {
    return this.store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.source.load(this.loader, (linked) =>
      this.linkCheck.add([`data: this link was made with an imported data set (${linked}) that this browser does not have; the shipped data is shown, so firms, deals and loops may differ`]),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.urlSync.stop();
  }

  /** A set is shown: what the link names is checked against it, and the link is kept in step from now on. */
  private afterShown(): void {
    this.linkCheck.check();
    if (this.store.state.shock) this.selection.showTab('scenario');
    this.selection.fitLinkedLoop();
    this.urlSync.start();
  }

  private afterRestore(parsed: { notices: string[] }): void {
    this.linkCheck.check(parsed.notices);
    this.selection.fitLinkedLoop();
  }

  /** Story files open as stories, the rest as data. */
  private openFiles(files: readonly File[]): void {
    const data = this.story.openStoryFiles(files);
    if (data.length > 0) void this.importer.importFiles(data);
  }

  private readonly nameOf = (id: string): string => this.source.names.nameOf(id);

  override render(): TemplateResult {
    const loaded = this.loaded;
    if (this.store.state.embed) return this.renderEmbedded(loaded);
    return html`
      ${this.keys.renderSkipLinks()}
      <rt-header .importedName=${this.source.importedName} .entities=${loaded?.data.entities ?? []} .searchMiss=${this.selection.searchMiss} ?dark=${this.theme.dark}
        .summary=${loaded ? { deals: loaded.data.deals.length, firms: loaded.data.entities.length, asOf: loaded.data.asOf ?? null } : null}
        .embedTitle=${this.story.frameTitle} @rt-header-action=${this.handleHeader}></rt-header>
      ${this.importer.render()}
      ${this.fileDrop.render()}
      ${this.linkCheck.render()}
      ${this.source.render()}
      ${loaded ? this.renderExplorer(loaded) : nothing}
      <rt-about .deals=${loaded?.data.deals.length ?? 0} .firms=${loaded?.data.entities.length ?? 0} .asOf=${loaded?.data.asOf ?? null} .lastUpdate=${loaded ? lastUpdateOf(loaded) : null}></rt-about>
    `;
  }

  private renderExplorer(loaded: LoadedSet): TemplateResult {
    const s = this.store.state;
    // The first picture of the whole network needs no loops: it is drawn from the elements alone.
    // While a worker works out a new view, the last one stays, the new filters hide what they
    // hide at once, and the toolbar says the loops are being found.
    const { view, shown, pending } = this.views.forPicture(loaded, s, this.source.sketching && drawableWithoutLoops(s));
    const derived = view?.derived ?? null;
    const scenario = loaded.deriver.scenario(s);
    const graph = shown?.graph ?? derived?.graph ?? loaded.deriver.baseGraph;
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
        ${this.renderStory(false)}
        ${this.renderGraph(loaded, view, shown)}
        <rt-timeline .months=${loaded.months} .asOf=${s.asOf} .history=${this.timeline.of(loaded.deriver, s, this.source.graphDrawn)}
          @rt-timeline-change=${(e: TimelineChangeEvent) => this.store.update({ asOf: e.asOf }, e.continuous ? 'replace' : 'push')}></rt-timeline>
      </section>
      <section class="panel" aria-label="Details, loops and measures" aria-busy=${this.source.panelsWait || pending ? 'true' : 'false'}>
        ${this.source.panelsWait || !view
          ? nothing
          : html`<rt-panels .tab=${this.selection.tab} ?wide=${this.wideMeasures} .state=${s} .derived=${view.derived} .sorted=${view.sorted} .scenario=${scenario}
              .entities=${loaded.entities} .deals=${loaded.deals} .newDeals=${this.newDealsOf(view.derived, s)} ?dark=${this.theme.dark}
              .nameOf=${this.source.names.nameOf} .typesOf=${this.source.names.typesOf} .notesOf=${this.source.names.notesOf} .dealTitle=${this.source.names.dealTitle}
              @rt-tab-change=${(e: TabChangeEvent) => this.selection.showTab(e.tab)} @rt-wide-toggle=${() => (this.wideMeasures = !this.wideMeasures)}
              @rt-firm-select=${this.selection.onFirm} @rt-deal-select=${this.selection.onDeal} @rt-loop-select=${this.selection.onLoop} @rt-path-select=${this.selection.onPath}
              @rt-export-request=${(e: ExportRequestEvent) => void this.exporter.exportAs(e.format)}
              @rt-loop-preview=${this.selection.onPreview} @rt-sort-change=${(e: SortChangeEvent) => this.store.update({ sort: e.sort })}
              @rt-trace=${this.selection.onTrace}
              @rt-scenario-change=${(e: ScenarioChangeEvent) => this.store.update(e.patch, 'round' in e.patch && Object.keys(e.patch).length === 1 ? 'replace' : 'push')}></rt-panels>`}
      </section>
    </main>`;
  }

  /** The network itself, the same in the full app and the embedded view. */
  private renderGraph(loaded: LoadedSet, view: DrawnView | null, shown: PictureViews['shown'] = null): TemplateResult {
    const s = this.store.state;
    const derived = view?.derived ?? null;
    const highlight = derived ? this.selection.highlight(derived, s, this.newDealsOf(derived, s)) : null;
    // Looked up only when a loop is shown: the lookup makes every loop of the view.
    const shownLoopId = this.selection.previewLoop ?? s.loop;
    const shownLoop = shownLoopId ? (derived?.loopById.get(shownLoopId) ?? null) : null;
    const scenario = loaded.deriver.scenario(s);
    const distress = scenario ? distressAt(scenario, s.round) : null;
    const sketchVisible = shown ?? (view ? null : loaded.deriver.baseVisibility);
    return html`<rt-graph .elements=${loaded.elements} .layoutJob=${this.source.layoutJob} .visibleNodes=${shown?.nodes ?? view?.nodes ?? sketchVisible?.nodes ?? null} .visibleEdges=${shown?.edges ?? view?.edges ?? sketchVisible?.edges ?? null}
          .sizes=${view?.sizes ?? null} .edgeWidths=${view?.widths ?? null} .endpoints=${view?.endpoints ?? null} .highlight=${highlight}
          .loopSteps=${this.source.names.loopSteps(shownLoop)} .distress=${distress} .moved=${s.moved} @rt-firm-move=${this.movedFirms.onMove} .selectedFirm=${s.firm} .selectedDeal=${s.deal} .fitIds=${this.selection.fitIds} .viewport=${s.view} ?dark=${this.theme.dark} ?glide=${this.story.story !== null}
          @rt-firm-select=${this.selection.onFirm} @rt-deal-select=${this.selection.onDeal} @rt-clear-selection=${this.selection.onClear}
          @rt-viewport-change=${(e: ViewportChangeEvent) => this.store.update({ view: e.viewport }, 'replace')}
          @rt-graph-drawn=${this.source.graphWasDrawn}></rt-graph>`;
  }

  private renderStory(compact: boolean): TemplateResult {
    const story = this.story;
    return html`<rt-story .story=${story.story} .index=${story.shownIndex} ?editing=${story.editing} ?unlinked=${story.unlinked} ?compact=${compact} .problems=${story.problems} .note=${story.dataNote}
      @rt-story-action=${this.story.onAction}></rt-story>`;
  }

  /** Inside another page (`embed=1`): the graph and the story's caption, and the way to the full app. */
  private renderEmbedded(loaded: LoadedSet | null): TemplateResult {
    const s = this.store.state;
    const view = loaded && !(this.source.sketching && drawableWithoutLoops(s)) ? this.views.now(loaded, s) : null;
    return html`<rt-embedded .heading=${this.story.frameTitle} .openUrl=${fullAppUrl(location.href)} .caption=${!this.story.story && view && s.loop ? loopSentence(view.derived, s.loop) : null}>
      <div slot="status" class="contents">${this.source.render()}</div>
      <div slot="graph" class="contents">${loaded ? this.renderGraph(loaded, view) : nothing}</div>
      <div slot="story" class="contents">${this.renderStory(true)}</div>
    </rt-embedded>`;
  }

  /** The deals added after the state's "new since" date (kept with the drawn view). */
  private newDealsOf(derived: Derived, s: ViewState): ReadonlySet<string> | null {
    return this.drawn.view(derived, s, this.loaded?.data.changes).newDeals;
  }

  /** Each header button's action, handed to the controller whose job it is. */
  private readonly handleHeader = onHeaderAction({
    search: (a) => this.selection.search(a.query),
    open: (a) => this.openFiles(a.files),
    export: (a) => void this.exporter.exportAs(a.format, { amounts: a.amounts }),
    theme: () => this.theme.toggle(),
    about: () => this.renderRoot.querySelector<RtAbout>('rt-about')?.show(),
    'reset-data': () => {
      this.importer.clearNotes();
      this.source.switchToShipped();
    },
    'story-play': (a) => void this.story.playShipped(a.name),
    'story-new': () => void this.story.startNew(this.store.state.data),
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-app': RtApp;
  }
}
