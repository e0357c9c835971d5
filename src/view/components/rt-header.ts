/**
 * The explorer's header: the name, what data is shown (and the way back to the shipped data), the
 * firm search, and the buttons to open data, export, switch colours, copy the link and read about
 * the data. It renders and emits; copying the link is its own small job.
 *
 * @fires rt-header-action - The analyst asked for something the explorer does (see HeaderAction).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Entity } from '../../data/types.js';
import type { ExportFormat } from '../controllers/export-view.js';
import { SHIPPED_STORIES } from '../../state/story-link.js';
import { embedCode } from '../embed-code.js';
import { APP_TITLE } from '../controllers/story-player.js';

export type HeaderAction =
  | { kind: 'search'; query: string }
  | { kind: 'open'; files: File[] }
  | { kind: 'export'; format: ExportFormat; amounts: boolean }
  | { kind: 'theme' }
  | { kind: 'about' }
  | { kind: 'reset-data' }
  | { kind: 'story-play'; name: string }
  | { kind: 'story-new' };

export class HeaderActionEvent extends Event {
  static readonly type = 'rt-header-action';
  constructor(readonly action: HeaderAction) {
    super(HeaderActionEvent.type, { bubbles: true, composed: true });
  }
}

/** One handler per header action (every kind must have one). */
export type HeaderHandlers = { [K in HeaderAction['kind']]: (action: Extract<HeaderAction, { kind: K }>) => void };

/** A listener for the header's actions that hands each to its handler. */
export function onHeaderAction(handlers: HeaderHandlers): (event: HeaderActionEvent) => void {
  return (event) => (handlers[event.action.kind] as (action: HeaderAction) => void)(event.action);
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-header-action': HeaderActionEvent;
  }
}

const EXPORTS: ReadonlyArray<[ExportFormat, string]> = [
  ['png', 'Picture, PNG (2×)'],
  ['svg', 'Picture, SVG'],
  ['graphml', 'Network, GraphML (yEd, Gephi)'],
  ['gexf', 'Network, GEXF (Gephi)'],
  ['json', 'Data, JSON (2 files)'],
  ['deals', 'Deals, CSV'],
  ['loops', 'Loops, CSV'],
  ['measures', 'Measures, CSV'],
];

export interface DataSummary {
  deals: number;
  firms: number;
  /** When the data set was last checked against its sources. */
  asOf: string | null;
}

@customElement('rt-header')
export class RtHeader extends LitElement {
  static override styles = css`
    :host { display: block; }
    button { font: inherit; }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.5rem 1rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 15%, transparent); }
    h1 { font-size: 1.2rem; margin: 0; }
    .tagline { margin: 0; font-size: 0.85rem; opacity: 0.8; flex: 1 1 16rem; }
    .search { display: flex; gap: 0.3rem; align-items: center; }
    .search input { font: inherit; padding: 0.25rem 0.4rem; width: 14rem; }
    .search .miss { color: #b3261e; font-size: 0.8rem; }
    .copied { font-size: 0.85rem; }
    .export, .stories, .share { position: relative; }
    .stories summary { cursor: pointer; padding: 0.15rem 0.5rem; border: 1px solid color-mix(in srgb, #2f6fde 60%, transparent); border-radius: 4px; background: color-mix(in srgb, #2f6fde 10%, Canvas); }
    .stories .menu { left: 0; right: auto; }
    .menu { position: absolute; right: 0; z-index: 5; display: grid; gap: 0.2rem; padding: 0.4rem; min-width: 15rem; background: Canvas; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.2); }
    .menu button { text-align: left; }
    .menu .hint { font-size: 0.8rem; opacity: 0.8; margin: 0.1rem 0; max-width: 18rem; }
    .export summary, .share summary { cursor: pointer; padding: 0.15rem 0.5rem; border: 1px solid color-mix(in srgb, CanvasText 35%, transparent); border-radius: 4px; }
    /* In the tagline, so the header keeps its height when a set is imported. */
    .dataset { font-size: 0.85rem; padding: 0 0.4rem; border-radius: 4px; background: color-mix(in srgb, #f5a623 20%, Canvas); }
    .dataset .back { font-size: 0.75rem; line-height: 1.1; padding: 0 0.3rem; }
    .dataset { line-height: 1.2; }
  `;

  /** The data set shown, when it is not the shipped one. */
  @property({ attribute: false }) importedName: string | null = null;
  @property({ attribute: false }) summary: DataSummary | null = null;
  /** Firms the search offers as the analyst types. */
  @property({ attribute: false }) entities: readonly Entity[] = [];
  /** Why the last search found nothing; '' when it did. */
  @property({ attribute: false }) searchMiss = '';
  @property({ type: Boolean }) dark = false;
  /** What an embedded copy of the view is called (its frame's title). */
  @property({ attribute: false }) embedTitle = APP_TITLE;
  @state() private copied = '';
  /** Pictures write the amount on every arrow (an export choice, not part of the view). */
  @state() private exportAmounts = false;

  private emit(action: HeaderAction): void {
    this.dispatchEvent(new HeaderActionEvent(action));
  }

  override render(): TemplateResult {
    const summary = this.summary;
    return html`<header>
      <h1>Roundtrip</h1>
      <p class="tagline">${this.importedName ? nothing : 'Circular financing in the AI boom: money that leaves a firm and comes back to it through other firms.'}
        ${this.importedName
          ? html`<span class="dataset" data-imported>Data: ${this.importedName} <button class="back" @click=${() => this.emit({ kind: 'reset-data' })} title="Back to the shipped data">Back to the shipped data</button></span>`
          : nothing}
        ${summary ? html`<span data-summary>${summary.deals} deals · ${summary.firms} firms${summary.asOf ? html` · <span data-as-of title="When the data set was last checked against its sources">checked ${summary.asOf}</span>` : nothing}</span>` : nothing}</p>
      ${summary ? this.renderSearch() : nothing}
      ${this.renderStories()}
      <button @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#open-files')?.click()} title="Open your own deals (the two JSON files, or a deals CSV and an entities CSV) or a story (.story.json)">Open…</button>
      <input id="open-files" type="file" multiple accept=".json,.csv,.tsv,.txt" hidden aria-label="Open data files"
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          this.emit({ kind: 'open', files: [...(input.files ?? [])] });
          input.value = '';
        }} />
      <details class="export">
        <summary>Export</summary>
        <div class="menu" role="group" aria-label="Export the view">
          ${EXPORTS.map(
            ([format, label]) => html`<button data-export=${format} @click=${() => this.export(format)}>${label}</button>
              ${format === 'svg'
                ? html`<label title="Pictures (PNG, SVG) write each deal's amount on its arrow, whatever the zoom"><input type="checkbox" data-export-amounts .checked=${this.exportAmounts}
                    @change=${(e: Event) => (this.exportAmounts = (e.target as HTMLInputElement).checked)} /> Amounts on every arrow</label>`
                : nothing}`,
          )}
        </div>
      </details>
      <button data-theme @click=${() => this.emit({ kind: 'theme' })} title="Switch between light and dark colours (kept in the link)">${this.dark ? 'Light' : 'Dark'}</button>
      <details class="share">
        <summary>Share</summary>
        <div class="menu" role="group" aria-label="Share the view">
          <button data-copy-link @click=${this.copyLink} title="Copy a link that opens exactly this view">Copy link</button>
          <button data-embed-code @click=${this.copyEmbedCode} title="Copy the HTML that shows this view (the graph and the caption) inside another page">Copy embed code</button>
        </div>
      </details>
      ${this.copied ? html`<span role="status" class="copied">${this.copied}</span>` : nothing}
      <button @click=${() => this.emit({ kind: 'about' })} title="About the data: where the deals come from, what an arrow means">About</button>
    </header>`;
  }

  private renderStories(): TemplateResult {
    const close = (): void => this.renderRoot.querySelector('details.stories')?.removeAttribute('open');
    return html`<details class="stories">
      <summary>Stories</summary>
      <div class="menu" role="group" aria-label="Stories">
        ${SHIPPED_STORIES.map(({ name, title }) => html`<button data-story-play=${name} @click=${() => { close(); this.emit({ kind: 'story-play', name }); }}>▶ ${title}</button>`)}
        <button data-story-new @click=${() => { close(); this.emit({ kind: 'story-new' }); }}>Start a story from this view</button>
        <p class="hint">A story is a sequence of views with captions, played with Next and Previous (or the arrow keys). Open a .story.json file with Open….</p>
      </div>
    </details>`;
  }

  private renderSearch(): TemplateResult {
    return html`<form class="search" role="search" @submit=${this.search}>
      <input type="search" name="firm" list="firm-names" aria-label="Find a firm by name or ticker" placeholder="Firm name or ticker" />
      <datalist id="firm-names">${this.entities.map((e) => html`<option value=${e.name}>${e.ticker ?? ''}</option>`)}</datalist>
      <button type="submit">Find</button>
      ${this.searchMiss ? html`<span class="miss" role="alert">${this.searchMiss}</span>` : nothing}
    </form>`;
  }

  private readonly search = (event: Event): void => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('firm') as HTMLInputElement;
    if (input.value.trim() !== '') this.emit({ kind: 'search', query: input.value });
  };

  private export(format: ExportFormat): void {
    this.emit({ kind: 'export', format, amounts: this.exportAmounts });
    this.renderRoot.querySelector('details.export')?.removeAttribute('open');
  }

  private readonly copyLink = (): Promise<void> => this.copy(location.href, 'Link copied', 'Copy this link:');

  private readonly copyEmbedCode = (): Promise<void> => this.copy(embedCode(location.href, this.embedTitle), 'Embed code copied', 'Copy this HTML into your page:');

  private async copy(text: string, done: string, prompt: string): Promise<void> {
    this.renderRoot.querySelector('details.share')?.removeAttribute('open');
    try {
      await navigator.clipboard.writeText(text);
      this.copied = done;
    } catch {
      // Without clipboard access (permissions, insecure origin) the analyst copies it by hand.
      this.copied = '';
      window.prompt(prompt, text);
      return;
    }
    setTimeout(() => (this.copied = ''), 2500);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-header': RtHeader;
  }
}
