import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFirmGraph, buildFirmGraphSteps, runStepsWithPauses } from '../../src/model/graph.js';
import { Deriver } from '../../src/state/derive.js';
import { analyseFirstView } from '../../src/state/first-view.js';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.js';
import { randomDataSet } from '../../bench/graphs.js';

/** What a view shows, compared field by field. */
function shown(deriver: Deriver) {
  const derived = deriver.derive(DEFAULT_VIEW_STATE);
  return {
    loops: derived.loops.loops.map((l) => l.id),
    count: derived.loops.count,
    truncated: derived.loops.truncated,
    perFirm: [...derived.loops.loopsPerFirm].sort(([a], [b]) => (a < b ? -1 : 1)),
    measures: [...derived.measures.values()],
    circularity: derived.circularity,
    whole: [...deriver.wholeNetworkMeasures().values()],
    timeline: [...deriver.timelineSteps(DEFAULT_VIEW_STATE)],
  };
}

describe('the first view analysed in the import worker', () => {
  it('a deriver that adopts the analysis (sent across a thread boundary) shows what one that worked it out shows (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 1000 }), async (n, m, seed) => {
        const data = randomDataSet(n, m, seed);
        // A worker's message is a structured clone.
        const analysis = structuredClone(analyseFirstView(data, DEFAULT_VIEW_STATE));
        const adopted = await Deriver.inSlices(data, 7, () => Promise.resolve());
        adopted.adopt(analysis);
        expect(shown(adopted)).toEqual(shown(new Deriver(data)));
      }),
      { numRuns: 40 },
    );
  });

  it('networks built in slices equal those built at once', async () => {
    const data = randomDataSet(20, 95, 3);
    let pauses = 0;
    const sliced = await runStepsWithPauses(buildFirmGraphSteps(data, 10), async () => void pauses++);
    expect(pauses).toBe(9);
    expect(sliced.export()).toEqual(buildFirmGraph(data).export());
    const slow = await Deriver.inSlices(data, 10, () => Promise.resolve());
    const fast = new Deriver(data);
    expect(slow.baseGraph.export()).toEqual(fast.baseGraph.export());
    expect(slow.everyFlowGraph.export()).toEqual(fast.everyFlowGraph.export());
  });
});
