/**
 * The one source of truth for the view: a plain state object, replaced (never mutated) on each
 * change, and the listeners that re-render from it.
 */
import { DEFAULT_VIEW_STATE, type ViewState } from './view-state.js';

/**
 * How a change is recorded in the browser history: a step of its own (deliberate actions), folded
 * into the last (continuous ones such as zoom), or not at all (the change came from the history).
 */
export type HistoryMode = 'push' | 'replace' | 'none';

export type StoreListener = (state: ViewState, previous: ViewState, mode: HistoryMode) => void;

export class ViewStore {
  private current: ViewState;
  private readonly listeners = new Set<StoreListener>();

  constructor(initial: ViewState = { ...DEFAULT_VIEW_STATE }) {
    this.current = initial;
  }

  get state(): ViewState {
    return this.current;
  }

  /** Applies a change and tells every listener; a change that changes nothing is ignored. */
  update(patch: Partial<ViewState>, mode: HistoryMode = 'push'): void {
    const next = { ...this.current, ...patch };
    const changed = (Object.keys(patch) as Array<keyof ViewState>).some((key) => !sameValue(next[key], this.current[key]));
    if (!changed) return;
    const previous = this.current;
    this.current = next;
    for (const listener of this.listeners) listener(next, previous, mode);
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
