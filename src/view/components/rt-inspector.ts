/**
 * Details of the selection: a firm (kind, measures, money in and out, its loops), a deal (parties,
 * amount and basis, date, status, notes, sources) or a loop (hop by hop with its deals).
 *
 * @fires rt-firm-select - A firm name was clicked.
 * @fires rt-deal-select - A deal was clicked.
 * @fires rt-loop-select - A loop was clicked.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FirmMeasures } from '../../analysis/centrality.js';
import type { CircularityResult } from '../../analysis/circularity.js';
import type { MoneyLoop } from '../../analysis/loops.js';
import { formatUsd } from '../../data/money.js';
import { closesOnlyThrough, FLOW_LABEL, FLOW_MEANING } from '../../data/flows.js';
import { DIRECTION_RULE, flowOf, type Deal, type Entity, type Source } from '../../data/types.js';
import { partOf } from '../../model/acquisitions.js';
import type { FirmGraph } from '../../model/graph.js';
import { DealSelectEvent, FirmSelectEvent, LoopSelectEvent, PathSelectEvent } from '../events.js';
import type { PathSearchResult } from '../../analysis/paths.js';
import { pathView } from './inspector-path.js';
import { dateSpan, dealAmount, flowAmount, spellLoop, type NameOf } from '../format.js';
import { KIND_STYLE, DEAL_STYLE } from '../palette.js';
import { safeHttpUrl } from '../safe-url.js';

const STATUS_TEXT: Record<Deal['status'], string> = {
  confirmed: 'Confirmed (both parties or a filing)',
  reported: 'Reported (press report, not confirmed)',
  loi: 'Letter of intent (non-binding)',
  unconfirmed: 'Unconfirmed (no amount or date confirmed)',
};

@customElement('rt-inspector')
export class RtInspector extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    h2 { font-size: 1.1rem; margin: 0 0 0.2rem; }
    .words { margin: 0.4rem 0 0.2rem; line-height: 1.4; }
    form.trace { margin: 0.6rem 0; font-size: 0.9rem; }
    form.trace select, form.trace button { font: inherit; max-width: 12rem; }
    ol.paths li { margin-bottom: 0.4rem; line-height: 1.35; }
    h3 { font-size: 0.95rem; margin: 1rem 0 0.35rem; }
    .sub { opacity: 0.8; margin: 0 0 0.5rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.8rem; margin: 0; }
    dt { opacity: 0.75; }
    dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
    th, td { text-align: left; padding: 0.2rem 0.3rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 12%, transparent); vertical-align: top; }
    td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.nowrap { white-space: nowrap; }
    button.link { font: inherit; color: LinkText; background: none; border: none; padding: 0; cursor: pointer; text-align: left; text-decoration: underline; }
    /* No bullets: a wrapped loop would carry its bullet on its last line. */
    ul.loops { list-style: none; padding: 0; margin: 0; }
    ul.loops li { margin: 0 0 0.45rem; }
    .loop-meta { display: block; opacity: 0.8; }
    ul.sources { list-style: none; padding: 0; margin: 0; }
    ul.sources li { margin: 0 0 0.6rem; }
    .headline { margin: 0.1rem 0; }
    .kind { font-size: 0.8rem; }
    .kind.copy { color: #8a4b00; }
    .placeholder { opacity: 0.8; }
    .swatch { display: inline-block; width: 1.2rem; height: 0; border-top: 3px solid; vertical-align: middle; margin-right: 0.3rem; }
    .note { background: color-mix(in srgb, CanvasText 6%, transparent); border-radius: 4px; padding: 0.4rem 0.5rem; margin: 0.5rem 0; }
    a { color: LinkText; }
    :focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
  `;

  /** The filtered graph (what the analyst sees). */
  @property({ attribute: false }) graph: FirmGraph | null = null;
  /** Every entity and deal, for selections the filters hide. */
  @property({ attribute: false }) entities: ReadonlyMap<string, Entity> = new Map();
  @property({ attribute: false }) deals: ReadonlyMap<string, Deal> = new Map();
  @property({ attribute: false }) measures: ReadonlyMap<string, FirmMeasures> = new Map();
  @property({ attribute: false }) firm: string | null = null;
  @property({ attribute: false }) deal: string | null = null;
  @property({ attribute: false }) loop: MoneyLoop | null = null;
  @property({ attribute: false }) firmLoops: readonly MoneyLoop[] = [];
  @property({ attribute: false }) nameOf: NameOf = (id) => id;
  /** Deals added after the "new since" date (null: none asked). */
  @property({ attribute: false }) newDeals: ReadonlySet<string> | null = null;
  @property({ attribute: false }) newSince: string | null = null;
  /** The view's maximum-circularity decomposition, for a deal's circular part. */
  @property({ attribute: false }) circularity: CircularityResult | null = null;
  /** The date-order window of the loop search, in months (null: none). */
  @property({ attribute: false }) windowMonths: number | null = null;
  @property({ attribute: false }) typesOf: (deals: readonly string[]) => string[] = () => [];
  /** What the reader must know of a loop's firms ("xAI (part of SpaceX since 2026-02-02)"). */
  @property({ attribute: false }) notesOf: (loop: MoneyLoop) => readonly string[] = () => [];
  /** The money traced from one firm to another, and the paths found. */
  @property({ attribute: false }) path: { from: string; to: string } | null = null;
  @property({ attribute: false }) paths: PathSearchResult | null = null;
  /** The loop told in one sentence, from the data (see analysis/loop-words.ts). */
  @property({ attribute: false }) wordsOf: ((loop: MoneyLoop) => string) | null = null;
  @state() private copiedWords = '';

  override render(): TemplateResult {
    if (this.deal) return this.renderDeal(this.deal);
    if (this.loop) return this.renderLoop(this.loop);
    if (this.path && this.paths) {
      return pathView({
        path: this.path,
        result: this.paths,
        deals: this.deals,
        nameOf: this.nameOf,
        firmButton: (id) => this.firmButton(id),
        dealButton: (id, label) => this.dealButton(id, label),
        clear: () => this.go(new PathSelectEvent(null)),
      });
    }
    if (this.firm) return this.renderFirm(this.firm);
    return html`<p class="placeholder">Click a firm to trace every money loop through it, or a deal (an arrow) to read its amount, date and sources.</p>`;
  }

  private firmButton(id: string): TemplateResult {
    return html`<button class="link" @click=${() => this.go(new FirmSelectEvent(id))}>${this.nameOf(id)}</button>`;
  }

  private dealButton(id: string, label: string): TemplateResult {
    return html`<button class="link" data-deal=${id} @click=${() => this.go(new DealSelectEvent(id))}>${label}</button>`;
  }

  /** Set when the focus should go to the heading once the panel shows what was asked for. */
  private focusPending = false;

  /**
   * Asks for another firm, deal or loop from a link in the panel. The panel then shows it, and the
   * link the focus was on is gone: the focus goes to the new heading, not to the page's body.
   */
  private go(event: Event): void {
    this.focusPending = true;
    this.dispatchEvent(event);
  }

  /** Moves the focus to the heading of what is shown (after a search, say). */
  focusHeading(): void {
    this.focusPending = true;
    this.requestUpdate();
  }

  protected override updated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private renderFirm(id: string): TemplateResult {
    const entity = this.entities.get(id);
    if (!entity) return html`<p class="placeholder">Unknown firm ${id}.</p>`;
    const inView = this.graph?.hasNode(id) ?? false;
    const m = this.measures.get(id);
    // The loops come before the deal tables: they are what the analyst came for.
    return html`
      <h2 data-firm=${id} tabindex="-1">${entity.name}</h2>
      <p class="sub">${KIND_STYLE[entity.kind].label}${entity.ticker ? html` · ${entity.ticker}` : nothing}${entity.country ? html` · ${entity.country}` : nothing}</p>
      ${entity.note ? html`<p class="note">${entity.note}</p>` : nothing}
      ${entity.acquiredBy
        ? html`<p class="note" data-field="acquired">Acquired by ${this.firmButton(entity.acquiredBy)} on ${entity.acquiredDate}: from then on its deals are ${this.nameOf(entity.acquiredBy)}'s, and views after that date show the two as one firm (move the timeline before ${entity.acquiredDate} to see ${entity.name} on its own).</p>`
        : nothing}
      ${!inView && !entity.acquiredBy ? html`<p class="note">The current filters hide this firm.</p>` : nothing}
      ${m ? this.renderMeasures(m) : nothing}
      <h3>Loops through ${entity.name} (${this.firmLoops.length})</h3>
      ${this.firmLoops.length === 0
        ? html`<p class="placeholder">No money comes back to ${entity.name} through the deals shown.</p>`
        : html`<ul class="loops">${this.firmLoops.map(
            (loop) => html`<li><button class="link" data-loop=${loop.id} @click=${() => this.go(new LoopSelectEvent(loop.id))}>${spellLoop(loop, this.nameOf, this.typesOf, id)}</button>
              <small class="loop-meta">${loop.length} hops · bottleneck ${loop.bottleneckUsd === null ? 'undisclosed' : formatUsd(loop.bottleneckUsd)} · ${dateSpan(loop.firstDate, loop.lastDate)}</small></li>`,
          )}</ul>`}
      ${inView ? this.renderTraceForm(id) : nothing}
      ${inView ? this.renderFlows(id) : nothing}
    `;
  }

  /** Trace the money from this firm to another one of the view. */
  private renderTraceForm(id: string): TemplateResult {
    const others = (this.graph?.mapNodes((other, e) => ({ id: other, name: e.name })) ?? []).filter((f) => f.id !== id).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    const submit = (event: Event): void => {
      event.preventDefault();
      const to = ((event.target as HTMLFormElement).elements.namedItem('to') as HTMLSelectElement).value;
      if (to) this.go(new PathSelectEvent({ from: id, to }));
    };
    return html`<form class="trace" @submit=${submit}>
      <label>Trace the money from ${this.nameOf(id)} to <select name="to" aria-label="Trace the money to">${others.map((f) => html`<option value=${f.id}>${f.name}</option>`)}</select></label>
      <button type="submit">Trace</button>
    </form>`;
  }

  private renderMeasures(m: FirmMeasures): TemplateResult {
    const share = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
    return html`<h3>Measures</h3>
      <dl>
        <dt>Money in (known)</dt><dd>${formatUsd(m.inStrengthUsd)} from ${m.inDegree} firm${m.inDegree === 1 ? '' : 's'}</dd>
        <dt>Money out (known)</dt><dd>${formatUsd(m.outStrengthUsd)} to ${m.outDegree} firm${m.outDegree === 1 ? '' : 's'}</dd>
        <dt title="Circular share of known inflow: the part of the money coming in that goes round (maximum circulation)">Circular in</dt><dd>${share(m.circularity)} of the money in goes round</dd>
        <dt title="Circular share of known outflow: the part of the money going out that comes back round (maximum circulation)">Circular out</dt><dd>${share(m.circularOut)} of the money out comes back</dd>
        <dt>PageRank</dt><dd>${m.pagerank.toFixed(3)}</dd>
        <dt>Betweenness</dt><dd>${m.betweenness.toFixed(3)}</dd>
      </dl>`;
  }

  private renderFlows(id: string): TemplateResult {
    const graph = this.graph;
    if (!graph) return html``;
    const rows = (direction: 'in' | 'out') => {
      const deals: Deal[] = [];
      if (direction === 'in') graph.forEachInEdge(id, (_e, deal) => void deals.push(deal));
      else graph.forEachOutEdge(id, (_e, deal) => void deals.push(deal));
      deals.sort((a, b) => a.type.localeCompare(b.type) || (b.amountUsd ?? -1) - (a.amountUsd ?? -1));
      return deals;
    };
    const table = (title: string, deals: Deal[], counterparty: (d: Deal) => string) =>
      deals.length === 0
        ? nothing
        : html`<h3>${title} (${deals.length})</h3>
            <table>
              <thead><tr><th>${title.startsWith('Money in') ? 'From' : 'To'}</th><th class="num">Amount</th><th>Date</th></tr></thead>
              <tbody>${deals.map(
                (d) => html`<tr>
                  <td>${this.firmButton(counterparty(d))}<br /><small class="nowrap"><span class="swatch" style="border-top-color:${DEAL_STYLE[d.type].color};border-top-style:${DEAL_STYLE[d.type].line}"></span>${d.type}</small></td>
                  <td class="num" title=${FLOW_MEANING[flowOf(d)]}>${this.dealButton(d.id, dealAmount(d))}<br /><small>${FLOW_LABEL[flowOf(d)]}</small></td>
                  <td class="nowrap">${d.date}</td>
                </tr>`,
              )}</tbody>
            </table>`;
    return html`${table('Money in', rows('in'), (d) => d.from)}${table('Money out', rows('out'), (d) => d.to)}`;
  }

  private renderDeal(id: string): TemplateResult {
    const deal = this.deals.get(id);
    if (!deal) return html`<p class="placeholder">Unknown deal ${id}.</p>`;
    const [fromRole, toRole] = DIRECTION_RULE[deal.type];
    const successor = deal.supersededBy ? this.deals.get(deal.supersededBy) : undefined;
    return html`
      <h2 data-deal=${id} tabindex="-1">${deal.title}</h2>
      ${this.newDeals?.has(id) ? html`<p class="note" data-field="new">New: added to the data set after ${this.newSince}.</p>` : nothing}
      <p class="sub"><span class="swatch" style="border-top-color:${DEAL_STYLE[deal.type].color};border-top-style:${DEAL_STYLE[deal.type].line}"></span>${deal.type}:
        ${this.firmButton(deal.from)} (${fromRole}) → ${this.firmButton(deal.to)} (${toRole})</p>
      <dl>
        <dt>Amount</dt><dd data-field="amount">${flowAmount(deal)}</dd>
        <dt>Flow</dt><dd data-field="flow">${FLOW_MEANING[flowOf(deal)]}</dd>
        ${this.renderCircularPart(id)}
        <dt>Date</dt><dd>${deal.date}</dd>
        <dt>Status</dt><dd>${STATUS_TEXT[deal.status]}${deal.statusNote ? html`<br /><small>${deal.statusNote}</small>` : nothing}</dd>
      </dl>
      ${this.graph && !this.graph.hasEdge(id) ? html`<p class="note">The current filters hide this deal.</p>` : nothing}
      ${[deal.from, deal.to].map((party, end) => {
        const firm = this.entities.get(party);
        const drawnAt = this.graph?.hasEdge(id) ? (end === 0 ? this.graph.source(id) : this.graph.target(id)) : party;
        return firm?.acquiredBy && drawnAt !== party
          ? html`<p class="note" data-field="acquired">${partOf(firm, this.nameOf(firm.acquiredBy))}: this view counts the deal as ${this.nameOf(firm.acquiredBy)}'s.</p>`
          : nothing;
      })}
      ${successor ? html`<p class="note">Replaced by a later deal: ${this.dealButton(successor.id, successor.title)} (${dealAmount(successor)}, ${successor.date}). Its amount is not added to totals while that deal is shown.</p>` : nothing}
      ${deal.note ? html`<p class="note">${deal.note}</p>` : nothing}
      <h3>Source${deal.sources.length === 1 ? '' : 's'}</h3>
      <ul class="sources">${deal.sources.map((source) => this.renderSource(source))}</ul>
    `;
  }

  /** Who reported it, the headline and the date first; the link (http(s) only) second; copies marked. */
  private renderSource(source: Source): TemplateResult {
    const href = safeHttpUrl(source.url);
    const host = href ? new URL(href).hostname.replace(/^www\./, '') : '';
    return html`<li data-kind=${source.kind ?? 'unknown'}>
      <div class="byline"><strong>${source.publisher ?? host ?? 'Unknown publisher'}</strong>${source.date ? html` · ${source.date}` : nothing}${source.kind === 'primary'
        ? html` · <span class="kind">filing or company release</span>`
        : source.kind === 'copy'
          ? html` · <span class="kind copy" title="A republished copy of the report; the publisher named is the original">copy</span>`
          : nothing}</div>
      <div class="headline">${source.title}</div>
      ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${host}</a>` : html`<small>link not shown: not an http(s) address</small>`}
    </li>`;
  }

  /** How much of the deal's counted amount goes round in the view (nothing when it carries none). */
  private renderCircularPart(id: string): TemplateResult | typeof nothing {
    const part = this.circularity?.deals.find((d) => d.id === id);
    if (!part || part.amountUsd === null || part.amountUsd <= 0) return nothing;
    const share = Math.round((part.circularUsd / part.amountUsd) * 100);
    return html`<dt title="The deal's part of the largest circulation of the money shown: money that can have come back round">Goes round</dt>
      <dd data-field="circular">${formatUsd(part.circularUsd)} (${share}%)</dd>`;
  }

  /** Whether the loop reads forwards in time, and if so the chain of deals that does. */
  private renderOrder(loop: MoneyLoop): TemplateResult {
    const ordered = loop.orderedHops;
    if (!loop.inOrder || !ordered) {
      return html`<p class="note" data-field="date-order">Not in date order: no choice of one deal per hop reads forwards in time${this.windowMonths === null ? '' : ` within ${this.windowMonths} months`}, so the money cannot have gone round this way in that time.</p>`;
    }
    return html`<p class="sub" data-field="date-order">In date order${this.windowMonths === null ? '' : ` within ${this.windowMonths} months`}, starting at ${this.nameOf(ordered[0]?.from ?? '')}:
      ${ordered.map((hop, i) => {
        const deal = this.deals.get(hop.deal);
        return html`${i > 0 ? ' → ' : ''}${this.dealButton(hop.deal, `${this.nameOf(hop.to)} (${deal?.date ?? hop.start})`)}`;
      })}</p>`;
  }

  /** The loop in one sentence a reporter can quote, with a button that copies it. */
  private renderWords(loop: MoneyLoop): TemplateResult | typeof nothing {
    if (!this.wordsOf) return nothing;
    const words = this.wordsOf(loop);
    return html`<p class="words" data-words>${words}</p>
      <p><button class="copy-words" @click=${() => void this.copyWords(words)}>Copy the sentence</button>
        ${this.copiedWords ? html`<span role="status">${this.copiedWords}</span>` : nothing}</p>`;
  }

  private async copyWords(words: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(words);
      this.copiedWords = 'Copied';
      setTimeout(() => (this.copiedWords = ''), 2500);
    } catch {
      // Without clipboard access the analyst copies it by hand.
      window.prompt('Copy this sentence:', words);
    }
  }

  private renderLoop(loop: MoneyLoop): TemplateResult {
    return html`
      <h2 data-loop=${loop.id} tabindex="-1">Loop: ${loop.firms.map((f) => this.nameOf(f)).join(' → ')} → ${this.nameOf(loop.firms[0] ?? '')}</h2>
      <p class="sub">${loop.length} hops · bottleneck ${loop.bottleneckUsd === null ? 'undisclosed' : formatUsd(loop.bottleneckUsd)} · ${dateSpan(loop.firstDate, loop.lastDate)}</p>
      ${loop.closesThrough.length > 0 ? html`<p class="note" data-field="closes-through">This loop ${closesOnlyThrough(loop.closesThrough)}: no money needs to have gone all the way round.</p>` : nothing}
      ${this.renderWords(loop)}
      ${this.renderOrder(loop)}
      ${this.notesOf(loop).map((note) => html`<p class="note" data-field="folded">Through ${note}: its deals are counted as its acquirer's.</p>`)}
      <table>
        <thead><tr><th>#</th><th>Hop</th><th>Deals</th></tr></thead>
        <tbody>${loop.hops.map(
          (hop, i) => html`<tr>
            <td>${i + 1}</td>
            <td>${this.firmButton(hop.from)} → ${this.firmButton(hop.to)}<br /><small>${hop.amountUsd === null ? 'undisclosed' : formatUsd(hop.amountUsd)}</small></td>
            <td>${hop.deals.map((dealId) => {
              const deal = this.deals.get(dealId);
              return deal ? html`<div title=${FLOW_MEANING[flowOf(deal)]}>${this.dealButton(dealId, `${deal.type}, ${flowAmount(deal)}, ${deal.date}`)}</div>` : nothing;
            })}</td>
          </tr>`,
        )}</tbody>
      </table>
      ${this.firm ? html`<p><button class="link" @click=${() => this.go(new LoopSelectEvent(null))}>Back to ${this.nameOf(this.firm)}</button></p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-inspector': RtInspector;
  }
}
