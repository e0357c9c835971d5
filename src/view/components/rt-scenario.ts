/**
 * What if a firm fails: pick firms and how hard each is hit (or a preset), and read who is hit,
 * round by round, from the DebtRank contagion model. Emits what the analyst changed.
 *
 * @fires rt-scenario-change - The analyst changed the shock, the model or the round shown.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ContagionMode, DebtRankResult } from '../../analysis/contagion.js';
import { formatUsd } from '../../data/money.js';
import { PRESET_SCENARIOS } from '../../state/scenarios.js';
import type { ViewState } from '../../state/view-state.js';
import { DISTRESS_GRADIENT, distressColor } from '../distress-scale.js';

export class ScenarioChangeEvent extends Event {
  static readonly type = 'rt-scenario-change';
  constructor(readonly patch: Partial<Pick<ViewState, 'shock' | 'model' | 'round'>>) {
    super(ScenarioChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-scenario-change': ScenarioChangeEvent;
  }
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
        <p>DebtRank (Battiston et al. 2012). A deal makes one firm exposed to another: investors, stake holders and lenders lose when the firm they put money in fails; sellers, payees, beneficiaries and warrant holders lose when the firm paying them fails. A firm's equity is unknown, so it is taken as its total known exposure.</p>
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
      </div>`;
  }

  private renderResult(result: DebtRankResult): TemplateResult {
    const last = result.rounds;
    const round = Math.min(this.round ?? last, last);
    const hit = result.firms.filter((f) => f.final > 0);
    return html`
      <h3>Who is hit</h3>
      <div class="scale" role="img" aria-label="Colour scale: light is unharmed, dark red is failed" style="--distress-gradient:${DISTRESS_GRADIENT}"></div>
      <div class="scale-labels"><span>0% unharmed</span><span>100% failed</span></div>
      <p class="summary" role="status">DebtRank ${result.debtRank.toFixed(3)} (loss from the spreading, share of known deal volume) after ${last} round${last === 1 ? '' : 's'}${result.converged ? '' : ' (stopped at the round limit)'}; ${hit.length} firms hit.</p>
      <div class="row" aria-label="Rounds">
        <button aria-label="Previous round" ?disabled=${round <= 1} @click=${() => this.emit({ round: round - 1 })}>◀</button>
        <span data-round=${round}>Round ${round} of ${last}</span>
        <button aria-label="Next round" ?disabled=${round >= last} @click=${() => this.emit({ round: round + 1 >= last ? null : round + 1 })}>▶</button>
        <button @click=${() => this.play(last)}>Play</button>
      </div>
      <table aria-label="Distress by firm and round">
        <thead><tr><th>Firm</th>${Array.from({ length: last }, (_, i) => html`<th>R${i + 1}</th>`)}<th>Loss</th></tr></thead>
        <tbody>${hit.map(
          (f) => html`<tr data-firm=${f.id}>
            <td><span class="dot" style="background:${distressColor(f.byRound[round - 1] ?? f.final)}"></span>${f.name}${f.undisclosedDeals > 0 ? html` <small title="Some of its exposures are undisclosed">≥</small>` : nothing}</td>
            ${f.byRound.map((h, i) => html`<td class=${i + 1 === round ? 'current' : ''}>${percent(h)}</td>`)}
            <td>${formatUsd(f.lossUsd)}</td>
          </tr>`,
        )}</tbody>
      </table>
    `;
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
