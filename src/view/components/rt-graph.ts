/**
 * The deal network drawn with Cytoscape: the only component that touches Cytoscape.
 *
 * It lays out the full data set once (seeded, so the same data always gives the same picture) and
 * keeps those positions: filtering hides elements instead of moving the rest, so a filter change
 * costs a restyle, not a layout. Selection and highlights are set from the app's state; taps on
 * firms, deals and the background become events. Node ids are firm ids and edge ids deal ids.
 *
 * @fires rt-firm-select - A firm was clicked.
 * @fires rt-deal-select - A deal (edge) was clicked.
 * @fires rt-clear-selection - The empty canvas was clicked.
 * @fires rt-viewport-change - The analyst zoomed or panned.
 */
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Highlight } from '../../state/derive.js';
import type { Viewport } from '../../state/view-state.js';
import type { GraphElements } from '../elements.js';
import { ClearSelectionEvent, DealSelectEvent, FirmSelectEvent, ViewportChangeEvent } from '../events.js';
import { graphStylesheet } from '../graph-stylesheet.js';
import { withSeededRandom } from '../seeded-random.js';

cytoscape.use(fcose);

/** Layout seed: changing it changes every picture (and every shared link's positions). */
const LAYOUT_SEED = 20_251_125;

/** Above this many firms the layout runs at draft quality, which is ~50× faster. */
const DRAFT_LAYOUT_ABOVE = 300;

export interface LoopStep {
  /** 1-based position of the hop in the loop. */
  step: number;
  label: string;
}

@customElement('rt-graph')
export class RtGraph extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 320px;
    }
    #cy {
      position: absolute;
      inset: 0;
    }
    .overlay {
      position: absolute;
      inset: auto 0 0 0;
      margin: auto;
      top: 0;
      width: fit-content;
      height: fit-content;
      padding: 0.6rem 1rem;
      border-radius: 6px;
      background: color-mix(in srgb, Canvas 90%, CanvasText 10%);
      font-size: 0.9rem;
    }
  `;

  /** Every firm and deal of the data set; a new value lays the graph out again. */
  @property({ attribute: false }) elements: GraphElements | null = null;
  /** Firms and deals the filters keep; null shows all. */
  @property({ attribute: false }) visibleNodes: ReadonlySet<string> | null = null;
  @property({ attribute: false }) visibleEdges: ReadonlySet<string> | null = null;
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

  @state() private layingOut = false;

  private instance: Core | null = null;
  private viewportTimer: ReturnType<typeof setTimeout> | undefined;
  /** True while the app, not the analyst, moves the view, so no viewport event echoes back. */
  private movingByCode = false;

  /** The Cytoscape instance, for tests and analysts' own scripts. Read-only by convention. */
  get cy(): Core | null {
    return this.instance;
  }

  override render(): TemplateResult {
    return html`
      <div id="cy" part="canvas"></div>
      ${this.layingOut ? html`<div class="overlay" role="status">Laying out ${this.elements?.nodes.length ?? 0} firms…</div>` : nothing}
    `;
  }

  protected override firstUpdated(): void {
    const container = this.renderRoot.querySelector<HTMLDivElement>('#cy');
    if (!container) return;
    const cy = cytoscape({
      container,
      style: graphStylesheet(this.dark, this.elements?.edges.length ?? 0),
      boxSelectionEnabled: false,
      minZoom: 0.05,
      maxZoom: 6,
    });
    this.instance = cy;
    cy.on('tap', 'node', (event) => this.dispatchEvent(new FirmSelectEvent(event.target.id() as string)));
    cy.on('tap', 'edge', (event) => this.dispatchEvent(new DealSelectEvent(event.target.id() as string)));
    cy.on('tap', (event) => {
      if (event.target === cy) this.dispatchEvent(new ClearSelectionEvent());
    });
    cy.on('viewport', () => {
      if (this.movingByCode || this.layingOut) return;
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
    this.instance?.destroy();
    this.instance = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const cy = this.instance;
    if (!cy) return;
    if (changed.has('dark') || changed.has('elements')) cy.style(graphStylesheet(this.dark, this.elements?.edges.length ?? 0));
    if (changed.has('elements')) {
      void this.replaceElements();
      return;
    }
    if (this.layingOut) return;
    cy.batch(() => {
      if (changed.has('visibleNodes') || changed.has('visibleEdges')) this.applyVisibility(cy);
      if (changed.has('sizes')) this.applySizes(cy);
      if (changed.has('highlight') || changed.has('loopSteps') || changed.has('visibleNodes') || changed.has('visibleEdges')) this.applyHighlight(cy);
      if (changed.has('selectedFirm') || changed.has('selectedDeal')) this.applySelection(cy);
    });
    if (changed.has('fitIds') && this.fitIds) this.fitTo(cy, this.fitIds);
    else if (changed.has('viewport') && this.viewport) this.applyViewport(cy, this.viewport);
  }

  private async replaceElements(): Promise<void> {
    const cy = this.instance;
    if (!cy) return;
    const elements = this.elements;
    cy.elements().remove();
    if (!elements) return;
    if (elements.nodes.length > DRAFT_LAYOUT_ABOVE / 3) {
      // A layout that takes a while: let the progress note paint before it takes the main thread.
      this.layingOut = true;
      await this.updateComplete;
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (this.elements !== elements || this.instance !== cy) return;
    }
    cy.batch(() => {
      cy.add(elements.nodes.map((data) => ({ group: 'nodes' as const, data: { ...data } })));
      cy.add(elements.edges.map((data) => ({ group: 'edges' as const, data: { ...data } })));
    });
    performance.mark('roundtrip:layout-start');
    const quality = elements.nodes.length > DRAFT_LAYOUT_ABOVE ? 'draft' : 'default';
    withSeededRandom(LAYOUT_SEED, () => {
      cy.layout({
        name: 'fcose',
        quality,
        randomize: true,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: true,
        // Short ideal edges with strong repulsion and gravity keep the picture compact, so labels
        // stay readable when the whole network is fitted on screen.
        idealEdgeLength: () => 60,
        nodeRepulsion: () => 8000,
        nodeSeparation: 75,
        gravity: 1.2,
        gravityRange: 1.5,
        packComponents: true,
        tile: true,
        tilingPaddingVertical: 20,
        tilingPaddingHorizontal: 20,
      } as cytoscape.LayoutOptions).run();
    });
    cy.batch(() => {
      this.applyVisibility(cy);
      this.applySizes(cy);
      this.applyHighlight(cy);
      this.applySelection(cy);
    });
    this.layingOut = false;
    performance.mark('roundtrip:layout-done');
    cy.one('render', () => {
      performance.mark('roundtrip:graph-drawn');
      this.dispatchEvent(new Event('rt-graph-drawn', { bubbles: true, composed: true }));
    });
    if (this.viewport) this.applyViewport(cy, this.viewport);
    else if (this.fitIds) this.fitTo(cy, this.fitIds);
    else this.fitTo(cy, null);
  }

  /*
   * The apply* methods only touch elements whose state changes: every class change makes Cytoscape
   * restyle the element, which dominates the cost of a filter change on thousands of deals.
   */

  private applyVisibility(cy: Core): void {
    const nodes = this.visibleNodes;
    const edges = this.visibleEdges;
    cy.nodes().forEach((node) => {
      const hidden = nodes !== null && !nodes.has(node.id());
      if (node.hasClass('hidden') !== hidden) node.toggleClass('hidden', hidden);
    });
    cy.edges().forEach((edge) => {
      const hidden = edges !== null && !edges.has(edge.id());
      if (edge.hasClass('hidden') !== hidden) edge.toggleClass('hidden', hidden);
    });
  }

  private applySizes(cy: Core): void {
    const sizes = this.sizes;
    if (!sizes) return;
    cy.nodes().forEach((node) => {
      const size = sizes.get(node.id());
      if (size !== undefined && node.data('size') !== size) node.data('size', size);
    });
  }

  private applyHighlight(cy: Core): void {
    const highlight = this.highlight;
    const steps = this.loopSteps;
    cy.elements().forEach((element) => {
      const id = element.id();
      const lit = highlight !== null && (element.isNode() ? highlight.nodes.has(id) : highlight.edges.has(id));
      const dim = highlight !== null && !lit;
      if (element.hasClass('highlighted') !== lit) element.toggleClass('highlighted', lit);
      if (element.hasClass('dimmed') !== dim) element.toggleClass('dimmed', dim);
    });
    cy.edges('[step]').forEach((edge) => {
      if (!steps?.has(edge.id())) edge.removeData('step stepLabel');
    });
    if (steps) {
      for (const [id, step] of steps) {
        const edge = cy.getElementById(id);
        if (edge.nonempty() && edge.data('step') !== step.step) edge.data({ step: step.step, stepLabel: step.label });
      }
    }
  }

  private applySelection(cy: Core): void {
    const wanted = this.selectedDeal ?? this.selectedFirm;
    cy.$(':selected').forEach((element) => {
      if (element.id() !== wanted) element.unselect();
    });
    if (wanted) {
      const element = cy.getElementById(wanted);
      if (element.nonempty() && !element.selected()) element.select();
    }
  }

  private fitTo(cy: Core, ids: readonly string[] | null): void {
    this.movingByCode = true;
    const visible = cy.elements(':visible');
    let target = visible;
    if (ids) {
      target = cy.collection();
      for (const id of ids) target = target.union(cy.getElementById(id));
    }
    cy.fit(target.nonempty() ? target : visible, 40);
    if (cy.zoom() > 1.6) cy.zoom({ level: 1.6, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    this.movingByCode = false;
  }

  private applyViewport(cy: Core, viewport: Viewport): void {
    // The analyst's own pan comes back as state, rounded: applying it again would nudge the view.
    const pan = cy.pan();
    if (Math.abs(cy.zoom() - viewport.zoom) < 0.002 && Math.abs(pan.x - viewport.x) < 0.2 && Math.abs(pan.y - viewport.y) < 0.2) return;
    this.movingByCode = true;
    cy.viewport({ zoom: viewport.zoom, pan: { x: viewport.x, y: viewport.y } });
    this.movingByCode = false;
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
