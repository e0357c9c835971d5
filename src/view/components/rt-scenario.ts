/**
 * What if a firm fails: pick firms and how hard each is hit (or a preset), and read who is hit,
 * round by round, from the DebtRank contagion model. Emits what the analyst changed.
 *
 * @fires rt-scenario-change - The analyst changed the shock, the model or the round shown.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_LOSS_SHARE, type ContagionMode, type DebtRankResult, type FirmDistress } from '../../analysis/contagion.js';
import { scenarioSummary, shockInWords } from '../../analysis/scenario-summary.js';
import { scenarioCsv } from '../../export/csv.js';
import { download } from '../download.js';
import { formatUsd } from '../../data/money.js';
import { PRESET_SCENARIOS } from '../../state/scenarios.js';
import type { ViewState } from '../../state/view-state.js';
import { DARK_DISTRESS_GRADIENT, DISTRESS_GRADIENT, distressColor } from '../distress-scale.js';

export class ScenarioChangeEvent extends Event {
  static readonly type = 'rt-scenario-change';
  constructor(readonly patch: Partial<Pick<ViewState, 'shock' | 'model' | 'round' | 'lgd' | 'called' | 'buffers'>>) {
    super(ScenarioChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The analyst asked to see how a firm's loss arrived: these deals and firms, back to the shock (null clears). */
export class TraceEvent extends Event {
  static readonly type = 'rt-trace';
  constructor(readonly trace: { firm: string; deals: string[]; firms: string[] } | null) {
    super(TraceEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-scenario-change': ScenarioChangeEvent;
    'rt-trace': TraceEvent;
  }
}

/** The deals a firm's loss came through, and theirs back to the shocked firms. */
export function traceBack(result: DebtRankResult, firm: string): { deals: string[]; firms: string[] } {
  const byId = new Map(result.firms.map((f) => [f.id, f]));
  const deals = new Set<string>();
  const firms = new Set<string>([firm]);
  const queue = [firm];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const part of byId.get(id)?.hitThrough ?? []) {
      if (part.deal === null || part.from === null) continue;
      deals.add(part.deal);
      if (!firms.has(part.from)) {
        firms.add(part.from);
        queue.push(part.from);
      }
    }
  }
  return { deals: [...deals], firms: [...firms] };
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

@customElement('rt-scenario')
export class RtScenario extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.88rem; }
    h3 { font-size: 0.95rem; margin: 0.9rem 0 0.35rem; }
    .presets { display: grid; gap: 0.35rem; }
    .preset { text-align: left; font: inherit; padding: 0.35rem 0.5rem; border-radius: 6px; border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); background: none; color: inherit; cursor: pointer; }
    .preset strong { display: block; }
    .preset small { opacity: 0.8; }
    .row { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
    select, input, button { font: inherit; }
    input[type='range'] { flex: 1; min-width: 6rem; }
    ul.shock { list-style: none; padding: 0; margin: 0.3rem 0; }
    ul.shock li { display: flex; gap: 0.4rem; align-items: center; padding: 0.15rem 0; }
    table { border-collapse: collapse; width: 100%; font-size: 0.82rem; }
    th, td { padding: 0.2rem 0.3rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 12%, transparent); text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    th:first-child, td:first-child { text-align: left; white-space: normal; }
    td.current { font-weight: 700; }
    .dot { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 50%; border: 1px solid #888; vertical-align: middle; margin-right: 0.25rem; }
    .scale { height: 0.6rem; border-radius: 3px; border: 1px solid #999; background: var(--distress-gradient); }
    .scale-labels { display: flex; justify-content: space-between; font-size: 0.75rem; opacity: 0.8; }
    .summary { margin: 0.4rem 0; }
    .note { font-size: 0.78rem; opacity: 0.8; margin: 0.3rem 0; }
    tr.row-firm { cursor: pointer; }
    tr.row-firm:hover td, tr.row-firm.open td { background: color-mix(in srgb, Highlight 12%, transparent); }
    button.firm { font: inherit; background: none; border: none; color: inherit; padding: 0; cursor: pointer; text-align: left; }
    tr.trace ul { margin: 0.2rem 0 0.4rem; padding-left: 1rem; }
    tr.trace li { white-space: normal; text-align: left; }
    button.sort { font: inherit; font-weight: 600; background: none; border: none; color: inherit; padding: 0; cursor: pointer; }
    details { margin-top: 0.8rem; }
    .formula { font-family: ui-monospace, monospace; font-size: 0.8rem; }
    :focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
  `;

  @property({ attribute: false }) shock: Record<string, number> | null = null;
  @property({ attribute: false }) model: ContagionMode = 'original';
  @property({ attribute: false }) round: number | null = null;
  @property({ attribute: false }) result: DebtRankResult | null = null;
  /** Firms that can be shocked (in view), by id and name, sorted by name. */
  @property({ attribute: false }) firms: ReadonlyArray<{ id: string; name: string }> = [];
  @property({ attribute: false }) nameOf: (id: string) => string = (id) => id;
  /** A deal's title, for the losses traced to it. */
  @property({ attribute: false }) dealTitle: (id: string) => string = (id) => id;
  @property({ attribute: false }) lgd: number | null = null;
  @property({ type: Boolean }) called = false;
  @property({ attribute: false }) buffers: 'balance' | 'proxy' = 'balance';
  /** Dark colours on the page: the scale starts dark too. */
  @property({ type: Boolean }) dark = false;
  @state() private traced: string | null = null;
  @state() private sortBy: 'loss' | 'share' = 'loss';

  @state() private pick = '';
  @state() private level = 0.5;
  private playTimer: ReturnType<typeof setInterval> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.playTimer);
  }

  private emit(patch: ScenarioChangeEvent['patch']): void {
    this.dispatchEvent(new ScenarioChangeEvent(patch));
  }

  override render(): TemplateResult {
    return html`
      <p>Play out a failure: who is hit, and how hard, through the deals. Exposures come from the deals; undisclosed amounts pass nothing on, so every figure is a lower bound.</p>
      <h3>Presets</h3>
      <div class="presets">
        ${PRESET_SCENARIOS.map(
          (preset) => html`<button class="preset" data-preset=${preset.id} @click=${() => this.emit({ shock: { ...preset.shock }, round: null })}>
            <strong>${preset.title}</strong><small>${preset.assumption}</small></button>`,
        )}
      </div>
      <h3>Your own shock</h3>
      <div class="row">
        <select aria-label="Firm to shock" .value=${this.pick} @change=${(e: Event) => (this.pick = (e.target as HTMLSelectElement).value)}>
          <option value="">Choose a firm…</option>
          ${this.firms.map((f) => html`<option value=${f.id}>${f.name}</option>`)}
        </select>
        <input type="range" min="0" max="1" step="0.05" aria-label="Initial distress" .value=${String(this.level)}
          @input=${(e: Event) => (this.level = Number((e.target as HTMLInputElement).value))} />
        <span aria-hidden="true">${percent(this.level)}</span>
        <button ?disabled=${this.pick === ''} @click=${this.addShock}>Hit it</button>
      </div>
      ${this.renderShock()}
      ${this.result ? this.renderResult(this.result) : nothing}
      <details>
        <summary>How this is computed</summary>
        <p>DebtRank (Battiston et al. 2012). A deal makes one firm exposed to another: investors, stake holders and lenders lose when the firm they put money in fails; sellers, payees, beneficiaries and warrant holders lose when the firm paying them fails. What counts is the flow kind: money paid and value held or granted at their amounts, committed purchases at the share set above, guarantees only when called, partnerships never. A firm's buffer is its book equity (for a private lab its last valuation, as recorded); a firm without a balance sheet is not computed. The model has no fire sales, no market prices and one period: it says who is exposed to whom and how much, not what would happen in a market.</p>
        <p class="formula">W<sub>ji</sub> = min(1, A<sub>ij</sub> / E<sub>i</sub>)<br />h<sub>i</sub>(t) = min(1, h<sub>i</sub>(t−1) + Σ<sub>j distressed</sub> W<sub>ji</sub> h<sub>j</sub>(t−1))</p>
        <p>In the original rule a distressed firm passes its distress on once and then stops, so a loop cannot amplify itself forever; the linear rule (Bardoscia et al. 2015) passes on every increase. DebtRank is the loss caused by the spreading alone, as a share of the network's known deal volume.</p>
      </details>
    `;
  }

  private renderShock(): TemplateResult | typeof nothing {
    const shock = this.shock;
    if (!shock || Object.keys(shock).length === 0) return nothing;
    return html`<ul class="shock" aria-label="Firms hit by the shock">
        ${Object.entries(shock).map(
          ([firm, level]) => html`<li data-shocked=${firm}>${this.nameOf(firm)}: ${percent(level)}
            <button aria-label=${`Remove ${this.nameOf(firm)}`} @click=${() => this.removeShock(firm)}>Remove</button></li>`,
        )}
      </ul>
      <div class="row">
        <label>Rule <select aria-label="Contagion rule" @change=${(e: Event) => this.emit({ model: (e.target as HTMLSelectElement).value as ContagionMode, round: null })}>
          <option value="original" ?selected=${this.model === 'original'}>Original (each firm passes distress on once)</option>
          <option value="linear" ?selected=${this.model === 'linear'}>Linear (every increase passes on)</option>
        </select></label>
        <button @click=${() => this.emit({ shock: null, round: null })}>Clear the scenario</button>
      </div>
      <div class="row">
        <label title="What a seller loses of a buyer's committed purchases when the buyer fails: the profit it no longer makes, not the contract value">Committed purchases count at
          <input type="number" name="lgd" min="0" max="100" step="5" style="width:4rem" .value=${String(Math.round((this.lgd ?? DEFAULT_LOSS_SHARE.committed) * 100))}
            @change=${this.handleLgd} />%</label>
        <label><input type="checkbox" name="called" .checked=${this.called} @change=${(e: Event) => this.emit({ called: (e.target as HTMLInputElement).checked })} />Guarantees are called</label>
        <label title="Book equity from the balance sheets; the proxy takes each firm's total known exposure as its equity (the textbook stand-in, not a real buffer)">Buffers
          <select name="buffers" @change=${(e: Event) => this.emit({ buffers: (e.target as HTMLSelectElement).value as 'balance' | 'proxy' })}>
            <option value="balance" ?selected=${this.buffers === 'balance'}>balance sheets</option>
            <option value="proxy" ?selected=${this.buffers === 'proxy'}>proxy: total exposure</option>
          </select></label>
      </div>`;
  }

  private renderResult(result: DebtRankResult): TemplateResult {
    const last = result.rounds;
    const round = Math.min(this.round ?? last, last);
    const hit = result.firms.filter((f) => f.lossUsd > 0 || f.initial > 0);
    const rows = this.sortBy === 'share' ? [...hit].sort((a, b) => (b.lossShare ?? -1) - (a.lossShare ?? -1) || b.lossUsd - a.lossUsd) : hit;
    const shockWords = shockInWords(this.shock ?? {}, this.nameOf);
    return html`
      <h3>Who is hit</h3>
      <p class="summary" role="status" data-summary>${scenarioSummary(result, shockWords, { firm: this.nameOf, deal: this.dealTitle })}</p>
      <div class="scale" role="img" aria-label="Colour scale: light is no loss, dark red is a loss of all of the firm's equity" style="--distress-gradient:${this.dark ? DARK_DISTRESS_GRADIENT : DISTRESS_GRADIENT}"></div>
      <div class="scale-labels"><span>no loss</span><span>50% of equity lost</span><span>failed: all of it</span></div>
      <p class="note">A firm's colour is the share of its equity lost; its dot in the table gives the dollars.</p>
      <p class="note">Firms without a balance sheet keep their usual colour: their losses are listed, their distress is not computed.</p>
      <div class="row" aria-label="Rounds">
        <button aria-label="Previous round" ?disabled=${round <= 1} @click=${() => this.emit({ round: round - 1 })}>◀</button>
        <span data-round=${round}>Round ${round} of ${last}</span>
        <button aria-label="Next round" ?disabled=${round >= last} @click=${() => this.emit({ round: round + 1 >= last ? null : round + 1 })}>▶</button>
        <button @click=${() => this.play(last)}>Play</button>
        <button @click=${() => this.downloadCsv(result)}>CSV</button>
      </div>
      <table aria-label="Losses by firm">
        <thead><tr>
          <th>Firm</th>
          <th aria-sort=${this.sortBy === 'loss' ? 'descending' : 'none'}><button class="sort" @click=${() => (this.sortBy = 'loss')}>Loss</button></th>
          <th aria-sort=${this.sortBy === 'share' ? 'descending' : 'none'}><button class="sort" @click=${() => (this.sortBy = 'share')}>Of equity</button></th>
        </tr></thead>
        <tbody>${rows.map((f) => this.renderFirm(f, round))}</tbody>
      </table>
      <p class="note">DebtRank ${result.debtRank.toFixed(3)} (the loss the spreading adds, as a share of known deal volume), ${last} round${last === 1 ? '' : 's'}${result.converged ? '' : ' (stopped at the round limit)'}.</p>
    `;
  }

  private renderFirm(f: FirmDistress, round: number): TemplateResult {
    const open = this.traced === f.id;
    const at = f.byRound[round - 1] ?? 0;
    // The whole row answers a click; the button in it gives keyboards and screen readers the same.
    return html`<tr data-firm=${f.id} class=${open ? 'row-firm open' : 'row-firm'} @click=${() => this.toggleTrace(f.id)}>
        <td><span class="dot" style="background:${f.final === null ? 'transparent' : distressColor(at, this.dark)}"
          title=${f.equityUsd === null ? 'No balance sheet: distress not computed' : `Round ${round}: ${percent(at)} of its ${formatUsd(f.equityUsd)} ${f.buffer === 'proxy' ? 'proxy buffer' : 'equity'} lost, ${formatUsd(at * f.equityUsd)}`}></span><button class="firm" aria-expanded=${open ? 'true' : 'false'}
          title="Show the deals this loss came through">${f.name}</button>${f.undisclosedDeals > 0 ? html` <small title="Some of its exposures are undisclosed: a lower bound">≥</small>` : nothing}</td>
        <td>${formatUsd(f.lossUsd)}</td>
        <td>${f.equityUsd === null ? html`<small>no balance sheet</small>` : f.failed ? html`<strong>failed</strong>` : `${percent(f.lossShare ?? 0)} of ${formatUsd(f.equityUsd)}`}</td>
      </tr>
      ${open
        ? html`<tr class="trace"><td colspan="3"><ul>${f.hitThrough.map(
            (part) => html`<li data-deal=${part.deal ?? ''}>${part.deal === null ? 'the shock itself' : html`${this.dealTitle(part.deal)} <small>(from ${this.nameOf(part.from ?? '')}, round ${part.round})</small>`}: ${formatUsd(part.lossUsd)}</li>`,
          )}</ul></td></tr>`
        : nothing}`;
  }

  private toggleTrace(firm: string): void {
    this.traced = this.traced === firm ? null : firm;
    const result = this.result;
    this.dispatchEvent(new TraceEvent(this.traced && result ? { firm, ...traceBack(result, firm) } : null));
  }

  private handleLgd = (event: Event): void => {
    const value = Number((event.target as HTMLInputElement).value);
    if (Number.isFinite(value) && value >= 0 && value <= 100) this.emit({ lgd: value / 100 === DEFAULT_LOSS_SHARE.committed ? null : value / 100 });
  };

  /** The table as CSV: firm, loss, buffer, share, failed, and the deals it came through. */
  private downloadCsv(result: DebtRankResult): void {
    download('roundtrip-scenario.csv', new Blob([scenarioCsv(result)], { type: 'text/csv;charset=utf-8' }));
  }

  private addShock = (): void => {
    if (!this.pick) return;
    this.emit({ shock: { ...(this.shock ?? {}), [this.pick]: this.level }, round: null });
  };

  private removeShock(firm: string): void {
    const next = { ...(this.shock ?? {}) };
    delete next[firm];
    this.emit({ shock: Object.keys(next).length > 0 ? next : null, round: null });
  }

  /** Steps through the rounds from the first, one a second. */
  private play(last: number): void {
    clearInterval(this.playTimer);
    let round = 1;
    this.emit({ round: 1 });
    this.playTimer = setInterval(() => {
      round++;
      if (round >= last) {
        clearInterval(this.playTimer);
        this.emit({ round: null });
      } else this.emit({ round });
    }, 900);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-scenario': RtScenario;
  }
}
