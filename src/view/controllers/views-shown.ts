/**
 * Which derived view the explorer shows: the one for the view state (from the deriver, or for a
 * large set from its analysis worker), the one worked out on the page when it is needed now (a
 * link's check, an export, a story's step), and while the worker is still working the last one
 * drawn of the same set, with the new filters' firms and deals already hidden.
 */
import type { Derived } from '../../state/derive.js';
import type { ViewState } from '../../state/view-state.js';
import type { LoadedSet } from '../loaded-set.js';
import { idsOf, type DrawnView, type ViewCache } from '../view-cache.js';

export interface PictureViews {
  /** The view whose panels and sizes are shown; null while nothing is (the sketch of a first picture). */
  view: DrawnView | null;
  /** While a new view is worked out: the firms and deals the new filters keep, drawn at once. */
  shown: ReturnType<typeof idsOf> | null;
  /** Whether a new view is being worked out. */
  pending: boolean;
}

export class ViewsShown {
  /** The view last drawn, and of which set. */
  private last: { of: LoadedSet; view: DrawnView } | null = null;

  constructor(
    private readonly drawn: ViewCache,
    /** The derived view of a state, or null while a worker works it out. */
    private readonly derived: (s: ViewState) => Derived | null,
  ) {}

  /** The view of `s` and what is drawn from it; null while a large set's is worked out in its worker. */
  view(loaded: LoadedSet, s: ViewState): DrawnView | null {
    const derived = this.derived(s);
    return derived ? this.drawn.view(derived, s, loaded.data.changes) : null;
  }

  /** The view of `s`, worked out on the page if need be. */
  now(loaded: LoadedSet, s: ViewState): DrawnView {
    return this.view(loaded, s) ?? this.drawn.view(loaded.deriver.derive(s), s, loaded.data.changes);
  }

  /** What the picture and the panels show for `s` (`sketch`: a first picture drawn without loops). */
  forPicture(loaded: LoadedSet, s: ViewState, sketch: boolean): PictureViews {
    const fresh = sketch ? null : this.view(loaded, s);
    const pending = !sketch && fresh === null;
    const view = fresh ?? (pending && this.last?.of === loaded ? this.last.view : null);
    if (fresh) this.last = { of: loaded, view: fresh };
    return { view, shown: pending ? idsOf(loaded.deriver.viewGraph(s)) : null, pending };
  }
}
