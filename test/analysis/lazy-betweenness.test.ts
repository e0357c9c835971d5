import { describe, expect, it, vi } from 'vitest';
import * as brandes from '../../src/analysis/betweenness.js';
import { firmMeasures, withLoopCount } from '../../src/analysis/centrality.js';
import { shippedGraph } from '../fixtures/shipped.js';

vi.mock('../../src/analysis/betweenness.js', async (importOriginal) => {
  const original = await importOriginal<typeof brandes>();
  return { ...original, betweenness: vi.fn(original.betweenness) };
});

describe('firmMeasures betweenness', () => {
  it('is computed once, for every firm, when a value is first read, and not before', () => {
    const spy = vi.mocked(brandes.betweenness);
    spy.mockClear();
    const measures = firmMeasures(shippedGraph());
    expect(spy).not.toHaveBeenCalled();
    const nvidia = measures.find((m) => m.id === 'nvidia')!;
    expect(nvidia.betweenness).toBeGreaterThan(0);
    expect(spy).toHaveBeenCalledTimes(1);
    const all = measures.map((m) => m.betweenness);
    expect(spy).toHaveBeenCalledTimes(1);
    // Read like any other field: spread, JSON and equality see the value.
    expect({ ...nvidia }.betweenness).toBe(nvidia.betweenness);
    expect(JSON.parse(JSON.stringify(nvidia)).betweenness).toBe(nvidia.betweenness);
    expect(all.every((b) => Number.isFinite(b) && b >= 0)).toBe(true);
  });

  it('stays lazy in a copy with the loop count set', () => {
    const spy = vi.mocked(brandes.betweenness);
    spy.mockClear();
    const copy = withLoopCount(firmMeasures(shippedGraph()).find((m) => m.id === 'nvidia')!, 7);
    expect(copy.loops).toBe(7);
    expect(spy).not.toHaveBeenCalled();
    expect(copy.betweenness).toBeGreaterThan(0);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
