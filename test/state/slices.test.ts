import { describe, expect, it } from 'vitest';
import { takeInSlices } from '../../src/state/slices.js';

function* counting(limit: number, log: number[]): Generator<number> {
  for (let i = 0; i < limit; i++) {
    log.push(i);
    yield i;
  }
}

describe('takeInSlices', () => {
  it('hands over every item, in order, once the last is taken, and yields to the event loop between slices', async () => {
    const log: number[] = [];
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const items = await new Promise<number[]>((done) =>
      takeInSlices(
        (function* () {
          for (let i = 0; i < 40; i++) {
            const until = performance.now() + 2;
            while (performance.now() < until);
            log.push(i);
            yield i;
          }
        })(),
        { done, stale: () => false, sliceMs: 5 },
      ),
    );
    clearInterval(ticker);
    expect(items).toEqual([...Array(40).keys()]);
    expect(log).toEqual(items);
    // 40 items of 2 ms in slices of 5 ms: the timer got to run in between.
    expect(ticks).toBeGreaterThan(3);
  });

  it('stops taking items once the work is stale, and never calls done', async () => {
    const log: number[] = [];
    let stale = false;
    let finished = false;
    takeInSlices(counting(1_000_000, log), { done: () => (finished = true), stale: () => stale, sliceMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    stale = true;
    const seen = log.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The flag is read before every slice, and slices never overlap: nothing more was taken.
    expect(log.length).toBe(seen);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(1_000_000);
    expect(finished).toBe(false);
  });
});
