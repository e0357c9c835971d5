/**
 * Light or dark colours: as the view state's theme says (kept in the link), or as the system asks
 * when the theme is `auto`. The page's own colours (Canvas, CanvasText) follow it too.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ViewStore } from '../../state/store.js';

export class Theme implements ReactiveController {
  private readonly scheme = matchMedia('(prefers-color-scheme: dark)');
  private systemDark = this.scheme.matches;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: ViewStore,
  ) {
    host.addController(this);
  }

  private readonly onScheme = (event: MediaQueryListEvent): void => {
    this.systemDark = event.matches;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    this.scheme.addEventListener('change', this.onScheme);
  }

  hostDisconnected(): void {
    this.scheme.removeEventListener('change', this.onScheme);
  }

  hostUpdated(): void {
    const theme = this.store.state.theme;
    document.documentElement.style.colorScheme = theme === 'auto' ? '' : theme;
  }

  get dark(): boolean {
    const theme = this.store.state.theme;
    return theme === 'auto' ? this.systemDark : theme === 'dark';
  }

  /** Switches to the other colours (kept in the link). */
  toggle(): void {
    this.store.update({ theme: this.dark ? 'light' : 'dark' }, 'replace');
  }
}
