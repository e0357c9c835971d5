/**
 * What a link names that the data set (or the filtered view) does not hold: each such part is
 * dropped, with a notice saying what was ignored; the rest of the view stays as the link asked.
 */
import type { Derived } from './derive.js';
import type { ViewState } from './view-state.js';

export interface SelectionCheck {
  notices: string[];
  /** The parts of the state to drop (empty when the link holds nothing unknown). */
  patch: Partial<ViewState>;
}

export interface KnownIds {
  firm(id: string): boolean;
  deal(id: string): boolean;
  /** The view's loops (derived only when the link names a loop). */
  view(): Pick<Derived, 'loopById' | 'loops'>;
}

export function checkSelection(s: ViewState, known: KnownIds): SelectionCheck {
  const notices: string[] = [];
  const patch: Partial<ViewState> = {};
  if (s.firm && !known.firm(s.firm)) {
    notices.push(`firm: "${s.firm}" is not in this data set`);
    patch.firm = null;
  }
  if (s.deal && !known.deal(s.deal)) {
    notices.push(`deal: "${s.deal}" is not in this data set`);
    patch.deal = null;
  }
  if (s.loop) {
    const view = known.view();
    if (!view.loopById.has(s.loop)) {
      notices.push(`loop: "${s.loop}" is not a loop of this view${view.loops.truncated ? ' (or lies beyond the loop cap)' : ''}`);
      patch.loop = null;
    }
  }
  if (s.path) {
    const missing = [s.path.from, s.path.to].filter((firm) => !known.firm(firm));
    if (missing.length > 0) {
      notices.push(`path: ${missing.map((m) => `"${m}"`).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not in this data set`);
      patch.path = null;
    }
  }
  if (s.shock) {
    const missing = Object.keys(s.shock).filter((firm) => !known.firm(firm));
    if (missing.length > 0) {
      notices.push(`shock: ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in this data set`);
      const kept = Object.fromEntries(Object.entries(s.shock).filter(([firm]) => known.firm(firm)));
      patch.shock = Object.keys(kept).length > 0 ? kept : null;
    }
  }
  const strangers = s.moved.filter((m) => !known.firm(m.firm));
  if (strangers.length > 0) {
    notices.push(`pos: ${strangers.map((m) => `"${m.firm}"`).join(', ')} ${strangers.length === 1 ? 'is' : 'are'} not in this data set`);
    patch.moved = s.moved.filter((m) => known.firm(m.firm));
  }
  return { notices, patch };
}
