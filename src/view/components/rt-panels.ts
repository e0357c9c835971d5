/**
 * The side panels: Details, Loops, Measures and What if, as tabs (arrow keys move between them).
 * It renders the view it is given; the panels' own events (a firm, deal or loop chosen, a sort, a
 * scenario) bubble up to the explorer, and the tab and the table's width are asked for by events.
 *
 * @fires rt-tab-change - The analyst chose another tab.
 * @fires rt-wide-toggle - The analyst widened or narrowed the measures table.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DebtRankResult } from '../../analysis/contagion.js';
import { loopWordsIn } from '../../analysis/loop-words.js';
import { sortLoops, type MoneyLoop } from '../../analysis/loops.js';
import type { Deal, DealType, Entity } from '../../data/types.js';
import { tracedPaths, type Derived } from '../../state/derive.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../state/view-state.js';
import { scenarioFirms } from '../scenario-view.js';
import './rt-cycles.js';
import './rt-deals.js';
import './rt-inspector.js';
import './rt-measures.js';
import './rt-scenario.js';

export const TABS = ['details', 'loops', 'deals', 'measures', 'scenario'] as const;
export type Tab = (typeof TABS)[number];

export class TabChangeEvent extends Event {
  static readonly type = 'rt-tab-change';
  constructor(readonly tab: Tab) {
    super(TabChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-tab-change': TabChangeEvent;
    'rt-wide-toggle': Event;
  }
}

@customElement('rt-panels')
export class RtPanels extends LitElement {
  static override styles = css`
    :host { display: block; }
    button { font: inherit; }
    .table-tools { display: flex; justify-content: flex-end; margin-bottom: 0.3rem; font-size: 0.85rem; }
    .table-tools button[aria-pressed='true'] { background: color-mix(in srgb, Highlight 25%, Canvas); }
    [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-bottom: 0.6rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 15%, transparent); }
    [role='tab'] { border: none; background: none; padding: 0.35rem 0.45rem; white-space: nowrap; cursor: pointer; border-bottom: 3px solid transparent; color: inherit; }
    [role='tab'][aria-selected='true'] { border-bottom-color: Highlight; font-weight: 600; }
  `;

  @property() tab: Tab = 'details';
  @property({ type: Boolean }) wide = true;
  @property({ attribute: false }) state: ViewState = DEFAULT_VIEW_STATE;
  @property({ attribute: false }) derived: Derived | null = null;
  /** The view's loops in the state's order (sorted when first asked for). */
  @property({ attribute: false }) sorted: () => MoneyLoop[] = () => [];
  @property({ attribute: false }) scenario: DebtRankResult | null = null;
  @property({ attribute: false }) entities: ReadonlyMap<string, Entity> = new Map();
  @property({ attribute: false }) deals: ReadonlyMap<string, Deal> = new Map();
  @property({ attribute: false }) newDeals: ReadonlySet<string> | null = null;
  @property({ type: Boolean }) dark = false;
  @property({ attribute: false }) nameOf: (id: string) => string = (id) => id;
  @property({ attribute: false }) typesOf: (deals: readonly string[]) => DealType[] = () => [];
  @property({ attribute: false }) notesOf: (loop: MoneyLoop) => string[] = () => [];
  @property({ attribute: false }) dealTitle: (id: string) => string = (id) => id;

  /** Loops told in words, once per view (the function reads the view's deals and firms). */
  private words: { graph: Derived['graph']; of: (loop: MoneyLoop) => string } | null = null;

  private wordsOf(derived: Derived): (loop: MoneyLoop) => string {
    if (this.words?.graph !== derived.graph) this.words = { graph: derived.graph, of: loopWordsIn(derived.graph) };
    return this.words.of;
  }

  /** Moves the focus into the loops list (the skip link's target); the Loops tab must be shown. */
  focusLoops(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('rt-cycles')?.focusList());
  }

  /** Moves the focus to the heading of the details panel (after a search, say). */
  focusDetails(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('rt-inspector')?.focusHeading());
  }

  override render(): TemplateResult | typeof nothing {
    const derived = this.derived;
    if (!derived) return nothing;
    const s = this.state;
    const firmLoops = s.firm ? sortLoops(derived.loopsByFirm.get(s.firm) ?? [], s.sort) : [];
    const through = s.firm && derived.graph.hasNode(s.firm) ? s.firm : null;
    return html`
      <div role="tablist" aria-label="Panels" @keydown=${this.handleTabKey}>
        ${this.renderTab('details', 'Details')}
        ${this.renderTab('loops', `Loops (${derived.loops.count}${derived.loops.truncated ? '+' : ''})`)}
        ${this.renderTab('deals', `Deals (${derived.graph.size})`)}
        ${this.renderTab('measures', 'Measures')}
        ${this.renderTab('scenario', s.shock ? 'What if ●' : 'What if')}
      </div>
      <div role="tabpanel" id="panel-details" aria-labelledby="tab-details" ?hidden=${this.tab !== 'details'}>
        <rt-inspector .graph=${derived.graph} .entities=${this.entities} .deals=${this.deals} .measures=${derived.measures}
          .firm=${s.firm} .deal=${s.deal} .loop=${s.loop ? (derived.loopById.get(s.loop) ?? null) : null} .firmLoops=${firmLoops}
          .nameOf=${this.nameOf} .typesOf=${this.typesOf} .notesOf=${this.notesOf} .windowMonths=${s.windowMonths} .wordsOf=${this.wordsOf(derived)} .path=${s.path} .paths=${s.path ? tracedPaths(derived.graph, s.path) : null} .circularity=${derived.circularity} .newDeals=${this.newDeals} .newSince=${s.newSince}></rt-inspector>
      </div>
      <div role="tabpanel" id="panel-loops" aria-labelledby="tab-loops" ?hidden=${this.tab !== 'loops'}>
        ${this.tab !== 'loops'
          ? nothing
          : html`<rt-cycles .loops=${through ? firmLoops : this.sorted()} .throughName=${through ? this.nameOf(through) : null} .total=${derived.loops.count} ?truncated=${derived.loops.truncated} .sort=${s.sort} .selected=${s.loop}
              .nameOf=${this.nameOf} .typesOf=${this.typesOf} .notesOf=${this.notesOf} .newDeals=${this.newDeals} .wordsOf=${this.wordsOf(derived)}></rt-cycles>`}
      </div>
      <div role="tabpanel" id="panel-deals" aria-labelledby="tab-deals" ?hidden=${this.tab !== 'deals'}>
        ${this.tab !== 'deals' ? nothing : html`<rt-deals .graph=${derived.graph} .selected=${s.deal} .nameOf=${this.nameOf}></rt-deals>`}
      </div>
      <div role="tabpanel" id="panel-scenario" aria-labelledby="tab-scenario" ?hidden=${this.tab !== 'scenario'}>
        ${this.tab !== 'scenario'
          ? nothing
          : html`<rt-scenario .shock=${s.shock} .model=${s.model} .round=${s.round} .result=${this.scenario}
              .firms=${scenarioFirms(derived.graph)} .nameOf=${this.nameOf} .dealTitle=${this.dealTitle} .lgd=${s.lgd} ?called=${s.called} .buffers=${s.buffers} ?dark=${this.dark}></rt-scenario>`}
      </div>
      <div role="tabpanel" id="panel-measures" aria-labelledby="tab-measures" ?hidden=${this.tab !== 'measures'}>
        ${this.tab !== 'measures'
          ? nothing
          : html`<div class="table-tools"><button aria-pressed=${this.wide ? 'true' : 'false'}
              title="Widen the panel to show every column" @click=${() => this.dispatchEvent(new Event('rt-wide-toggle', { bubbles: true, composed: true }))}>Wide table</button></div>
              <rt-measures .measures=${[...derived.measures.values()]} .selected=${s.firm}></rt-measures>`}
      </div>`;
  }

  private renderTab(tab: Tab, label: string): TemplateResult {
    const selected = this.tab === tab;
    return html`<button role="tab" id=${`tab-${tab}`} aria-controls=${`panel-${tab}`} aria-selected=${selected ? 'true' : 'false'}
      tabindex=${selected ? 0 : -1} @click=${() => this.dispatchEvent(new TabChangeEvent(tab))}>${label}</button>`;
  }

  private readonly handleTabKey = (event: KeyboardEvent): void => {
    const index = TABS.indexOf(this.tab);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index + TABS.length - 1) % TABS.length;
    else return;
    event.preventDefault();
    const tab = TABS[next] as Tab;
    this.dispatchEvent(new TabChangeEvent(tab));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-panels': RtPanels;
  }
}
