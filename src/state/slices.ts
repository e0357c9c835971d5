/**
 * Runs a long computation a piece at a time, yielding to the page between slices of a few
 * milliseconds so clicks and redraws are never held up for long.
 */
export interface SliceOptions<T> {
  /** Called with every item once the last one has been taken. */
  done(items: T[]): void;
  /** Checked before every slice: true stops the work (its result is no longer wanted). */
  stale(): boolean;
  sliceMs?: number;
  /** Schedules the first slice (default: the next task). */
  start?: (run: () => void) => void;
}

export function takeInSlices<T>(items: Iterable<T>, { done, stale, sliceMs = 12, start = (run) => setTimeout(run, 0) }: SliceOptions<T>): void {
  const iterator = items[Symbol.iterator]();
  const taken: T[] = [];
  const slice = (): void => {
    if (stale()) {
      iterator.return?.();
      return;
    }
    const until = performance.now() + sliceMs;
    do {
      const next = iterator.next();
      if (next.done) {
        done(taken);
        return;
      }
      taken.push(next.value);
    } while (performance.now() < until);
    setTimeout(slice, 0);
  };
  start(slice);
}
