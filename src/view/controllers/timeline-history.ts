/**
 * The loop history behind the timeline chart. It takes a loop search per quarter, so it waits until
 * the graph has been drawn and then runs in slices, never holding the page up for long; it starts
 * again for another data set or other filters, and drops a run that is out of date.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Deriver } from '../../state/derive.js';
import { takeInSlices } from '../../state/slices.js';
import type { QuarterPoint } from '../../state/timeline.js';
import { filterKey, type ViewState } from '../../state/view-state.js';
import { afterThisFrame } from '../after-frame.js';

export class TimelineHistory {
  private key = '';
  private deriver: Deriver | null = null;
  private history: QuarterPoint[] = [];

  constructor(private readonly host: ReactiveControllerHost) {}

  /** The history for a view: what is known now; a run in slices updates the host when it is done. */
  of(deriver: Deriver, s: ViewState, graphDrawn: boolean): QuarterPoint[] {
    const key = filterKey({ ...s, asOf: null });
    // Another data set (an import, or back to the shipped one) has a history of its own.
    if (this.deriver !== deriver) {
      this.deriver = deriver;
      this.key = '';
      this.history = [];
    }
    if (key !== this.key && graphDrawn) {
      this.key = key;
      const steps = deriver.timelineSteps(s);
      if (Array.isArray(steps)) return (this.history = steps);
      takeInSlices(steps, {
        // After the next frame: the graph's own update is drawn first.
        start: afterThisFrame,
        stale: () => this.key !== key || this.deriver !== deriver,
        done: (history) => {
          this.history = history;
          this.host.requestUpdate();
        },
      });
    }
    return this.history;
  }
}
