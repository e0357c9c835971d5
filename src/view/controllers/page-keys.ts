/**
 * The page's own keys: the skip links (to the loops, to the network) that come first in the Tab
 * order, Escape to clear the selection, and while a story plays the left and right arrows (and
 * Page Up / Page Down) to step through it. Keys meant for a field, a menu, a table or the network
 * (which moves between firms with the arrows) are theirs, not the page's.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface PageKeyActions {
  /** Whether an open dialog takes Escape. */
  dialogOpen(): boolean;
  clearSelection(): void;
  /** Whether a story plays. */
  storyPlaying(): boolean;
  stepBy(by: -1 | 1): void;
  /** The skip links' targets. */
  focusLoops(): void;
  focusNetwork(): void;
}

const STEP_KEYS: Record<string, -1 | 1> = { ArrowRight: 1, ArrowLeft: -1, PageDown: 1, PageUp: -1 };

/** Elements whose keys are their own: typing, choosing, and the network's arrows. */
function ownsKeys(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="application"], [role="grid"], [role="listbox"], [role="slider"]')) return true;
  return false;
}

export class PageKeys implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly actions: PageKeyActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.handleKey);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.handleKey);
  }

  /** The skip links, out of sight until the keyboard reaches them. */
  renderSkipLinks(): TemplateResult {
    const go = (focus: () => void) => (event: Event) => {
      event.preventDefault();
      focus();
    };
    return html`<nav class="skip" aria-label="Skip links">
      <a href="#loops" @click=${go(() => this.actions.focusLoops())}>Skip to the loops</a>
      <a href="#network" @click=${go(() => this.actions.focusNetwork())}>Skip to the network</a>
    </nav>`;
  }

  private readonly handleKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      if (!this.actions.dialogOpen()) this.actions.clearSelection();
      return;
    }
    const by = STEP_KEYS[event.key];
    if (!by || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !this.actions.storyPlaying()) return;
    if (ownsKeys(event.composedPath()[0])) return;
    event.preventDefault();
    this.actions.stepBy(by);
  };
}
