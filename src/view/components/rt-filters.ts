/**
 * The filters: deal types, statuses, entity kinds, minimum amount, date range, and hiding firms
 * left without deals. Emits the change the analyst made; the app owns the state.
 *
 * @fires rt-filter-change - A filter was changed by the analyst (detail: a partial view state).
 */
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatUsd, parseUsd } from '../../data/money.js';
import { FLOW_LABEL, FLOW_MEANING } from '../../data/flows.js';
import { DEAL_STATUSES, DEAL_TYPES, ENTITY_KINDS, FLOW_KINDS, type DealStatus, type DealType, type EntityKind, type FlowKind } from '../../data/types.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../state/view-state.js';
import { DEAL_STYLE, KIND_STYLE } from '../palette.js';

export class FilterChangeEvent extends Event {
  static readonly type = 'rt-filter-change';
  constructor(readonly patch: Partial<ViewState>) {
    super(FilterChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The flows with one switched on or off, in canonical order; the last one cannot be switched off. */
/** The month before a date's month (YYYY-MM): "new since" it marks everything of that date's update. */
function monthBefore(date: string): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7) || '1')];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

function toggleFlow(flows: readonly FlowKind[], flow: FlowKind, on: boolean): readonly FlowKind[] {
  const next = FLOW_KINDS.filter((f) => (f === flow ? on : flows.includes(f)));
  return next.length === 0 ? flows : next;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-filter-change': FilterChangeEvent;
  }
}

const STATUS_LABEL: Record<DealStatus, string> = {
  confirmed: 'Confirmed',
  reported: 'Reported',
  loi: 'Letter of intent',
  unconfirmed: 'Unconfirmed',
};

const AMOUNT_PRESETS = [0, 1e8, 1e9, 1e10, 5e10, 1e11];

/** Toggles one value in an optional list where null means "all". */
function toggle<T extends string>(current: readonly T[] | null, all: readonly T[], value: T, on: boolean): T[] | null {
  const set = new Set(current ?? all);
  if (on) set.add(value);
  else set.delete(value);
  const next = all.filter((v) => set.has(v));
  return next.length === all.length ? null : next;
}

@customElement('rt-filters')
export class RtFilters extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    fieldset { border: 1px solid color-mix(in srgb, CanvasText 18%, transparent); border-radius: 6px; margin: 0 0 0.75rem; padding: 0.4rem 0.6rem 0.6rem; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    label { display: flex; align-items: center; gap: 0.4rem; padding: 0.1rem 0; cursor: pointer; }
    .swatch { display: inline-block; width: 1.4rem; height: 0; border-top: 3px solid; flex: none; }
    .dot { display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 3px; flex: none; }
    /* min-width 0: a month input's own minimum would push it out of the panel. */
    input[type='month'], input[type='text'] { font: inherit; padding: 0.2rem 0.3rem; width: 100%; min-width: 0; box-sizing: border-box; }
    .row { display: grid; grid-template-columns: 3rem 1fr; gap: 0.3rem; align-items: center; margin: 0.2rem 0; }
    .error { color: #b3261e; font-size: 0.8rem; margin: 0.2rem 0 0; }
    button { font: inherit; }
    .bulk { display: flex; gap: 0.4rem; margin-top: 0.25rem; }
    .bulk button { font-size: 0.8rem; padding: 0.05rem 0.4rem; }
    :focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
  `;

  @property({ attribute: false }) state: ViewState = { ...DEFAULT_VIEW_STATE };
  /** Earliest and latest month with a deal, for the date inputs. */
  @property() minMonth = '';
  @property() maxMonth = '';
  /** Date of the data set's last update, if it records one. */
  @property({ attribute: false }) lastUpdate: string | null = null;
  /** Kinds present in the data set (others are not offered). */
  @property({ attribute: false }) kindsPresent: readonly EntityKind[] = ENTITY_KINDS;

  @state() private amountError = '';
  @state() private windowError = '';

  private handleWindow = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value.trim();
    if (text === '') {
      this.windowError = '';
      this.emit({ windowMonths: null });
    } else if (/^\d{1,4}$/.test(text)) {
      this.windowError = '';
      this.emit({ windowMonths: Number(text) });
    } else this.windowError = `${text} is not a number of months (0, 1, 2, …)`;
  };

  private emit(patch: Partial<ViewState>): void {
    this.dispatchEvent(new FilterChangeEvent(patch));
  }

  override render(): TemplateResult {
    const s = this.state;
    const types = new Set(s.types ?? DEAL_TYPES);
    const statuses = new Set(s.statuses ?? DEAL_STATUSES);
    const kinds = new Set(s.kinds ?? ENTITY_KINDS);
    return html`
      <fieldset>
        <legend>Deal types</legend>
        ${DEAL_TYPES.map(
          (type) => html`<label title=${DEAL_STYLE[type].label}>
            <input type="checkbox" name="type" value=${type} .checked=${types.has(type)}
              @change=${(e: Event) => this.emit({ types: toggle<DealType>(s.types, DEAL_TYPES, type, (e.target as HTMLInputElement).checked) })} />
            <span class="swatch" style="border-top-color:${DEAL_STYLE[type].color};border-top-style:${DEAL_STYLE[type].line}"></span>${type}
          </label>`,
        )}
        <div class="bulk">
          <button type="button" @click=${() => this.emit({ types: null })}>All</button>
          <button type="button" @click=${() => this.emit({ types: ['investment', 'equity', 'loan'] })} title="Money put in: investments, stakes and loans">Money in</button>
          <button type="button" @click=${() => this.emit({ types: ['purchase', 'revenue-share'] })} title="Money paid for goods and services">Purchases</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Flows counted</legend>
        ${FLOW_KINDS.map(
          (flow) => html`<label title=${FLOW_MEANING[flow]}><input type="checkbox" name="flow" value=${flow} .checked=${s.flows.includes(flow)}
            @change=${(e: Event) => this.emit({ flows: toggleFlow(s.flows, flow, (e.target as HTMLInputElement).checked) })} />${FLOW_LABEL[flow]}</label>`,
        )}
        <label style="margin-top:0.4rem" title="Only loops whose deals can be read forwards in time, one deal per hop">
          <input type="checkbox" name="in-order" .checked=${s.inOrder} @change=${(e: Event) => this.emit({ inOrder: (e.target as HTMLInputElement).checked })} />Only loops in date order</label>
        <label title="At most this many months from the loop's first deal to its last (12 × years + months; days are ignored). Empty: no limit.">
          within <input type="number" name="window" min="0" max="9999" step="1" inputmode="numeric" placeholder="any" style="width:4.5rem"
            .value=${s.windowMonths === null ? '' : String(s.windowMonths)} @change=${this.handleWindow} /> months</label>
        ${this.windowError ? html`<p class="error" role="alert">${this.windowError}</p>` : ''}
      </fieldset>
      <fieldset>
        <legend>What is new</legend>
        <div class="row" title="Marks the deals (and the loops that need them) added to the data set after this month"><label for="new-since">Since</label>
          <input id="new-since" type="month" name="new-since" .value=${s.newSince?.slice(0, 7) ?? ''} @change=${(e: Event) => this.emit({ newSince: (e.target as HTMLInputElement).value || null })} /></div>
        ${this.lastUpdate
          ? html`<div class="bulk"><button type="button" data-last-update title=${`What the update of ${this.lastUpdate} added`} @click=${() => this.emit({ newSince: monthBefore(this.lastUpdate as string) })}>Last update</button>
              ${s.newSince ? html`<button type="button" @click=${() => this.emit({ newSince: null })}>None</button>` : ''}</div>`
          : ''}
      </fieldset>
      <fieldset>
        <legend>Minimum amount</legend>
        <input type="text" aria-label="Minimum known amount in US dollars" list="amount-presets" placeholder="any (e.g. 1B, 500M)"
          .value=${s.minUsd > 0 ? formatUsd(s.minUsd).replace('$', '') : ''} @change=${this.handleAmount} />
        <datalist id="amount-presets">${AMOUNT_PRESETS.filter((a) => a > 0).map((a) => html`<option value=${formatUsd(a).replace('$', '')}></option>`)}</datalist>
        ${this.amountError ? html`<p class="error" role="alert">${this.amountError}</p>` : ''}
        <p style="margin:0.3rem 0 0;font-size:0.8rem;opacity:0.75">Deals with an undisclosed amount stay visible.</p>
      </fieldset>
      <fieldset>
        <legend>Date range</legend>
        <div class="row"><label for="from">From</label><input id="from" type="month" min=${this.minMonth} max=${this.maxMonth} .value=${s.from ?? ''}
          @change=${(e: Event) => this.emit({ from: (e.target as HTMLInputElement).value || null })} /></div>
        <div class="row"><label for="to">To</label><input id="to" type="month" min=${this.minMonth} max=${this.maxMonth} .value=${s.to ?? ''}
          @change=${(e: Event) => this.emit({ to: (e.target as HTMLInputElement).value || null })} /></div>
      </fieldset>
      <fieldset>
        <legend>Deal status</legend>
        ${DEAL_STATUSES.map(
          (status) => html`<label><input type="checkbox" name="status" value=${status} .checked=${statuses.has(status)}
            @change=${(e: Event) => this.emit({ statuses: toggle<DealStatus>(s.statuses, DEAL_STATUSES, status, (e.target as HTMLInputElement).checked) })} />${STATUS_LABEL[status]}</label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>Firm kinds</legend>
        ${this.kindsPresent.map(
          (kind) => html`<label><input type="checkbox" name="kind" value=${kind} .checked=${kinds.has(kind)}
            @change=${(e: Event) => this.emit({ kinds: toggle<EntityKind>(s.kinds, ENTITY_KINDS, kind, (e.target as HTMLInputElement).checked) })} />
            <span class="dot" style="background:${KIND_STYLE[kind].color}"></span>${KIND_STYLE[kind].label}</label>`,
        )}
        <label style="margin-top:0.4rem"><input type="checkbox" name="isolated" .checked=${s.hideIsolated}
          @change=${(e: Event) => this.emit({ hideIsolated: (e.target as HTMLInputElement).checked })} />Hide firms without deals</label>
      </fieldset>
      <button type="button" @click=${this.handleReset}>Reset filters</button>
    `;
  }

  private handleAmount = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const text = input.value.trim();
    if (text === '') {
      this.amountError = '';
      this.emit({ minUsd: 0 });
      return;
    }
    const amount = parseUsd(text);
    if (amount === null) {
      this.amountError = `"${text}" is not an amount; try 1B, 500M or 1e9.`;
      return;
    }
    this.amountError = '';
    this.emit({ minUsd: amount });
  };

  private handleReset = (): void => {
    this.amountError = '';
    const d = DEFAULT_VIEW_STATE;
    this.emit({ types: d.types, minUsd: d.minUsd, from: d.from, to: d.to, kinds: d.kinds, statuses: d.statuses, hideIsolated: d.hideIsolated, flows: d.flows, inOrder: d.inOrder, windowMonths: d.windowMonths, newSince: d.newSince });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-filters': RtFilters;
  }
}
