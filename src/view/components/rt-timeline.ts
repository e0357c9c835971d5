/**
 * The timeline: a month slider (with play) over the deals' dates, and a small chart of the loops
 * and the money in them per quarter. The graph shows the network as of the chosen month.
 *
 * @fires rt-timeline-change - The analyst moved the slider or played it (detail: the month, or null for all dates).
 */
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatUsd } from '../../data/money.js';
import type { QuarterPoint } from '../../state/timeline.js';

export class TimelineChangeEvent extends Event {
  static readonly type = 'rt-timeline-change';
  constructor(
    readonly asOf: string | null,
    /** True while playing or dragging: the change is not a history step of its own. */
    readonly continuous: boolean,
  ) {
    super(TimelineChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-timeline-change': TimelineChangeEvent;
  }
}

const WIDTH = 360;
const HEIGHT = 56;

@customElement('rt-timeline')
export class RtTimeline extends LitElement {
  static override styles = css`
    :host { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; padding: 0.35rem 0.6rem; font-size: 0.85rem; border-top: 1px solid color-mix(in srgb, CanvasText 10%, transparent); }
    input[type='range'] { flex: 1 1 12rem; }
    button { font: inherit; }
    .month { min-width: 6.5rem; font-variant-numeric: tabular-nums; }
    svg { display: block; }
    .bar { fill: #cb181d; opacity: 0.75; }
    .bar.later { fill: #bbbbbb; }
    .money { fill: none; stroke: #3366cc; stroke-width: 1.5; }
    .axis { font-size: 9px; fill: currentColor; opacity: 0.75; }
    details { font-size: 0.8rem; }
    /* The legend and the Numbers toggle have a row of their own, one line high, as has the
       placeholder: the timeline is as tall while the counts are worked out as after (a pixel's
       change resized the graph, which then drew every firm again). */
    .legend { flex: 1 1 100%; display: flex; gap: 0.8rem; align-items: baseline; min-width: 0; line-height: 1.25rem; }
    .legend small { flex: 0 1 auto; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    table { border-collapse: collapse; }
    td, th { padding: 0 0.4rem; text-align: right; }
    :focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
  `;

  /** Every month the deals span, `YYYY-MM`. */
  @property({ attribute: false }) months: readonly string[] = [];
  @property({ attribute: false }) asOf: string | null = null;
  @property({ attribute: false }) history: readonly QuarterPoint[] = [];

  private playTimer: ReturnType<typeof setInterval> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.playTimer);
  }

  private get index(): number {
    const i = this.asOf === null ? -1 : this.months.indexOf(this.asOf);
    return i < 0 ? this.months.length : i;
  }

  private emit(index: number, continuous: boolean): void {
    this.dispatchEvent(new TimelineChangeEvent(index >= this.months.length ? null : (this.months[index] ?? null), continuous));
  }

  override render(): TemplateResult {
    const n = this.months.length;
    if (n === 0) return html``;
    const playing = this.playTimer !== undefined;
    return html`
      <button aria-label=${playing ? 'Pause the timeline' : 'Play the timeline'} @click=${this.togglePlay}>${playing ? '❚❚' : '▶'}</button>
      <input type="range" min="0" max=${n} step="1" .value=${String(this.index)} aria-label="Show the network as of this month"
        aria-valuetext=${this.asOf ?? 'all dates'}
        @input=${(e: Event) => this.emit(Number((e.target as HTMLInputElement).value), true)}
        @change=${(e: Event) => this.emit(Number((e.target as HTMLInputElement).value), false)} />
      <span class="month" role="status" data-asof=${this.asOf ?? ''}>${this.asOf ? `as of ${this.asOf}` : 'all dates'}</span>
      ${this.asOf ? html`<button @click=${() => this.emit(n, false)}>All dates</button>` : nothing}
      ${this.renderChart()}
    `;
  }

  private renderChart(): TemplateResult {
    const points = this.history;
    // The chart's room is kept while the counts are worked out, so the graph above does not shrink later.
    if (points.length === 0) return html`<svg width=${WIDTH} height=${HEIGHT} aria-hidden="true"></svg><div class="legend"><small>loops per quarter: counting…</small></div>`;
    // The scales' floors of 1 only keep the drawing's divisions defined; the words say the real maxima.
    const mostLoops = points.reduce((most, p) => Math.max(most, p.loops), 0);
    const mostMoney = points.reduce((most, p) => Math.max(most, p.moneyUsd), 0);
    const maxLoops = Math.max(1, mostLoops);
    const maxMoney = Math.max(1, mostMoney);
    const step = WIDTH / points.length;
    const bar = Math.max(2, step - 3);
    const plot = HEIGHT - 12;
    const line = points.map((p, i) => `${(i + 0.5) * step},${plot - (p.moneyUsd / maxMoney) * plot}`).join(' ');
    const legend = mostLoops === 0 ? 'no loop in any quarter' : `bars: loops (max ${mostLoops}) · line: money on loops (max ${mostMoney > 0 ? formatUsd(mostMoney) : 'undisclosed'})`;
    const summary = `Loops per quarter, from ${points[0]?.loops ?? 0} in ${points[0]?.label ?? ''} to ${points[points.length - 1]?.loops ?? 0} in ${points[points.length - 1]?.label ?? ''}; at most ${mostLoops}, with ${formatUsd(mostMoney)} of known money on loops.`;
    return html`<svg width=${WIDTH} height=${HEIGHT} role="img" aria-label=${summary}>
        ${points.map((p, i) => {
          const h = (p.loops / maxLoops) * plot;
          const later = this.asOf !== null && p.month > this.asOf;
          return svg`<rect class=${later ? 'bar later' : 'bar'} x=${i * step + 1} y=${plot - h} width=${bar} height=${h}><title>${p.label}: ${p.loops}${p.capped ? '+' : ''} loops, ${formatUsd(p.moneyUsd)} on loops</title></rect>`;
        })}
        <polyline class="money" points=${line}></polyline>
        <text class="axis" x="0" y=${HEIGHT - 1}>${points[0]?.label}</text>
        <text class="axis" x=${WIDTH} y=${HEIGHT - 1} text-anchor="end">${points[points.length - 1]?.label}</text>
      </svg>
      <div class="legend">
      <small title=${legend}>${legend}</small>
      <details>
        <summary>Numbers</summary>
        <table aria-label="Loops and money on loops per quarter">
          <thead><tr><th>Quarter</th><th>Loops</th><th>Money on loops</th></tr></thead>
          <tbody>${points.map((p) => html`<tr><td>${p.label}</td><td>${p.loops}${p.capped ? '+' : ''}</td><td>${formatUsd(p.moneyUsd)}</td></tr>`)}</tbody>
        </table>
      </details>
      </div>`;
  }

  private togglePlay = (): void => {
    if (this.playTimer !== undefined) {
      clearInterval(this.playTimer);
      this.playTimer = undefined;
      this.requestUpdate();
      return;
    }
    let index = this.index >= this.months.length ? 0 : this.index;
    this.emit(index, true);
    this.playTimer = setInterval(() => {
      index++;
      if (index >= this.months.length) {
        clearInterval(this.playTimer);
        this.playTimer = undefined;
        this.emit(this.months.length, false);
        return;
      }
      this.emit(index, true);
    }, 600);
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-timeline': RtTimeline;
  }
}
