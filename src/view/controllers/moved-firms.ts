/**
 * Firms the analyst dragged: kept in the view state (and so in the link, as `pos=`) up to a
 * limit that keeps the link short, with a note when the limit is reached and a button that puts
 * every firm back where the layout placed it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ViewStore } from '../../state/store.js';
import { MAX_VALUE_LENGTH, formatViewUrl } from '../../state/url.js';
import { DEFAULT_VIEW_STATE, MAX_MOVED_FIRMS, type MovedFirm } from '../../state/view-state.js';
import type { FirmMoveEvent } from '../events.js';

/** The moves with one firm's put where it was dropped (a firm moved again keeps its place in the list). */
export function withMove(moved: readonly MovedFirm[], move: MovedFirm): MovedFirm[] {
  const at = moved.findIndex((m) => m.firm === move.firm);
  return at < 0 ? [...moved, move] : moved.map((m, i) => (i === at ? move : m));
}

/** Whether a link can keep these moves: at most MAX_MOVED_FIRMS, and a `pos=` value the link reader accepts. */
export function linkKeeps(moved: readonly MovedFirm[]): boolean {
  if (moved.length > MAX_MOVED_FIRMS) return false;
  const text = new URLSearchParams(formatViewUrl({ ...DEFAULT_VIEW_STATE, moved })).get('pos') ?? '';
  return text.length <= MAX_VALUE_LENGTH;
}

export class MovedFirms {
  /** Said when a move could not be kept in the link. */
  note = '';

  constructor(
    private readonly store: ViewStore,
    private readonly nameOf: (id: string) => string,
    private readonly requestUpdate: () => void,
  ) {}

  readonly onMove = (event: FirmMoveEvent): void => {
    const next = withMove(this.store.state.moved, { firm: event.firm, x: event.x, y: event.y });
    if (!linkKeeps(next)) {
      this.note = `The link keeps at most ${MAX_MOVED_FIRMS} moved firms: ${this.nameOf(event.firm)} stays where you put it until the page is reloaded.`;
      this.requestUpdate();
      return;
    }
    this.note = '';
    this.store.update({ moved: next }, 'replace');
  };

  private readonly reset = (): void => {
    this.note = '';
    this.store.update({ moved: [] }, 'push');
  };

  /** The toolbar's part: a reset button while firms are moved, and the note. */
  render(): TemplateResult | typeof nothing {
    const count = this.store.state.moved.length;
    if (count === 0 && !this.note) return nothing;
    return html`<button data-reset-positions title="Put every firm back where the layout placed it" @click=${this.reset}>Reset positions${count > 0 ? ` (${count})` : ''}</button>
      ${this.note ? html`<span class="moved-note" role="status">${this.note}</span>` : nothing}`;
  }
}
