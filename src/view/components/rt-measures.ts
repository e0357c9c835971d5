/**
 * Who is central: firms × measures, sortable by any column; a row selects its firm. With the loops
 * panel, the keyboard-accessible way through the graph.
 *
 * @fires rt-firm-select - A firm's row was chosen.
 */
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { rowKeys, sortRows } from '../table-rows.js';
import type { FirmMeasures } from '../../analysis/centrality.js';
import { formatUsd } from '../../data/money.js';
import { FirmSelectEvent } from '../events.js';
import { KIND_STYLE } from '../palette.js';

type Column = {
  key: keyof FirmMeasures;
  label: string;
  title: string;
  format: (m: FirmMeasures) => string;
  numeric: boolean;
};

const share = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);

const COLUMNS: Column[] = [
  { key: 'name', label: 'Firm', title: 'Firm name', format: (m) => m.name, numeric: false },
  { key: 'pagerank', label: 'PageRank', title: 'Where money ends up, directly or not (weighted by known amounts)', format: (m) => m.pagerank.toFixed(3), numeric: true },
  { key: 'betweenness', label: 'Between', title: 'How often the firm sits on the shortest route between two others', format: (m) => m.betweenness.toFixed(3), numeric: true },
  { key: 'circularity', label: 'Circ. in', title: 'Circular share of known inflow: the part of the money coming in that goes round (maximum circulation)', format: (m) => share(m.circularity), numeric: true },
  { key: 'circularOut', label: 'Circ. out', title: 'Circular share of known outflow: the part of the money going out that comes back round (maximum circulation)', format: (m) => share(m.circularOut), numeric: true },
  { key: 'loops', label: 'Loops', title: 'Loops through the firm', format: (m) => String(m.loops ?? '–'), numeric: true },
  { key: 'inStrengthUsd', label: 'In $', title: 'Known money in', format: (m) => formatUsd(m.inStrengthUsd), numeric: true },
  { key: 'outStrengthUsd', label: 'Out $', title: 'Known money out', format: (m) => formatUsd(m.outStrengthUsd), numeric: true },
  { key: 'hub', label: 'Hub', title: 'HITS hub: pays firms that many others pay', format: (m) => (m.hub === null ? '–' : m.hub.toFixed(3)), numeric: true },
  { key: 'authority', label: 'Auth.', title: 'HITS authority: paid by firms that pay many others', format: (m) => (m.authority === null ? '–' : m.authority.toFixed(3)), numeric: true },
];

@customElement('rt-measures')
export class RtMeasures extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.85rem; overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { padding: 0.25rem 0.35rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 12%, transparent); white-space: nowrap; }
    th { position: sticky; top: 0; z-index: 1; background: Canvas; text-align: left; }
    /* The firm's name stays in view while the measures scroll sideways. */
    th:first-child, td:first-child { position: sticky; left: 0; background: Canvas; }
    th:first-child { z-index: 2; }
    td:first-child { max-width: 10rem; overflow: hidden; text-overflow: ellipsis; }
    th button { font: inherit; font-weight: 600; background: none; border: none; color: inherit; padding: 0; cursor: pointer; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    tr.row { cursor: pointer; }
    /* On the cells, opaque: the sticky name cell covers what scrolls under it. */
    tr.row:hover td { background: linear-gradient(color-mix(in srgb, Highlight 10%, transparent) 0 0), Canvas; }
    tr[aria-selected='true'] td { background: linear-gradient(color-mix(in srgb, Highlight 20%, transparent) 0 0), Canvas; }
    tr:focus-visible { outline: 2px solid Highlight; outline-offset: -2px; }
    .dot { display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 2px; margin-right: 0.3rem; }
  `;

  @property({ attribute: false }) measures: readonly FirmMeasures[] = [];
  @property({ attribute: false }) selected: string | null = null;

  @state() private sortKey: keyof FirmMeasures = 'pagerank';
  @state() private descending = true;

  private sorted(): FirmMeasures[] {
    return sortRows([...this.measures], this.sortKey, this.descending);
  }

  override render(): TemplateResult {
    return html`<table aria-label="Measures per firm">
      <thead><tr>${COLUMNS.map((c) => {
        const sorted = c.key === this.sortKey;
        return html`<th class=${c.numeric ? 'num' : ''} aria-sort=${sorted ? (this.descending ? 'descending' : 'ascending') : 'none'} title=${c.title}>
          <button @click=${() => this.sortBy(c.key, c.numeric)}>${c.label}${sorted ? (this.descending ? ' ▾' : ' ▴') : ''}</button></th>`;
      })}</tr></thead>
      <tbody>${this.sorted().map(
        (m) => html`<tr class="row" tabindex="0" data-firm=${m.id} aria-selected=${m.id === this.selected ? 'true' : 'false'}
          @click=${() => this.choose(m.id)} @keydown=${(e: KeyboardEvent) => this.handleKey(e, m.id)}>
          ${COLUMNS.map((c) =>
            c.key === 'name'
              ? html`<td title=${m.name}><span class="dot" style="background:${KIND_STYLE[m.kind].color}"></span>${m.name}</td>`
              : html`<td class="num">${c.format(m)}</td>`,
          )}
        </tr>`,
      )}</tbody>
    </table>`;
  }

  private sortBy(key: keyof FirmMeasures, numeric: boolean): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      this.descending = numeric;
    }
  }

  private choose(id: string): void {
    this.dispatchEvent(new FirmSelectEvent(id));
  }

  private handleKey(event: KeyboardEvent, id: string): void {
    rowKeys(event, () => this.choose(id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-measures': RtMeasures;
  }
}
