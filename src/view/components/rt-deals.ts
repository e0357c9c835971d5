/**
 * Every deal in view as a table: parties, type, flow, amount, date, status and publisher; sortable
 * by any column, narrowed by a text filter, exportable. A row selects its deal. The accessible
 * alternative to the picture: every deal is reachable from the keyboard (arrow keys between rows).
 *
 * @fires rt-deal-select - A deal's row was chosen.
 * @fires rt-export-request - The analyst asked for the deals as CSV.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { rowKeys, sortRows } from '../table-rows.js';
import { FLOW_LABEL } from '../../data/flows.js';
import { flowOf, type Deal } from '../../data/types.js';
import type { FirmGraph } from '../../model/graph.js';
import { DealSelectEvent, ExportRequestEvent } from '../events.js';
import { dealAmount } from '../format.js';

interface Row {
  id: string;
  from: string;
  to: string;
  type: string;
  flow: string;
  amountUsd: number | null;
  amount: string;
  date: string;
  status: string;
  publisher: string;
  title: string;
}

type Key = 'from' | 'to' | 'type' | 'flow' | 'amountUsd' | 'date' | 'status' | 'publisher';

const COLUMNS: ReadonlyArray<{ key: Key; label: string; numeric: boolean }> = [
  { key: 'from', label: 'From', numeric: false },
  { key: 'to', label: 'To', numeric: false },
  { key: 'type', label: 'Type', numeric: false },
  { key: 'flow', label: 'Flow', numeric: false },
  { key: 'amountUsd', label: 'Amount', numeric: true },
  { key: 'date', label: 'Date', numeric: false },
  { key: 'status', label: 'Status', numeric: false },
  { key: 'publisher', label: 'Publisher', numeric: false },
];

/** Rows drawn at most; the filter reaches the rest. */
const ROWS_AT_MOST = 500;

/** Matching ignores case, spaces and punctuation, as the firm search does. */
const folded = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

@customElement('rt-deals')
export class RtDeals extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.85rem; }
    /* The table scrolls sideways under the filter, which stays in view. */
    .scroll { overflow-x: auto; }
    .tools { display: flex; gap: 0.5rem; align-items: center; margin-bottom: 0.4rem; flex-wrap: wrap; }
    .tools input, .tools button { font: inherit; }
    table { border-collapse: collapse; width: 100%; }
    th, td { padding: 0.25rem 0.35rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 12%, transparent); white-space: nowrap; }
    th { position: sticky; top: 0; background: Canvas; text-align: left; }
    th button { font: inherit; font-weight: 600; background: none; border: none; color: inherit; padding: 0; cursor: pointer; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    tr.row { cursor: pointer; }
    tr.row:hover td { background: color-mix(in srgb, Highlight 10%, Canvas); }
    tr[aria-selected='true'] td { background: color-mix(in srgb, Highlight 20%, Canvas); }
    tr:focus-visible { outline: 2px solid Highlight; outline-offset: -2px; }
  `;

  /** The view's network: its deals are the rows. */
  @property({ attribute: false }) graph: FirmGraph | null = null;
  @property({ attribute: false }) selected: string | null = null;
  @property({ attribute: false }) nameOf: (id: string) => string = (id) => id;

  @state() private sortKey: Key = 'amountUsd';
  @state() private descending = true;
  @state() private filter = '';

  private rowsOf(graph: FirmGraph): Row[] {
    return graph.mapEdges((id, deal: Deal, source, target) => ({
      id,
      from: this.nameOf(source),
      to: this.nameOf(target),
      type: deal.type,
      flow: FLOW_LABEL[flowOf(deal)],
      amountUsd: deal.amountUsd,
      amount: dealAmount(deal),
      date: deal.date,
      status: deal.status,
      publisher: deal.sources.map((s) => s.publisher).filter((p): p is string => Boolean(p)).join(', '),
      title: deal.title,
    }));
  }

  private shown(): Row[] {
    if (!this.graph) return [];
    const wanted = folded(this.filter);
    const rows = this.rowsOf(this.graph).filter((r) => wanted === '' || folded(`${r.from} ${r.to} ${r.type} ${r.title} ${r.publisher}`).includes(wanted));
    // Undisclosed amounts sort last either way.
    return sortRows(rows, this.sortKey, this.descending);
  }

  override render(): TemplateResult {
    const rows = this.shown();
    const total = this.graph?.size ?? 0;
    return html`<div class="tools">
        <label>Filter <input type="search" aria-label="Filter the deals" placeholder="firm, type, title, publisher" .value=${this.filter}
          @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} /></label>
        <span class="count" role="status" data-count=${rows.length}>${rows.length} of ${total} deals</span>
        <button @click=${() => this.dispatchEvent(new ExportRequestEvent('deals'))}>Export CSV</button>
      </div>
      <div class="scroll"><table aria-label="Deals in view">
        <thead><tr>${COLUMNS.map((c) => {
          const sorted = c.key === this.sortKey;
          return html`<th class=${c.numeric ? 'num' : ''} aria-sort=${sorted ? (this.descending ? 'descending' : 'ascending') : 'none'}>
            <button @click=${() => this.sortBy(c.key, c.numeric)}>${c.label}${sorted ? (this.descending ? ' ▾' : ' ▴') : ''}</button></th>`;
        })}</tr></thead>
        <tbody>${rows.slice(0, ROWS_AT_MOST).map(
          (r) => html`<tr class="row" tabindex="0" data-deal=${r.id} title=${r.title} aria-selected=${r.id === this.selected ? 'true' : 'false'}
            @click=${() => this.dispatchEvent(new DealSelectEvent(r.id))} @keydown=${(e: KeyboardEvent) => this.handleKey(e, r.id)}>
            <td>${r.from}</td><td>${r.to}</td><td>${r.type}</td><td>${r.flow}</td><td class="num">${r.amount}</td><td>${r.date}</td><td>${r.status}</td><td>${r.publisher}</td>
          </tr>`,
        )}</tbody>
      </table></div>
      ${rows.length > ROWS_AT_MOST ? html`<p>Showing the first ${ROWS_AT_MOST} of ${rows.length}; the filter narrows them.</p>` : nothing}`;
  }

  private sortBy(key: Key, numeric: boolean): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      this.descending = numeric;
    }
  }

  private handleKey(event: KeyboardEvent, id: string): void {
    rowKeys(event, () => this.dispatchEvent(new DealSelectEvent(id)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-deals': RtDeals;
  }
}
