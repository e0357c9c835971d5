/**
 * The Roundtrip page: loads the data set and shows its firms and deals, or a banner listing every
 * data problem.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatUsd } from '../../data/money.js';
import { formatProblem, type Problem } from '../../data/problem.js';
import type { DataSet, Deal, Entity } from '../../data/types.js';
import { safeHttpUrl } from '../safe-url.js';

export type DataLoader = () => Promise<{ ok: true; data: DataSet } | { ok: false; problems: Problem[] }>;

@customElement('rt-app')
export class RtApp extends LitElement {
  static override styles = css`
    :host { display: block; padding: 1rem 1.5rem; max-width: 72rem; margin: 0 auto; }
    h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
    .tagline { margin: 0 0 1rem; opacity: 0.8; }
    .banner { border: 2px solid #b3261e; border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
    .banner h2 { margin: 0 0 0.5rem; font-size: 1.05rem; color: #b3261e; }
    .banner li { font-family: ui-monospace, monospace; font-size: 0.85rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 15%, transparent); vertical-align: top; }
    td.date { white-space: nowrap; }
    td.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .firms { display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0; list-style: none; }
    .firms li { border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); border-radius: 999px; padding: 0.15rem 0.6rem; font-size: 0.9rem; }
    .kind { opacity: 0.65; font-size: 0.8rem; }
    a { color: LinkText; }
  `;

  /** How the page gets its data; replaced in tests. */
  loader: DataLoader | null = null;

  @state() private data: DataSet | null = null;
  @state() private problems: Problem[] = [];
  @state() private loading = true;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const loader = this.loader ?? (await import('../../app/fetch-data.js')).fetchShippedDataSet;
    const result = await loader();
    this.loading = false;
    if (result.ok) this.data = result.data;
    else this.problems = result.problems;
  }

  override render(): TemplateResult {
    return html`
      <h1>Roundtrip</h1>
      <p class="tagline">Circular financing in the AI boom: money that leaves a firm and comes back to it through other firms.</p>
      ${this.loading ? html`<p role="status">Loading the data set…</p>` : nothing}
      ${this.problems.length > 0 ? this.renderProblems() : nothing}
      ${this.data ? this.renderData(this.data) : nothing}
    `;
  }

  private renderProblems(): TemplateResult {
    return html`<section class="banner" role="alert">
      <h2>The data set has ${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}</h2>
      <ul>${this.problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>
    </section>`;
  }

  private renderData(data: DataSet): TemplateResult {
    const names = new Map(data.entities.map((e) => [e.id, e.name]));
    return html`
      <h2>Firms (${data.entities.length})</h2>
      <ul class="firms" aria-label="Firms">
        ${data.entities.map((e: Entity) => html`<li data-firm=${e.id}>${e.name} <span class="kind">${e.kind}</span></li>`)}
      </ul>
      <h2>Deals (${data.deals.length})</h2>
      <table aria-label="Deals">
        <thead><tr><th>From</th><th>To</th><th>Type</th><th>Amount</th><th>Date</th><th>Status</th><th>Deal</th><th>Source</th></tr></thead>
        <tbody>${data.deals.map((d) => this.renderDeal(d, names))}</tbody>
      </table>
    `;
  }

  private renderDeal(deal: Deal, names: Map<string, string>): TemplateResult {
    return html`<tr data-deal=${deal.id}>
      <td>${names.get(deal.from) ?? deal.from}</td>
      <td>${names.get(deal.to) ?? deal.to}</td>
      <td>${deal.type}</td>
      <td class="amount">${formatUsd(deal.amountUsd)}${deal.amountBasis === 'up-to' ? ' (up to)' : deal.amountBasis === 'estimated' ? ' (est.)' : ''}</td>
      <td class="date">${deal.date}</td>
      <td>${deal.status}</td>
      <td>${deal.title}</td>
      <td>${deal.sources.map((s) => {
        const href = safeHttpUrl(s.url);
        return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${s.title}</a> ` : html`${s.title} `;
      })}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-app': RtApp;
  }
}
