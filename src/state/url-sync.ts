/**
 * Keeps the address bar and the view store in step: every change is written to the URL (a history
 * entry for deliberate actions, a replacement for continuous ones), and back/forward restore the
 * state the URL describes. The only module that touches `history` and `location`.
 */
import type { HistoryMode, ViewStore } from './store.js';
import { formatViewUrl, parseViewUrl, type ParsedUrl } from './url.js';

export class UrlSync {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: ViewStore,
    private readonly onRestore: (parsed: ParsedUrl) => void = () => {},
  ) {}

  /** The state the current address describes. */
  static read(): ParsedUrl {
    return parseViewUrl(location.search);
  }

  /** Starts following the store (once; later calls only write the current state). */
  start(): void {
    if (this.unsubscribe) {
      this.write(formatViewUrl(this.store.state), 'replace');
      return;
    }
    this.unsubscribe = this.store.subscribe((state, _previous, mode) => this.write(formatViewUrl(state), mode));
    window.addEventListener('popstate', this.handlePop);
    // Write the state as corrected on load (dropped values leave the address too).
    this.write(formatViewUrl(this.store.state), 'replace');
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    window.removeEventListener('popstate', this.handlePop);
  }

  private write(query: string, mode: HistoryMode): void {
    if (mode === 'none') return;
    const target = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (target === `${location.pathname}${location.search}${location.hash}`) return;
    if (mode === 'push') history.pushState(null, '', target);
    else history.replaceState(null, '', target);
  }

  private readonly handlePop = (): void => {
    const parsed = UrlSync.read();
    this.store.update(parsed.state, 'none');
    this.onRestore(parsed);
  };
}
