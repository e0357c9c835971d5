/**
 * The legend: what colours, shapes, line styles and widths mean.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEAL_TYPES, ENTITY_KINDS, type EntityKind } from '../../data/types.js';
import type { EdgeWidth } from '../../state/view-state.js';
import { DEAL_STYLE, KIND_STYLE } from '../palette.js';

const SHAPE_CSS: Record<string, string> = {
  ellipse: 'border-radius:50%',
  'round-rectangle': 'border-radius:3px',
  rectangle: '',
  hexagon: 'clip-path:polygon(25% 0,75% 0,100% 50%,75% 100%,25% 100%,0 50%)',
  diamond: 'clip-path:polygon(50% 0,100% 50%,50% 100%,0 50%)',
  'round-diamond': 'clip-path:polygon(50% 0,100% 50%,50% 100%,0 50%)',
  'round-triangle': 'clip-path:polygon(50% 0,100% 100%,0 100%)',
  barrel: 'border-radius:30%/15%',
  'round-octagon': 'clip-path:polygon(30% 0,70% 0,100% 30%,100% 70%,70% 100%,30% 100%,0 70%,0 30%)',
  tag: 'clip-path:polygon(0 0,75% 0,100% 50%,75% 100%,0 100%)',
};

@customElement('rt-legend')
export class RtLegend extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.8rem; }
    h3 { font-size: 0.85rem; margin: 0.6rem 0 0.3rem; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.15rem; }
    li { display: flex; align-items: center; gap: 0.4rem; }
    .shape { width: 0.9rem; height: 0.9rem; flex: none; }
    .line { width: 1.6rem; height: 0; border-top: 3px solid; flex: none; }
  `;

  @property({ attribute: false }) kinds: readonly EntityKind[] = ENTITY_KINDS;
  /** What deal widths show. */
  @property() width: EdgeWidth = 'amount';

  override render(): TemplateResult {
    return html`
      <h3>Firms</h3>
      <ul>${this.kinds.map((k) => html`<li><span class="shape" style="background:${KIND_STYLE[k].color};${SHAPE_CSS[KIND_STYLE[k].shape] ?? ''}"></span>${KIND_STYLE[k].label}</li>`)}</ul>
      <h3>Deals: arrows point the way money or value moves</h3>
      <ul>${DEAL_TYPES.map((t) => html`<li><span class="line" style="border-top-color:${DEAL_STYLE[t].color};border-top-style:${DEAL_STYLE[t].line}"></span>${DEAL_STYLE[t].label}</li>`)}</ul>
      <h3>${this.width === 'circular' ? 'Width: the part of each deal that goes round' : 'Amounts'}</h3>
      <ul>
        ${this.width === 'circular' ? html`<li><span class="line" style="border-top-width:1px;border-top-color:GrayText"></span>none of its known amount goes round</li>` : nothing}
        <li><span class="line" style="border-top-width:2px;border-top-color:GrayText"></span>$100M or less</li>
        <li><span class="line" style="border-top-width:10px;border-top-color:GrayText"></span>$1T (width grows with the logarithm)</li>
        <li><span style="font-weight:700;width:1.6rem;text-align:center">?</span>amount undisclosed (thin line)</li>
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-legend': RtLegend;
  }
}
