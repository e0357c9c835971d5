/**
 * What the link asked for that could not be shown: when a data set is shown or the history brings
 * back a view, the firm, deal or loop the link names is checked against the set and the filtered
 * view, dropped when missing, and said in a notice the analyst can dismiss; the rest of the view
 * stays as the link asked.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Derived } from '../../state/derive.js';
import { checkSelection } from '../../state/selection-check.js';
import type { ViewStore } from '../../state/store.js';
import type { ViewState } from '../../state/view-state.js';
import type { LoadedSet } from '../loaded-set.js';

export class LinkCheck implements ReactiveController {
  /** What the link asked for that could not be shown, in words. */
  notices: string[];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: ViewStore,
    /** The set shown, if any. */
    private readonly loaded: () => LoadedSet | null,
    /** The derived (filtered) view of a state. */
    private readonly derive: (loaded: LoadedSet, state: ViewState) => Derived,
    initialNotices: readonly string[],
  ) {
    this.notices = [...initialNotices];
    host.addController(this);
  }

  hostConnected(): void {}

  /** Adds notices (a link's part ignored elsewhere). */
  add(notices: readonly string[]): void {
    if (notices.length === 0) return;
    this.notices = [...this.notices, ...notices];
    this.host.requestUpdate();
  }

  /** The view's selection is checked against the set shown; what the history or link said before is kept when `keep`. */
  check(earlier: readonly string[] = this.notices): void {
    this.notices = [...earlier, ...this.dropMissing()];
    this.host.requestUpdate();
  }

  private dropMissing(): string[] {
    const loaded = this.loaded();
    if (!loaded) return [];
    const s = this.store.state;
    const { notices, patch } = checkSelection(s, {
      firm: (id) => loaded.entities.has(id),
      deal: (id) => loaded.deals.has(id),
      view: () => this.derive(loaded, s),
    });
    if (Object.keys(patch).length > 0) this.store.update(patch, 'replace');
    return notices;
  }

  render(): TemplateResult | typeof nothing {
    if (this.notices.length === 0) return nothing;
    return html`<section class="notice" role="alert" aria-label="Parts of the link were ignored">
      <p>Parts of the link were ignored:</p>
      <ul>${this.notices.map((n) => html`<li>${n}</li>`)}</ul>
      <button @click=${() => { this.notices = []; this.host.requestUpdate(); }}>Dismiss</button>
    </section>`;
  }
}
