/**
 * Binds a Lit element to the view store: the element re-renders when the state changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ViewStore } from './store.js';

export class StoreController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly store: ViewStore,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.store.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
