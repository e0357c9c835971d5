import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLoops } from '../../src/analysis/loops.js';
import { foldedParties } from '../../src/model/acquisitions.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { loopHistory } from '../../src/state/timeline.js';
import { Deriver } from '../../src/state/derive.js';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.js';
import { foldedNotes } from '../../src/view/format.js';
import { movedEndpoints } from '../../src/view/view-cache.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';

/** Nvidia sells to xAI (2024) and invests in it (2025); xAI buys from SpaceX; SpaceX buys from Nvidia; SpaceX acquires xAI on 2026-02-02. */
function merger() {
  const data = dataSetFromEdges([
    ['nvidia', 'xai', { id: 'nv-xai-invest', type: 'investment', date: '2025-06', amountUsd: 5 }],
    ['xai', 'nvidia', { id: 'xai-nv-gpus', type: 'purchase', date: '2024-09', amountUsd: 3 }],
    ['xai', 'spacex', { id: 'xai-spacex-internal', type: 'purchase', date: '2025-01', amountUsd: 1 }],
    ['spacex', 'nvidia', { id: 'spacex-nv', type: 'purchase', date: '2026-05', amountUsd: 2 }],
  ]);
  const xai = data.entities.find((e) => e.id === 'xai')!;
  xai.acquiredBy = 'spacex';
  xai.acquiredDate = '2026-02-02';
  return data;
}

describe('acquired firms', () => {
  it("fold into the acquirer today and after the date: the acquired firm's deals are the acquirer's, deals between the two leave", () => {
    const graph = buildFirmGraph(merger());
    for (const view of [filterFirmGraph(graph, {}), filterFirmGraph(graph, { asOf: '2026-02' }), filterFirmGraph(graph, { asOf: '2026-06' })]) {
      // xAI stays, without deals: the records that name it still resolve.
      expect(view.degree('xai')).toBe(0);
      expect(view.hasEdge('xai-spacex-internal')).toBe(false);
      expect(view.extremities('nv-xai-invest')).toEqual(['nvidia', 'spacex']);
      expect(view.extremities('xai-nv-gpus')).toEqual(['spacex', 'nvidia']);
      // The deal records stay as reported: the parties are xAI's.
      expect(view.getEdgeAttributes('nv-xai-invest').to).toBe('xai');
    }
    expect(findLoops(filterFirmGraph(graph, {})).loops.map((l) => l.id)).toEqual(['nvidia>spacex']);
  });

  it('stay apart in a view as of a month before the date, and with acquisitions off', () => {
    const graph = buildFirmGraph(merger());
    const before = filterFirmGraph(graph, { asOf: '2026-01' });
    expect(before.degree('xai')).toBe(3);
    expect(before.extremities('nv-xai-invest')).toEqual(['nvidia', 'xai']);
    expect(findLoops(before).loops.map((l) => l.id)).toEqual(['nvidia>xai']);
    expect(filterFirmGraph(graph, {}, { acquisitions: false }).hasNode('xai')).toBe(true);
  });

  it('stay apart when the filters leave the acquirer out', () => {
    const data = merger();
    data.entities.find((e) => e.id === 'spacex')!.kind = 'market';
    const view = filterFirmGraph(buildFirmGraph(data), { kinds: ['other'] });
    expect(view.hasNode('xai')).toBe(true);
    expect(view.hasNode('spacex')).toBe(false);
  });

  it('the timeline equals the view as of each quarter, before and after the acquisition, whatever the deals', () => {
    const dates = ['2024-03', '2025-06', '2025-12', '2026-01-15', '2026-02-10', '2026-05'];
    const firms = ['nvidia', 'xai', 'spacex', 'openai'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ from: fc.constantFrom(...firms), to: fc.constantFrom(...firms), date: fc.constantFrom(...dates) }), { maxLength: 12 }),
        (edges) => {
          const valid = edges.filter((e) => e.from !== e.to);
          const data = dataSetFromEdges(valid.map((e, i) => [e.from, e.to, { id: `d${i}`, date: e.date, amountUsd: i + 1 }] as const), firms);
          const xai = data.entities.find((e) => e.id === 'xai')!;
          xai.acquiredBy = 'spacex';
          xai.acquiredDate = '2026-02-02';
          const graph = buildFirmGraph(data);
          for (const point of loopHistory(graph, {})) {
            const view = filterFirmGraph(graph, { asOf: point.month });
            expect(point.loops, point.month).toBe(findLoops(view).count);
          }
        },
      ),
    );
  });

  it('loops through a merged firm say so', () => {
    const data = merger();
    const view = filterFirmGraph(buildFirmGraph(data), {});
    const loop = findLoops(view).loops[0]!;
    const deals = new Map(data.deals.map((d) => [d.id, d]));
    expect(foldedParties(loop.hops, (id) => deals.get(id))).toEqual([{ firm: 'xai', as: 'spacex' }]);
    const entities = new Map(data.entities.map((e) => [e.id, { ...e, name: e.id === 'xai' ? 'xAI' : e.id === 'spacex' ? 'SpaceX' : e.id }]));
    expect(foldedNotes(loop, deals, entities)).toEqual(['xAI (part of SpaceX since 2026-02-02)']);
  });

  it('the explorer draws the merged view: xAI out of sight, its deals at SpaceX', () => {
    const deriver = new Deriver(merger());
    const view = deriver.derive({ ...DEFAULT_VIEW_STATE });
    expect(view.graph.degree('xai')).toBe(0);
    expect(movedEndpoints(view.graph)).toEqual(new Map([['nv-xai-invest', { source: 'nvidia', target: 'spacex' }], ['xai-nv-gpus', { source: 'spacex', target: 'nvidia' }]]));
    expect(deriver.fullGraph.degree('xai')).toBe(3);
    expect(view.loops.loops.map((l) => l.id)).toEqual(['nvidia>spacex']);
    const before = deriver.derive({ ...DEFAULT_VIEW_STATE, asOf: '2025-12' }).graph;
    expect(before.degree('xai')).toBe(3);
    expect(movedEndpoints(before)).toBeNull();
  });
});
