/**
 * The embedded view's frame (`embed=1`, inside another page): the graph fills it, the story bar or
 * a loop's sentence sits under it, then the way to the full app. The graph, the status and the
 * story bar are the app's own elements, slotted in.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('rt-embedded')
export class RtEmbedded extends LitElement {
  static override styles = css`
    :host { display: block; height: 100vh; }
    main { display: grid; grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr) auto auto; height: 100%; }
    .center { position: relative; display: grid; grid-template-rows: minmax(0, 1fr); grid-template-columns: minmax(0, 1fr); min-height: 0; min-width: 0; }
    .caption { margin: 0; padding: 0.4rem 0.75rem 0; font-size: 0.9rem; line-height: 1.35; border-top: 1px solid color-mix(in srgb, CanvasText 15%, transparent); }
    footer { padding: 0.2rem 0.6rem 0.4rem; font-size: 0.85rem; text-align: right; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  /** The frame's name for screen readers (the story's title, or the app's). */
  @property() heading = '';
  /** A loop's sentence, shown outside a story; null for none. */
  @property({ attribute: false }) caption: string | null = null;
  /** The same view in the full app. */
  @property() openUrl = '';

  override render(): TemplateResult {
    return html`<main class="embedded">
      <h1 class="sr">${this.heading}</h1>
      <slot name="status"></slot>
      <section class="center" aria-label="Deal network"><slot name="graph"></slot></section>
      <slot name="story"></slot>
      ${this.caption === null ? nothing : html`<p class="caption" data-caption>${this.caption}</p>`}
      <footer><a data-open-full href=${this.openUrl} target="_blank" rel="noopener">Open in Roundtrip ↗</a></footer>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-embedded': RtEmbedded;
  }
}
