/**
 * The deal network drawn with Cytoscape: the only component that touches Cytoscape. It is longer
 * than most files (about 450 lines) because it is the one place where Cytoscape's instance lives:
 * creating it, its events (taps, hover, drag, keyboard), the layout's positions, fitting and the
 * saved viewport. What is set on each element lives in element-state.ts, and how the elements are
 * added in add-elements.ts.
 *
 * It lays out the full data set once, in a worker (seeded, so the same data always gives the same
 * picture; cancellable, with a grid standing in), and keeps those positions: filtering hides elements instead of moving the rest, so a filter change
 * costs a restyle, not a layout. Selection and highlights are set from the app's state; taps on
 * firms, deals and the background become events. Node ids are firm ids and edge ids deal ids.
 *
 * @fires rt-firm-select - A firm was clicked.
 * @fires rt-deal-select - A deal (edge) was clicked.
 * @fires rt-clear-selection - The empty canvas was clicked.
 * @fires rt-viewport-change - The analyst zoomed or panned.
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { graphStyles } from './rt-graph.styles.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { Highlight } from '../../state/derive.js';
import type { MovedFirm, Viewport } from '../../state/view-state.js';
import type { GraphElements } from '../elements.js';
import { ClearSelectionEvent, DealSelectEvent, FirmMoveEvent, FirmSelectEvent, ViewportChangeEvent } from '../events.js';
import { installRendererHooks, type HookReport } from './renderer-hooks.js';
import { ElementState } from './element-state.js';
import { ARROW_DIRECTIONS, nearestInDirection, nearestTo, type Direction, type Placed } from '../keyboard-nav.js';
import { resizeAfterPageScroll } from './page-scroll.js';
import { fitViewport } from '../fit.js';
import { graphStylesheet, NODE_FONT_SIZE, NODE_LABEL_GAP, STRAIGHT_EDGES_ABOVE } from './graph-stylesheet.js';
import { applyDetours } from './detours.js';
import { afterThisFrame } from '../after-frame.js';
import { LayoutCancelled, startLayout, type LayoutJob } from '../layout-client.js';
import { addInSlices, ONE_SLICE_AT_MOST } from './add-elements.js';
import { gridPositions, layoutRequestFor, type Positions } from '../../layout/layout.js';

export { LABELLED_DEALS_AT_MOST } from './element-state.js';

/** A resize of up to this many pixels keeps a fitted view as it is (the fit pads by 40). */
const RESIZE_KEEPS_FIT_PX = 4;

export interface LoopStep {
  /** 1-based position of the hop in the loop. */
  step: number;
  label: string;
}

@customElement('rt-graph')
export class RtGraph extends LitElement {
  static override styles = graphStyles;

  /** Every firm and deal of the data set; a new value lays the graph out again. */
  @property({ attribute: false }) elements: GraphElements | null = null;
  /** Firms and deals the filters keep; null shows all. */
  @property({ attribute: false }) visibleNodes: ReadonlySet<string> | null = null;
  @property({ attribute: false }) visibleEdges: ReadonlySet<string> | null = null;
  /**
   * Deals drawn between other firms than their own, by deal id: a deal of an acquired firm is drawn
   * from or to its acquirer in a view after the acquisition. Null: every deal between its own firms.
   */
  @property({ attribute: false }) endpoints: ReadonlyMap<string, { source: string; target: string }> | null = null;
  /** Deal widths by deal id when they show something other than the amount (the circular part); null: by amount. */
  @property({ attribute: false }) edgeWidths: ReadonlyMap<string, number> | null = null;
  /** Node diameters by firm id (from the sizing measure of the filtered view). */
  @property({ attribute: false }) sizes: ReadonlyMap<string, number> | null = null;
  /** What to emphasise; everything else is dimmed. Null dims nothing. */
  @property({ attribute: false }) highlight: Highlight | null = null;
  /** Step labels of the highlighted loop's deals, by deal id. */
  @property({ attribute: false }) loopSteps: ReadonlyMap<string, LoopStep> | null = null;
  @property({ attribute: false }) selectedFirm: string | null = null;
  @property({ attribute: false }) selectedDeal: string | null = null;
  /** Firms to fit the view to; a new array refits. */
  @property({ attribute: false }) fitIds: readonly string[] | null = null;
  /** Zoom and pan to restore; null fits the visible graph. */
  @property({ attribute: false }) viewport: Viewport | null = null;
  @property({ type: Boolean }) dark = false;
  /** Moves of the view made by code (a story's steps) glide instead of jumping. */
  @property({ type: Boolean }) glide = false;
  /** Distress (0..1) per firm while a shock scenario is shown; null colours firms by kind. */
  @property({ attribute: false }) distress: ReadonlyMap<string, number> | null = null;
  /** Firms the analyst dragged, drawn where they were dropped instead of at the layout's place. */
  @property({ attribute: false }) moved: readonly MovedFirm[] = [];
  /** Positions being computed for `elements` (started early by the app); null lays out here. */
  @property({ attribute: false }) layoutJob: LayoutJob | null = null;

  @state() private layingOut = false;
  /** The firm the keyboard is on (drawn with the hover halo), and its name for screen readers. */
  private keyboardFirm: string | null = null;
  @state() private keyboardName = '';
  @state() private showProgress = false;
  /** Fraction of the running layout done, as its worker reports it. */
  @state() private layoutDone = 0;
  /** Says when the layout was cancelled or failed and the grid stands in. */
  @state() private layoutNote = '';
  private runningLayout: LayoutJob | null = null;

  private instance: Core | null = null;
  /** What is set on the drawn elements, kept in step with the properties. */
  private readonly drawnState = new ElementState(this);
  /** Which renderer hooks took on this instance (browser tests read it). */
  hooks: HookReport | null = null;
  private viewportTimer: ReturnType<typeof setTimeout> | undefined;
  /** True while the app, not the analyst, moves the view, so no viewport event echoes back. */
  private movingByCode = false;
  /**
   * What the view was last fitted to (the firms, or null for all shown), while the analyst has not
   * moved it since: when the pane changes size (panels appear, the window or a panel is resized) the
   * view is fitted again, so the whole network (or loop) stays in view.
   */
  private fittedTo: { ids: readonly string[] | null; width: number; height: number } | null = null;

  /** The stylesheet last handed to Cytoscape, as JSON: setting one restyles every element. */
  private stylesheetText = '';

  /** The stylesheet for the current theme and size, and whether it differs from the one last set. */
  private nextStylesheet(): { stylesheet: cytoscape.StylesheetJson; changed: boolean } {
    const stylesheet = graphStylesheet(this.dark, this.elements?.edges.length ?? 0);
    const text = JSON.stringify(stylesheet);
    const changed = text !== this.stylesheetText;
    this.stylesheetText = text;
    return { stylesheet, changed };
  }

  /** The Cytoscape instance, for tests and analysts' own scripts. Read-only by convention. */
  get cy(): Core | null {
    return this.instance;
  }

  override render(): TemplateResult {
    return html`
      <div id="cy" part="canvas" tabindex="0" role="application" aria-roledescription="network"
        aria-label="Deal network. Arrow keys move between firms, Enter selects the firm, Escape clears the selection."
        @keydown=${this.handleKey} @blur=${() => this.markKeyboardFirm(null)}></div>
      <div class="sr" aria-live="polite" data-keyboard-firm>${this.keyboardName}</div>
      ${this.layingOut && this.showProgress
        ? html`<div class="overlay" role="status">Laying out ${this.elements?.nodes.length ?? 0} firms and ${this.elements?.edges.length ?? 0} deals…
            <progress max="100" .value=${Math.round(this.layoutDone * 100)} aria-label="Layout progress"></progress>
            <button @click=${() => this.runningLayout?.cancel()}>Cancel</button></div>`
        : nothing}
      ${this.layoutNote ? html`<div class="note" role="status">${this.layoutNote}</div>` : nothing}
      ${this.undrawnNote()}
    `;
  }

  /** Deal ids of the elements, for the note on highlights beyond them (kept per elements value). */
  private drawnDeals: { of: GraphElements; ids: Set<string> } | null = null;

  /**
   * A large network is drawn in part (see model/drawing-budget.ts): when what is highlighted has
   * deals outside that part, the picture cannot show them, and says so.
   */
  private undrawnNote(): TemplateResult | typeof nothing {
    const elements = this.elements;
    const highlight = this.highlight;
    if (!elements || !highlight || highlight.edges.size === 0) return nothing;
    if (this.drawnDeals?.of !== elements) this.drawnDeals = { of: elements, ids: new Set(elements.edges.map((e) => e.id)) };
    const drawn = this.drawnDeals.ids;
    let missing = 0;
    for (const id of highlight.edges) if (!drawn.has(id)) missing++;
    if (missing === 0) return nothing;
    return html`<div class="note undrawn" role="status" data-undrawn=${missing}>${missing} of the ${highlight.edges.size} highlighted deals ${missing === 1 ? 'is' : 'are'} not drawn: the picture shows only the largest deals of this network (the panels list them all).</div>`;
  }

  protected override firstUpdated(): void {
    const container = this.renderRoot.querySelector<HTMLDivElement>('#cy');
    if (!container) return;
    if ((this.elements?.nodes.length ?? 0) + (this.elements?.edges.length ?? 0) <= ONE_SLICE_AT_MOST) {
      this.createInstance(container);
      return;
    }
    // A large picture's Cytoscape is made in a task of its own: made while the page renders its
    // panels it was a quarter of that task (its layout is still running meanwhile anyway).
    setTimeout(() => {
      if (!this.isConnected || this.instance) return;
      this.createInstance(container);
      this.requestUpdate('elements');
    }, 0);
  }

  private createInstance(container: HTMLDivElement): void {
    const cy = cytoscape({
      container,
      style: this.nextStylesheet().stylesheet,
      boxSelectionEnabled: false,
      // Positions come from the layout worker; the default grid layout would only be wasted work.
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 6,
    });
    this.instance = cy;
    this.hooks = installRendererHooks(cy);
    // Without the hook, stock Cytoscape measures its container again after a page scroll.
    if (!this.hooks.installed.includes('container position after page scroll')) resizeAfterPageScroll(cy);
    // Hover feedback: a pointer and a halo (and a deal's amount) on what a click would select.
    cy.on('mouseover', 'node, edge', (event) => {
      container.style.cursor = 'pointer';
      (event.target as NodeSingular | EdgeSingular).addClass('hover');
    });
    cy.on('mouseout', 'node, edge', (event) => {
      container.style.cursor = '';
      (event.target as NodeSingular | EdgeSingular).removeClass('hover');
    });
    // Cytoscape says nothing when the pointer leaves the canvas from over an element.
    container.addEventListener('mouseleave', () => {
      container.style.cursor = '';
      cy.$('.hover').removeClass('hover');
    });
    cy.on('tap', 'node', (event) => this.dispatchEvent(new FirmSelectEvent(event.target.id() as string)));
    cy.on('dragfree', 'node', (event) => {
      const node = event.target as NodeSingular;
      const { x, y } = node.position();
      this.drawnState.dropped(node.id());
      this.dispatchEvent(new FirmMoveEvent(node.id(), Math.round(x), Math.round(y)));
    });
    cy.on('tap', 'edge', (event) => this.dispatchEvent(new DealSelectEvent(event.target.id() as string)));
    cy.on('tap', (event) => {
      if (event.target === cy) this.dispatchEvent(new ClearSelectionEvent());
    });
    cy.on('resize', () => {
      const fitted = this.fittedTo;
      if (!fitted || this.layingOut) return;
      // A few pixels (a line of text coming in below) leave the picture inside the fit's padding;
      // refitting would change the zoom a hair and make Cytoscape draw every firm again (a third of
      // a second at 2,000 firms).
      if (Math.abs(cy.width() - fitted.width) <= RESIZE_KEEPS_FIT_PX && Math.abs(cy.height() - fitted.height) <= RESIZE_KEEPS_FIT_PX) return;
      this.fitTo(cy, fitted.ids);
    });
    cy.on('viewport', () => {
      if (this.movingByCode || this.layingOut) return;
      this.fittedTo = null;
      clearTimeout(this.viewportTimer);
      this.viewportTimer = setTimeout(() => {
        const pan = cy.pan();
        this.dispatchEvent(new ViewportChangeEvent({ zoom: round(cy.zoom(), 1000), x: round(pan.x, 1), y: round(pan.y, 1) }));
      }, 200);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.viewportTimer);
    this.runningLayout?.cancel();
    this.instance?.destroy();
    this.instance = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const cy = this.instance;
    if (!cy) return;
    if (changed.has('dark') || changed.has('elements')) {
      const next = this.nextStylesheet();
      if (next.changed) cy.style(next.stylesheet);
    }
    if (changed.has('elements')) {
      void this.replaceElements();
      return;
    }
    if (this.layingOut) return;
    let moved: boolean = false;
    cy.batch(() => {
      // Moving a deal makes a new element: everything else is applied to it afterwards.
      moved = changed.has('endpoints') && this.drawnState.applyEndpoints(cy);
      if (moved || changed.has('visibleNodes') || changed.has('visibleEdges')) this.drawnState.applyVisibility(cy);
      if (moved) this.drawnState.applyWidths(cy);
      if (changed.has('sizes')) this.drawnState.applySizes(cy);
      if (changed.has('edgeWidths')) this.drawnState.applyWidths(cy);
      if (moved || changed.has('highlight') || changed.has('loopSteps') || changed.has('visibleNodes') || changed.has('visibleEdges')) this.drawnState.applyHighlight(cy);
      if (changed.has('selectedFirm') || changed.has('selectedDeal')) this.drawnState.applySelection(cy);
      if (changed.has('distress') || changed.has('dark')) this.drawnState.applyDistress(cy);
      if (changed.has('moved')) this.drawnState.applyMoved(cy);
    });
    if (moved || changed.has('visibleNodes') || changed.has('visibleEdges') || changed.has('sizes') || changed.has('moved')) this.bendDeals(cy);
    if (changed.has('fitIds') && this.fitIds) this.fitTo(cy, this.fitIds);
    else if (changed.has('viewport') && this.viewport) this.applyViewport(cy, this.viewport);
    else if (changed.has('selectedFirm') && this.selectedFirm) this.bringIntoView(cy, this.selectedFirm);
  }

  /** Deals drawn bent out from under a firm. */
  private bentDeals: readonly string[] = [];

  /** Deals whose middle lies under another firm are bent clear of it (curved networks only). */
  private bendDeals(cy: Core): void {
    if ((this.elements?.edges.length ?? 0) > STRAIGHT_EDGES_ABOVE || this.bendPending) return;
    // Once the picture is on screen: the bends refine it and must not hold back the redraw.
    this.bendPending = true;
    afterThisFrame(() => {
      this.bendPending = false;
      if (this.instance !== cy || this.layingOut) return;
      this.bentDeals = applyDetours(cy, (id) => this.drawnState.isHidden(id), this.bentDeals);
    });
  }

  private bendPending = false;

  /** Moves the focus to the network (the skip link's target). */
  focusGraph(): void {
    this.renderRoot.querySelector<HTMLElement>('#cy')?.focus();
  }

  /**
   * The keyboard's way through the picture: an arrow key moves to the nearest shown firm in its
   * direction (from the firm the keyboard is on, the selected firm, or the middle of the view);
   * Enter or Space selects it. Escape is the page's (it clears the selection).
   */
  private readonly handleKey = (event: KeyboardEvent): void => {
    const cy = this.instance;
    if (!cy) return;
    const direction = ARROW_DIRECTIONS[event.key];
    if (direction) {
      event.preventDefault();
      const next = this.nextKeyboardFirm(cy, direction);
      if (next) {
        this.markKeyboardFirm(next);
        this.bringIntoView(cy, next);
      }
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && this.keyboardFirm) {
      event.preventDefault();
      this.dispatchEvent(new FirmSelectEvent(this.keyboardFirm));
    }
  };

  private nextKeyboardFirm(cy: Core, direction: Direction): string | null {
    const shown: Placed[] = [];
    cy.nodes().forEach((node) => {
      if (!this.drawnState.isHidden(node.id())) shown.push({ id: node.id(), ...node.position() });
    });
    const fromId = this.keyboardFirm ?? this.selectedFirm;
    const from = fromId ? shown.find((f) => f.id === fromId) : undefined;
    if (from) return nearestInDirection(shown, from, direction);
    const extent = cy.extent();
    return nearestTo(shown, { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 });
  }

  private markKeyboardFirm(id: string | null): void {
    const cy = this.instance;
    if (cy && this.keyboardFirm) cy.getElementById(this.keyboardFirm).removeClass('hover');
    this.keyboardFirm = id;
    if (cy && id) cy.getElementById(id).addClass('hover');
    this.keyboardName = id && cy ? String(cy.getElementById(id).data('label') ?? id) : '';
  }

  /**
   * Pans a firm chosen elsewhere (in a panel's list, say) into the middle of the view when it lies
   * outside it; the zoom stays. The move is the analyst's view from then on (and in the link).
   */
  private bringIntoView(cy: Core, id: string): void {
    const node = cy.getElementById(id);
    if (node.empty() || !node.isNode() || this.drawnState.isHidden(id)) return;
    const { x, y } = node.renderedPosition();
    const margin = 20;
    if (x >= margin && y >= margin && x <= cy.width() - margin && y <= cy.height() - margin) return;
    const zoom = cy.zoom();
    const position = node.position();
    cy.pan({ x: cy.width() / 2 - position.x * zoom, y: cy.height() / 2 - position.y * zoom });
  }

  private async replaceElements(): Promise<void> {
    const cy = this.instance;
    if (!cy) return;
    const elements = this.elements;
    this.runningLayout?.cancel();
    cy.elements().remove();
    this.drawnState.reset();
    this.layoutNote = '';
    if (!elements) return;
    const job = this.layoutJob ?? startLayout(layoutRequestFor({ entities: elements.nodes.map((n) => ({ id: n.id, name: n.label })), deals: elements.edges.map((e) => ({ id: e.id, from: e.source, to: e.target })) }));
    this.runningLayout = job;
    this.layingOut = true;
    this.layoutDone = 0;
    job.onProgress((done) => {
      if (this.runningLayout === job) this.layoutDone = done;
    });
    // The progress note only shows for a layout that takes a while, so small graphs do not flash it.
    const showProgress = setTimeout(() => (this.showProgress = true), 300);
    performance.mark('roundtrip:layout-start');
    let positions: Positions;
    try {
      positions = await job.positions;
    } catch (error) {
      if (this.elements !== elements) return;
      positions = gridPositions(elements.nodes.map((n) => n.id));
      this.layoutNote =
        error instanceof LayoutCancelled
          ? 'Layout cancelled: the firms are placed on a grid.'
          : `The layout failed (${error instanceof Error ? error.message : String(error)}): the firms are placed on a grid.`;
    } finally {
      clearTimeout(showProgress);
    }
    if (this.elements !== elements || this.instance !== cy) return;
    performance.mark('roundtrip:positions');
    this.drawnState.reset(positions);
    const at = (id: string): { x: number; y: number } => ({ ...((Object.hasOwn(positions, id) ? positions[id] : undefined) ?? { x: 0, y: 0 }) });
    const definitions: cytoscape.ElementDefinition[] = [
      ...elements.nodes.map((data) => ({ group: 'nodes' as const, data: { ...data }, position: at(data.id) })),
      ...elements.edges.map((data) => ({ group: 'edges' as const, data: { ...data } })),
    ];
    const added = await addInSlices(cy, definitions, elements.nodes.length, {
      stillWanted: () => this.elements === elements && this.instance === cy,
      applyState: () => this.drawnState.applyAll(cy),
      // The view is fitted once the firms are in.
      firmsIn: () => this.fitFirst(cy),
    });
    if (!added) return;
    this.bendDeals(cy);
    this.layingOut = false;
    this.showProgress = false;
    performance.mark('roundtrip:layout-done');
    cy.one('render', () => {
      performance.mark('roundtrip:graph-drawn');
      this.dispatchEvent(new Event('rt-graph-drawn', { bubbles: true, composed: true }));
    });
    this.fitFirst(cy);
  }

  /** The first view of new elements: the saved viewport, the firms asked for, or all of them. */
  private fitFirst(cy: Core): void {
    if (this.viewport) this.applyViewport(cy, this.viewport);
    else if (this.fitIds) this.fitTo(cy, this.fitIds);
    else this.fitTo(cy, null);
  }

  /** Fits the view to the firms `ids` that are shown, or to every firm shown. */
  private fitTo(cy: Core, ids: readonly string[] | null): void {
    // Own records, positions and data only: nothing here makes Cytoscape style or measure elements.
    const shown = (node: NodeSingular): boolean => !this.drawnState.isHidden(node.id());
    let nodes: NodeSingular[] = [];
    for (const id of ids ?? []) {
      const node = cy.getElementById(id);
      if (node.nonempty() && node.isNode() && shown(node)) nodes.push(node);
    }
    if (nodes.length === 0) nodes = cy.nodes().filter(shown).toArray() as NodeSingular[];
    const viewport = fitViewport(
      nodes.map((node) => ({ x: node.position('x'), y: node.position('y'), size: Number(node.data('size')) || 0, label: String(node.data('label') ?? '') })),
      cy.width(),
      cy.height(),
      { padding: 40, minZoom: cy.minZoom(), maxZoom: 1.6, fontSize: NODE_FONT_SIZE, labelGap: NODE_LABEL_GAP },
    );
    // The pane may have no size yet (a notice above it is still laying out): fit when it gets one.
    this.fittedTo = { ids, width: cy.width(), height: cy.height() };
    if (!viewport) return;
    this.moveTo(cy, viewport);
  }

  /** Sets the view from code: at once, or gliding there when `glide` is on (and motion is welcome). */
  private moveTo(cy: Core, viewport: { zoom: number; pan: { x: number; y: number } }): void {
    this.movingByCode = true;
    cy.stop(true, false);
    if (this.glide && !matchMedia('(prefers-reduced-motion: reduce)').matches) {
      cy.animate(viewport, { duration: 450, easing: 'ease-in-out-sine', complete: () => (this.movingByCode = false) });
      return;
    }
    cy.viewport(viewport);
    this.movingByCode = false;
  }

  private applyViewport(cy: Core, viewport: Viewport): void {
    this.fittedTo = null;
    // The analyst's own pan comes back as state, rounded: applying it again would nudge the view.
    const pan = cy.pan();
    if (Math.abs(cy.zoom() - viewport.zoom) < 0.002 && Math.abs(pan.x - viewport.x) < 0.2 && Math.abs(pan.y - viewport.y) < 0.2) return;
    this.moveTo(cy, { zoom: viewport.zoom, pan: { x: viewport.x, y: viewport.y } });
  }
}

function round(value: number, precision: number): number {
  return Math.round(value * precision) / precision;
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-graph': RtGraph;
  }
}
