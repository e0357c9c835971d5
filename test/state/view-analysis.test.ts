import { describe, expect, it } from 'vitest';
import { Deriver } from '../../src/state/derive.js';
import { analyseView } from '../../src/state/first-view.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/state/view-state.js';
import { shippedDataSet } from '../fixtures/shipped.js';

const state = (patch: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_VIEW_STATE, ...patch });

describe('a view analysed elsewhere (the analysis worker) and adopted by the page', () => {
  it('gives the loops, measures and circularity the page would derive itself, with no search of its own', () => {
    const filters = [state(), state({ types: ['investment', 'purchase'] }), state({ minUsd: 1_000_000_000, inOrder: true })];
    const worker = new Deriver(shippedDataSet());
    const page = new Deriver(shippedDataSet());
    const onPage = new Deriver(shippedDataSet());
    for (const s of filters) {
      // What crosses to the page is a copy (structured clone), as a worker's message is.
      const analysis = structuredClone(analyseView(worker, s));
      expect(page.hasView(s)).toBe(false);
      page.adoptView(analysis);
      expect(page.hasView(s)).toBe(true);
      const adopted = page.derive(s);
      const derived = onPage.derive(s);
      expect(adopted.loops.loops.map((l) => l.id)).toEqual(derived.loops.loops.map((l) => l.id));
      expect(adopted.loops.count).toBe(derived.loops.count);
      expect([...adopted.measures.values()]).toEqual([...derived.measures.values()]);
      expect(adopted.circularity.circularUsd).toBe(derived.circularity.circularUsd);
      expect(adopted.circularity.index).toBe(derived.circularity.index);
      expect(adopted.circularity.deals).toEqual(derived.circularity.deals);
      expect(adopted.graph.size).toBe(derived.graph.size);
    }
  });

  it('viewGraph gives the graph the adopted view is then of (filtered once)', () => {
    const page = new Deriver(shippedDataSet());
    const s = state({ types: ['purchase'] });
    const graph = page.viewGraph(s);
    page.adoptView(analyseView(new Deriver(shippedDataSet()), s));
    expect(page.derive(s).graph).toBe(graph);
  });
});
