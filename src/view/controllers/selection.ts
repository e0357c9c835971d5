/**
 * What the analyst points at: the firm, deal, loop or traced path chosen (kept in the view state,
 * so in the link), the loop previewed under the pointer, the panel tab open, and which firms the
 * graph should bring into view next. Every change of selection on the analyst's behalf goes
 * through here, so the rules (a new firm clears the deal and loop, a loop fits the view) hold
 * wherever the click came from.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Entity } from '../../data/types.js';
import { highlightOf, loopHighlight, tracedPaths, type Derived, type Highlight } from '../../state/derive.js';
import type { ViewState } from '../../state/view-state.js';
import type { TraceEvent } from '../components/rt-scenario.js';
import type { ViewStore } from '../../state/store.js';
import { findFirm } from '../../model/find-firm.js';
import type { ClearSelectionEvent, DealSelectEvent, FirmSelectEvent, LoopPreviewEvent, LoopSelectEvent, PathSelectEvent } from '../events.js';
import type { Tab } from '../components/rt-panels.js';

export interface SelectionHost extends ReactiveControllerHost {
  /** Moves the focus to the details panel once it shows the firm found. */
  focusDetails(): void;
}

export class Selection implements ReactiveController {
  /** The side panel's tab. */
  tab: Tab = 'details';
  /** The loop lit up while the pointer is on its row; not kept in the link. */
  previewLoop: string | null = null;
  /** Firms to bring into view at the next drawing; null keeps the view. */
  fitIds: readonly string[] | null = null;
  /** Said when a search finds no firm. */
  searchMiss = '';
  /** The deals and firms a scenario's loss came through, while the analyst looks at one firm's. */
  trace: Highlight | null = null;

  constructor(
    private readonly host: SelectionHost,
    private readonly store: ViewStore,
    /** The derived view now drawn, if any. */
    private readonly current: () => Derived | null,
    /** The data set's firms, once loaded. */
    private readonly entities: () => readonly Entity[] | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private changed(): void {
    this.host.requestUpdate();
  }

  showTab(tab: Tab): void {
    this.tab = tab;
    this.changed();
  }

  /** Forgets the preview and the pending fit (a new data set or a reset view). */
  reset(): void {
    this.previewLoop = null;
    this.fitIds = null;
    this.changed();
  }

  /** After the state came from a link or the history: the loop it names is brought into view, unless the link saved a viewport. */
  fitLinkedLoop(): void {
    this.previewLoop = null;
    const s = this.store.state;
    const loop = s.loop ? this.current()?.loopById.get(s.loop) : undefined;
    if (loop && !s.view) this.fitIds = [...loop.firms];
    this.changed();
  }

  /** Brings these firms into view, dropping any saved viewport (the link then reproduces the fit). */
  fit(firms: Iterable<string>): void {
    this.store.update({ view: null }, 'replace');
    this.fitIds = [...firms];
    this.changed();
  }

  readonly onFirm = (event: FirmSelectEvent): void => {
    this.store.update({ firm: event.firm, deal: null, loop: null, path: null });
    this.showTab('details');
  };

  readonly onDeal = (event: DealSelectEvent): void => {
    this.store.update({ deal: event.deal, loop: null });
    // From the deals table the analyst stays in it (the row is marked, the deal lit up); elsewhere
    // the deal's details open.
    if (this.tab !== 'deals') this.showTab('details');
  };

  readonly onLoop = (event: LoopSelectEvent): void => {
    const loop = event.loop ? this.current()?.loopById.get(event.loop) : undefined;
    // Fitting to the loop replaces any saved viewport: the link then reproduces the fit.
    this.store.update(loop ? { loop: event.loop, deal: null, view: null } : { loop: event.loop, deal: null });
    if (loop) this.fitIds = [...loop.firms];
    this.changed();
  };

  readonly onPreview = (event: LoopPreviewEvent): void => {
    this.previewLoop = event.loop;
    this.changed();
  };

  readonly onPath = (event: PathSelectEvent): void => {
    this.store.update({ path: event.path, loop: null, deal: null, view: null });
    this.tab = 'details';
    if (event.path) this.fitIds = pathFirms(this.current(), event.path);
    this.changed();
  };

  /** Brings a view's loop, its traced paths, or all its firms into sight (a story's step). */
  fitView(s: ViewState, derived: Derived, all: Iterable<string>): void {
    const loop = s.loop ? derived.loopById.get(s.loop) : undefined;
    this.fitIds = loop ? [...loop.firms] : s.path ? pathFirms(derived, s.path) : [...all];
    this.changed();
  }

  readonly onTrace = (event: TraceEvent): void => {
    this.trace = event.trace ? { nodes: new Set(event.trace.firms), edges: new Set(event.trace.deals) } : null;
    this.changed();
  };

  /** What the graph lights up: a scenario's traced loss, the loop under the pointer, or what the view selects. */
  highlight(derived: Derived, s: ViewState, newDeals: ReadonlySet<string> | null): Highlight | null {
    if (this.trace && s.shock && this.tab === 'scenario') return this.trace;
    if (this.previewLoop) {
      const loop = derived.loopById.get(this.previewLoop);
      if (loop) return loopHighlight([loop]);
    }
    return highlightOf(s, derived, newDeals);
  }

  readonly onClear = (_event?: ClearSelectionEvent): void => {
    this.previewLoop = null;
    this.store.update({ firm: null, deal: null, loop: null, path: null });
    this.changed();
  };

  /** Selects the firm a query names, brings it into view and focuses its details; says so when none matches. */
  search(query: string): void {
    const entities = this.entities();
    if (!entities) return;
    const match = findFirm(entities, query);
    if (!match) {
      this.searchMiss = `No firm matches "${query.trim()}".`;
      this.changed();
      return;
    }
    this.searchMiss = '';
    this.store.update({ firm: match, deal: null, loop: null, view: null });
    this.fitIds = [match];
    this.showTab('details');
    // The focus goes to the firm found: its loops are the next stops of the Tab key.
    this.host.focusDetails();
  }
}

/** Every firm on the paths traced in a view (or the two firms, when no path joins them). */
function pathFirms(derived: Derived | null, path: { from: string; to: string }): string[] {
  const firms = derived ? tracedPaths(derived.graph, path).paths.flatMap((p) => p.firms) : [];
  return firms.length > 0 ? [...new Set(firms)] : [path.from, path.to];
}
