/**
 * The bar above the graph: what the firms are sized by and what deal widths show, the view in
 * numbers (firms, deals, loops, how much goes round, firms left without a deal, the part of a large
 * network drawn), and Fit. Extra controls (the dragged firms' reset) come in its slot.
 *
 * @fires rt-toolbar-change - The analyst changed the sizing, the widths, or hid the firms without a deal.
 * @fires rt-fit - The analyst asked to fit the view.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DrawnPart } from '../../model/drawing-budget.js';
import { EDGE_WIDTHS, SIZE_MEASURES, type EdgeWidth, type SizeMeasure, type ViewState } from '../../state/view-state.js';

const SIZE_LABEL: Record<SizeMeasure, string> = {
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
  strength: 'Money in + out',
  circularity: 'Circularity',
  loops: 'Loops through',
  none: 'Same size',
};

const WIDTH_LABEL: Record<EdgeWidth, string> = {
  amount: 'Amount',
  circular: 'Part that goes round',
};

export class ToolbarChangeEvent extends Event {
  static readonly type = 'rt-toolbar-change';
  constructor(readonly patch: Partial<Pick<ViewState, 'size' | 'width' | 'hideIsolated'>>) {
    super(ToolbarChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-toolbar-change': ToolbarChangeEvent;
    'rt-fit': Event;
  }
}

/** Says that the picture draws only part of a large network, and which part. */
function partNote(part: DrawnPart | null): TemplateResult | typeof nothing {
  if (!part) return nothing;
  const count = (n: number): string => n.toLocaleString('en-US');
  const among = part.firmsChosenAmong < part.firmsTotal ? ` between the ${count(part.firmsChosenAmong)} firms with the most money` : '';
  const joined = part.firms.length < part.firmsTotal ? `, and the ${count(part.firms.length)} firms they join` : '';
  return html` · <span data-drawn-part title="A network this large cannot be drawn readably: the picture shows its largest deals and the firms they join. Loops, measures, tables and exports cover every firm and deal.">drawing the ${count(part.deals.length)} largest of ${count(part.dealsTotal)} deals${among}${joined}</span>`;
}

@customElement('rt-toolbar')
export class RtToolbar extends LitElement {
  static override styles = css`
    :host { display: block; }
    button, select { font: inherit; }
    .toolbar button.link { font: inherit; color: LinkText; background: none; border: none; padding: 0; cursor: pointer; text-decoration: underline; }
    .toolbar .status { order: 1; flex: 1 0 100%; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: center; padding: 0.35rem 0.6rem; font-size: 0.85rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 10%, transparent); }
  `;

  @property() size: SizeMeasure = 'pagerank';
  @property() width: EdgeWidth = 'amount';
  /** "35 firms · 77 deals · 49 loops · 13% of the known money goes round". */
  @property() summary = '';
  /** Firms of the view without a deal (offered to hide); 0 says nothing. */
  @property({ type: Number }) isolated = 0;
  @property({ attribute: false }) drawnPart: DrawnPart | null = null;

  private change(patch: ToolbarChangeEvent['patch']): void {
    this.dispatchEvent(new ToolbarChangeEvent(patch));
  }

  override render(): TemplateResult {
    return html`<div class="toolbar">
      <label>Size firms by <select aria-label="Size firms by" @change=${(e: Event) => this.change({ size: (e.target as HTMLSelectElement).value as SizeMeasure })}>
        ${SIZE_MEASURES.map((m) => html`<option value=${m} ?selected=${m === this.size}>${SIZE_LABEL[m]}</option>`)}
      </select></label>
      <label>Deal width <select aria-label="Deal width" @change=${(e: Event) => this.change({ width: (e.target as HTMLSelectElement).value as EdgeWidth })}>
        ${EDGE_WIDTHS.map((w) => html`<option value=${w} ?selected=${w === this.width}>${WIDTH_LABEL[w]}</option>`)}
      </select></label>
      <span class="status" role="status" aria-live="polite" title=${this.summary}>${this.summary}${this.isolatedNote()}${partNote(this.drawnPart)}</span>
      <button @click=${() => this.dispatchEvent(new Event('rt-fit', { bubbles: true, composed: true }))}>Fit</button>
      <slot></slot>
    </div>`;
  }

  /**
   * Firms the view leaves without a deal (their deals are of other flows, dates or types, or they
   * were acquired) float apart in the picture: say how many, and offer to hide them.
   */
  private isolatedNote(): TemplateResult | typeof nothing {
    const n = this.isolated;
    if (n === 0) return nothing;
    return html` · <button class="link" data-isolated title="Firms whose deals the filters or flows leave out, or that another firm acquired"
      @click=${() => this.change({ hideIsolated: true })}>${n} firm${n === 1 ? '' : 's'} without a deal here: hide</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-toolbar': RtToolbar;
  }
}
