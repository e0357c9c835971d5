/**
 * The loops panel: every money loop the filters leave, ranked, with the hops spelled out.
 * Hover previews a loop, click or Enter highlights it; arrow keys move through the list.
 *
 * @fires rt-loop-select - The analyst chose a loop (or cleared it).
 * @fires rt-loop-preview - The pointer or focus is on a loop (null when it leaves).
 * @fires rt-sort-change - The analyst chose another order.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LOOP_SORT_KEYS, type LoopSortKey, type MoneyLoop } from '../../analysis/loops.js';
import { closesOnlyThrough } from '../../data/flows.js';
import { loopIsNew } from '../../model/new-since.js';
import { formatKnownSum, formatUsd } from '../../data/money.js';
import { LoopPreviewEvent, LoopSelectEvent } from '../events.js';
import { dateSpan, spellLoop, type NameOf } from '../format.js';

export class SortChangeEvent extends Event {
  static readonly type = 'rt-sort-change';
  constructor(readonly sort: LoopSortKey) {
    super(SortChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-sort-change': SortChangeEvent;
  }
}

const SORT_LABEL: Record<LoopSortKey, string> = {
  bottleneck: 'Bottleneck (largest first)',
  total: 'Total amount',
  length: 'Length (shortest first)',
  first: 'First deal (newest first)',
  last: 'Last deal (newest first)',
  id: 'Name',
};

/** Rows rendered at most; the rest are reachable by narrowing the filters. */
const RENDER_LIMIT = 500;

@customElement('rt-cycles')
export class RtCycles extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    .head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; margin-bottom: 0.5rem; }
    .count { font-weight: 600; }
    .warn { color: #b3261e; font-weight: 600; }
    select { font: inherit; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { border: 1px solid color-mix(in srgb, CanvasText 15%, transparent); border-radius: 6px; padding: 0.4rem 0.55rem; margin: 0 0 0.4rem; cursor: pointer; }
    li:hover { background: color-mix(in srgb, Highlight 10%, transparent); }
    li[aria-selected='true'] { border-color: Highlight; background: color-mix(in srgb, Highlight 18%, transparent); }
    li:focus-visible { outline: 2px solid Highlight; outline-offset: 1px; }
    .hops { line-height: 1.35; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; font-size: 0.8rem; opacity: 0.8; margin-top: 0.2rem; }
    .empty { opacity: 0.8; }
    .words { margin: 0.3rem 0 0; line-height: 1.35; }
    .order[data-order='no'] { font-style: italic; }
    .through { color: #b3261e; }
    .new { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; padding: 0 0.25rem; border-radius: 3px; background: #0b6e4f; color: #fff; }
  `;

  /** Loops in display order. */
  @property({ attribute: false }) loops: readonly MoneyLoop[] = [];
  /** Loops found before any narrowing (for the count line). */
  @property({ type: Number }) total = 0;
  @property({ type: Boolean }) truncated = false;
  @property() sort: LoopSortKey = 'bottleneck';
  @property({ attribute: false }) selected: string | null = null;
  /** A firm the list is narrowed to, by name. */
  @property({ attribute: false }) throughName: string | null = null;
  @property({ attribute: false }) nameOf: NameOf = (id) => id;
  @property({ attribute: false }) typesOf: (deals: readonly string[]) => string[] = () => [];
  /** Deals added after the "new since" date; a loop that needs one is marked new. Null marks none. */
  @property({ attribute: false }) newDeals: ReadonlySet<string> | null = null;
  /** What the reader must know of a loop's firms ("xAI (part of SpaceX since 2026-02-02)"). */
  @property({ attribute: false }) notesOf: (loop: MoneyLoop) => readonly string[] = () => [];
  /** The loop told in one sentence; shown under the chosen loop. */
  @property({ attribute: false }) wordsOf: ((loop: MoneyLoop) => string) | null = null;

  private focusIndex = 0;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected') && this.selected) {
      const index = this.loops.findIndex((l) => l.id === this.selected);
      if (index >= 0) this.focusIndex = index;
    }
  }

  override render(): TemplateResult {
    const shown = this.loops.slice(0, RENDER_LIMIT);
    const scope = this.throughName ? ` through ${this.throughName}` : '';
    return html`
      <div class="head">
        <span class="count" role="status" data-count=${this.loops.length}>${this.loops.length} loop${this.loops.length === 1 ? '' : 's'}${scope}</span>
        <label>Sort <select aria-label="Sort loops" @change=${this.handleSort}>
          ${LOOP_SORT_KEYS.map((key) => html`<option value=${key} ?selected=${key === this.sort}>${SORT_LABEL[key]}</option>`)}
        </select></label>
      </div>
      ${this.throughName ? html`<p class="empty" data-scope>Only the loops through ${this.throughName}; clear the selection (Escape) to see them all.</p>` : nothing}
      ${this.truncated ? html`<p class="warn" role="alert">The search stopped at ${this.total.toLocaleString('en-US')} loops; more exist. Narrow the filters to see them all.</p>` : nothing}
      ${this.loops.length > RENDER_LIMIT ? html`<p class="empty">Showing the first ${RENDER_LIMIT} of ${this.loops.length}.</p>` : nothing}
      ${shown.length === 0
        ? html`<p class="empty">No money loop with these filters.</p>`
        : html`<ol role="listbox" aria-label="Money loops" @keydown=${this.handleKey} @mouseleave=${() => this.preview(null)}>
            ${shown.map((loop, i) => this.renderLoop(loop, i))}
          </ol>`}
    `;
  }

  private renderLoop(loop: MoneyLoop, index: number): TemplateResult {
    const selected = loop.id === this.selected;
    const bottleneck = loop.bottleneckUsd === null ? 'undisclosed' : formatUsd(loop.bottleneckUsd);
    return html`<li role="option" id=${`loop-${index}`} data-loop=${loop.id} aria-selected=${selected ? 'true' : 'false'}
      tabindex=${index === this.focusIndex ? 0 : -1}
      @click=${() => this.choose(loop.id)} @mouseenter=${() => this.preview(loop.id)} @focus=${() => this.preview(loop.id)}>
      <div class="hops">${this.newDeals && loopIsNew(loop, this.newDeals) ? html`<span class="new" data-new>new</span> ` : nothing}${spellLoop(loop, this.nameOf, this.typesOf)}</div>
      <div class="meta">
        <span>${loop.length} hops</span>
        <span title="Smallest hop amount: the most money that can have gone all the way round">bottleneck ${bottleneck}</span>
        <span>total ${formatKnownSum(loop.totalUsd, loop.hops.filter((hop) => hop.amountUsd !== null).length, loop.length)}</span>
        <span>${dateSpan(loop.firstDate, loop.lastDate)}</span>
        ${loop.inOrder
          ? html`<span class="order" data-order="yes" title="One deal per hop can be read forwards in time">✓ in date order</span>`
          : html`<span class="order" data-order="no" title="No choice of one deal per hop reads forwards in time: the money cannot have gone round in this order">not in date order</span>`}
        ${loop.closesThrough.length > 0 ? html`<span class="through" data-through=${loop.closesThrough.join(' ')}>${closesOnlyThrough(loop.closesThrough)}</span>` : nothing}
        ${this.notesOf(loop).map((note) => html`<span class="folded">through ${note}</span>`)}
      </div>
      ${selected && this.wordsOf ? html`<p class="words" data-words>${this.wordsOf(loop)}</p>` : nothing}
    </li>`;
  }

  /** Moves the focus into the list, to the loop that takes it (the chosen one, or the first). */
  focusList(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('li[tabindex="0"]')?.focus());
  }

  private choose(id: string): void {
    this.dispatchEvent(new LoopSelectEvent(id === this.selected ? null : id));
  }

  private preview(id: string | null): void {
    this.dispatchEvent(new LoopPreviewEvent(id));
  }

  private handleSort = (event: Event): void => {
    this.dispatchEvent(new SortChangeEvent((event.target as HTMLSelectElement).value as LoopSortKey));
  };

  private handleKey = (event: KeyboardEvent): void => {
    const count = Math.min(this.loops.length, RENDER_LIMIT);
    if (count === 0) return;
    let next = this.focusIndex;
    if (event.key === 'ArrowDown') next = Math.min(count - 1, next + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, next - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      const loop = this.loops[this.focusIndex];
      if (loop) this.choose(loop.id);
      event.preventDefault();
      return;
    } else return;
    event.preventDefault();
    this.focusIndex = next;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#loop-${next}`)?.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-cycles': RtCycles;
  }
}
