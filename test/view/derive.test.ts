import { describe, expect, it } from 'vitest';
import { loopsThrough } from '../../src/analysis/loops.js';
import { DEFAULT_FLOWS, FLOW_KINDS, flowOf, type Deal } from '../../src/data/types.js';
import { Deriver, drawableWithoutLoops, highlightOf } from '../../src/state/derive.js';
import { ViewStore } from '../../src/state/store.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/state/view-state.js';
import { circularWidths, graphElements, NOT_CIRCULAR_WIDTH } from '../../src/view/elements.js';
import { flowAmount } from '../../src/view/format.js';
import { ViewCache } from '../../src/view/view-cache.js';
import { edgeWidth } from '../../src/view/palette.js';
import { shippedDataSet } from '../fixtures/shipped.js';

const deriver = new Deriver(shippedDataSet());
const state = (patch: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_VIEW_STATE, ...patch });

describe('Deriver', () => {
  it('derive(state) caches by filter: a selection change reuses the analysis, a filter change redoes it', () => {
    const first = deriver.derive(state());
    expect(deriver.derive(state({ firm: 'nvidia', sort: 'length', size: 'loops' }))).toBe(first);
    const filtered = deriver.derive(state({ types: ['investment', 'purchase'] }));
    expect(filtered).not.toBe(first);
    expect(filtered.graph.size).toBeLessThan(first.graph.size);
  });

  it('keeps the last few views: switching a filter off and on again reuses its analysis', () => {
    const fresh = new Deriver(shippedDataSet());
    const all = fresh.derive(state());
    const money = fresh.derive(state({ types: ['investment', 'purchase'] }));
    expect(fresh.derive(state())).toBe(all);
    expect(fresh.derive(state({ types: ['investment', 'purchase'] }))).toBe(money);
    // Four newer views push the oldest out; it is analysed again (equal, not the same object).
    for (const minUsd of [1e6, 1e7, 1e8, 1e9]) fresh.derive(state({ minUsd }));
    const again = fresh.derive(state());
    expect(again).not.toBe(all);
    expect(again.loops.count).toBe(all.loops.count);
  });

  it('a view\'s loop lookups hold every loop by its id and under each of its firms, made once', () => {
    const view = new Deriver(shippedDataSet()).derive(state({ types: ['investment', 'purchase', 'equity'] }));
    expect(view.loops.count).toBeGreaterThan(1);
    const byFirm = view.loopsByFirm;
    expect(view.loopsByFirm).toBe(byFirm);
    for (const firm of view.graph.nodes()) {
      const through = view.loops.loops.filter((loop) => loop.firms.includes(firm));
      expect(byFirm.get(firm) ?? []).toEqual(through);
    }
    expect([...view.loopById.keys()]).toEqual(view.loops.loops.map((loop) => loop.id));
    for (const loop of view.loops.loops) expect(view.loopById.get(loop.id)).toBe(loop);
    // The loop counts of the measures agree with the lookup.
    for (const [firm, measures] of view.measures) expect(measures.loops).toBe(byFirm.get(firm)?.length ?? 0);
  });

  it('an unfiltered view analyses the base graph (the default flows) itself, every flow the view of every flow, a filtered one a copy', () => {
    expect(deriver.derive(state()).graph).toBe(deriver.baseGraph);
    expect(deriver.derive(state({ flows: FLOW_KINDS })).graph).toBe(deriver.everyFlowGraph);
    // The shipped data has an acquisition (SpaceX–xAI): the views fold it in, the drawn graph keeps both firms.
    expect(deriver.everyFlowGraph).not.toBe(deriver.fullGraph);
    expect(deriver.everyFlowGraph.degree('xai')).toBe(0);
    expect(deriver.fullGraph.degree('xai')).toBeGreaterThan(0);
    expect(deriver.baseGraph.hasEdge('microsoft-openai-stake-2025')).toBe(false);
    expect(deriver.baseGraph.hasEdge('microsoft-amd-partnership-2023')).toBe(false);
    expect(deriver.baseGraph.hasEdge('nvidia-coreweave-backstop-2025')).toBe(false);
    const otherFlows = deriver.fullGraph.filterEdges((_e, deal) => !DEFAULT_FLOWS.includes(flowOf(deal)));
    expect(otherFlows.length).toBeGreaterThanOrEqual(3);
    expect(deriver.baseGraph.size).toBe(deriver.everyFlowGraph.size - otherFlows.length);
    expect([...(deriver.baseVisibility?.edges ?? [])]).toEqual(deriver.baseGraph.edges());
    expect(deriver.derive(state({ minUsd: 1e9 })).graph).not.toBe(deriver.baseGraph);
  });

  it('timelineSteps gives the quarters one by one, then the same history from the cache', () => {
    const fresh = new Deriver(shippedDataSet());
    const steps = fresh.timelineSteps(state());
    expect(Array.isArray(steps)).toBe(false);
    const taken = [...steps];
    expect(taken.length).toBeGreaterThan(4);
    const cached = fresh.timelineSteps(state({ firm: 'nvidia', asOf: '2025-06' }));
    expect(Array.isArray(cached)).toBe(true);
    expect(cached).toEqual(taken);
  });
});

describe('the first picture before the loop search', () => {
  it('wholeNetworkMeasures are the whole view\'s measures, all but the loop counts, which it leaves unknown', () => {
    const fresh = new Deriver(shippedDataSet());
    const quick = fresh.wholeNetworkMeasures();
    const full = fresh.derive(state()).measures;
    expect([...quick.keys()]).toEqual([...full.keys()]);
    for (const [id, m] of full) {
      const { loops, ...rest } = m;
      expect(loops).not.toBeNull();
      expect({ ...quick.get(id), loops: 'skipped' }).toEqual({ ...rest, loops: 'skipped' });
    }
    expect([...quick.values()].every((m) => m.loops === null)).toBe(true);
    // So the firms of the first picture are as large as the full view makes them.
    expect(graphElements(fresh.fullGraph, quick, 'pagerank').nodes).toEqual(graphElements(fresh.fullGraph, full, 'pagerank').nodes);
  });

  it('the full view reuses those measures and adds the loop counts: the same as analysing it afresh', () => {
    const quickFirst = new Deriver(shippedDataSet());
    quickFirst.wholeNetworkMeasures();
    const reused = quickFirst.derive(state()).measures;
    const afresh = new Deriver(shippedDataSet()).derive(state()).measures;
    expect([...reused.values()]).toEqual([...afresh.values()]);
    expect([...reused.values()].some((m) => (m.loops ?? 0) > 0)).toBe(true);
    // A filtered view is analysed as before.
    const filtered = { types: ['investment' as const, 'purchase' as const] };
    expect([...quickFirst.derive(state(filtered)).measures.values()]).toEqual([...new Deriver(shippedDataSet()).derive(state(filtered)).measures.values()]);
  });

  it('only a plain view is drawn before its loops are found: whole network, nothing selected, not sized by loops', () => {
    expect(drawableWithoutLoops(state())).toBe(true);
    expect(drawableWithoutLoops(state({ size: 'betweenness', sort: 'length', view: { zoom: 1, x: 0, y: 0 } }))).toBe(true);
    for (const patch of [{ firm: 'nvidia' }, { deal: 'd1' }, { loop: 'nvidia>openai' }, { shock: { nvidia: 1 } }, { size: 'loops' as const }, { types: ['loan' as const] }, { minUsd: 1e9 }, { asOf: '2025-01' }, { hideIsolated: true }]) {
      expect(drawableWithoutLoops(state(patch))).toBe(false);
    }
  });
});

describe('highlightOf', () => {
  it('highlightOf(firm) is the firm plus every loop through it', () => {
    const derived = deriver.derive(state());
    const highlight = highlightOf(state({ firm: 'coreweave' }), derived)!;
    const loops = loopsThrough(derived.graph, 'coreweave').loops;
    expect([...highlight.nodes].sort()).toEqual([...new Set(['coreweave', ...loops.flatMap((l) => l.firms)])].sort());
    expect([...highlight.edges].sort()).toEqual([...new Set(loops.flatMap((l) => l.hops.flatMap((h) => h.deals)))].sort());
  });

  it('highlightOf(firm without loops) is the firm alone; a loop wins over the firm; a deal shows its two firms', () => {
    const derived = deriver.derive(state());
    expect(highlightOf(state({ firm: 'pimco' }), derived)).toEqual({ nodes: new Set(['pimco']), edges: new Set() });
    expect([...highlightOf(state({ firm: 'nvidia', loop: 'amd>openai' }), derived)!.nodes].sort()).toEqual(['amd', 'openai']);
    expect(highlightOf(state({ deal: 'pimco-beignet-bonds-2025' }), derived)).toEqual({
      nodes: new Set(['pimco', 'beignet-investor']),
      edges: new Set(['pimco-beignet-bonds-2025']),
    });
  });

  it('highlightOf ignores ids the filtered view does not hold', () => {
    const derived = deriver.derive(state({ kinds: ['bank'] }));
    expect(highlightOf(state({ kinds: ['bank'], firm: 'nvidia' }), derived)).toBeNull();
    expect(highlightOf(state({ loop: 'no>such' }), derived)).toBeNull();
  });
});

describe('graphElements', () => {
  it('sizes firms by the chosen measure (area tracks the value) and marks undisclosed deals', () => {
    const derived = deriver.derive(state());
    const elements = graphElements(derived.graph, derived.measures, 'loops');
    const size = (id: string) => elements.nodes.find((n) => n.id === id)!.size;
    const most = [...derived.measures.values()].reduce((a, b) => ((b.loops ?? 0) > (a.loops ?? 0) ? b : a));
    expect(most.loops).toBeGreaterThan(0);
    expect(size(most.id)).toBe(74); // the most loops
    expect(size('pimco')).toBe(26); // none
    const undisclosed = elements.edges.find((e) => e.id === 'openai-amd-gpus-2025')!;
    expect(undisclosed).toMatchObject({ amount: '?', undisclosed: true, width: 1.5, source: 'openai', target: 'amd', type: 'purchase' });
    expect(elements.edges.find((e) => e.id === 'openai-oracle-compute-2025')!.amount).toBe('$300B');
  });

  it('edgeWidth grows with the logarithm of the amount, from $100M to $1T', () => {
    expect(edgeWidth(null)).toBe(1.5);
    expect(edgeWidth(1e8)).toBe(2);
    expect(edgeWidth(1e10)).toBe(6);
    expect(edgeWidth(1e12)).toBe(10);
    expect(edgeWidth(1e15)).toBe(10);
  });
});

describe('ViewStore', () => {
  it('update(patch) tells listeners with the history mode; a patch that changes nothing is ignored', () => {
    const store = new ViewStore();
    const calls: Array<[string | null, string]> = [];
    store.subscribe((next, _previous, mode) => calls.push([next.firm, mode]));
    store.update({ firm: 'nvidia' });
    store.update({ firm: 'nvidia' });
    store.update({ types: null }, 'replace');
    store.update({ view: { zoom: 1, x: 2, y: 3 } }, 'replace');
    store.update({ view: { zoom: 1, x: 2, y: 3 } }, 'replace');
    expect(calls).toEqual([
      ['nvidia', 'push'],
      ['nvidia', 'replace'],
    ]);
    expect(store.state.view).toEqual({ zoom: 1, x: 2, y: 3 });
  });
});

describe('Deriver and date order', () => {
  it('a view with order=dated lists only the loops in date order', () => {
    const deriver = new Deriver(shippedDataSet());
    const all = deriver.derive({ ...DEFAULT_VIEW_STATE }).loops.loops;
    const dated = deriver.derive({ ...DEFAULT_VIEW_STATE, inOrder: true }).loops.loops;
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.map((l) => l.id).sort()).toEqual(all.filter((l) => l.inOrder).map((l) => l.id).sort());
  });
});

describe('deal widths by their circular part', () => {
  it('draws each counted deal by the part of it that goes round; a deal with none is a hairline', () => {
    const derived = new Deriver(shippedDataSet()).derive({ ...DEFAULT_VIEW_STATE, width: 'circular' });
    const widths = circularWidths(derived.circularity);
    const parts = derived.circularity.deals.filter((d) => d.amountUsd !== null);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(widths.get(part.id)).toBe(part.circularUsd > 0 ? edgeWidth(part.circularUsd) : NOT_CIRCULAR_WIDTH);
    // Some deal sends all its money round and some none of it: the drawing tells them apart.
    expect(parts.some((p) => p.circularUsd === 0)).toBe(true);
    expect(parts.some((p) => p.circularUsd > 0)).toBe(true);
    // Deals of unknown amount keep their width by amount.
    for (const d of derived.circularity.deals) if (d.amountUsd === null) expect(widths.has(d.id)).toBe(false);
  });

  it('the drawn view gives widths only when the state asks for the circular part, and keeps them while nothing changes', () => {
    const deriver = new Deriver(shippedDataSet());
    const cache = new ViewCache();
    const derived = deriver.derive({ ...DEFAULT_VIEW_STATE });
    expect(cache.view(derived, { ...DEFAULT_VIEW_STATE }).widths).toBeNull();
    const circular = cache.view(derived, { ...DEFAULT_VIEW_STATE, width: 'circular' }).widths;
    expect(circular).not.toBeNull();
    expect(cache.view(derived, { ...DEFAULT_VIEW_STATE, width: 'circular' }).widths).toBe(circular);
    expect(cache.view(derived, { ...DEFAULT_VIEW_STATE, width: 'amount' }).widths).toBeNull();
  });
});

describe('flowAmount', () => {
  const deal = (flow: Deal['flow'], amountUsd: number | null, amountBasis: Deal['amountBasis'] = 'committed') => ({ type: 'investment' as const, flow, amountUsd, amountBasis });
  it('says which kind of value an amount is, and when it is no payment', () => {
    expect(flowAmount(deal('paid', 13e9))).toBe('$13B paid');
    expect(flowAmount(deal('committed', 1e11, 'up-to'))).toBe('up to $100B committed');
    expect(flowAmount(deal('holding', 135e9))).toBe('$135B stake value — not a payment');
    expect(flowAmount(deal('contingent', 6.3e9))).toBe('$6.3B contingent — not a payment');
    expect(flowAmount(deal('in-kind', null, 'undisclosed'))).toBe('undisclosed, in kind');
    expect(flowAmount(deal('no-transfer', null, 'undisclosed'))).toBe('no value moves');
    expect(flowAmount(deal('paid', 5e9, 'annual'))).toBe('$5B a year, paid');
    // Without a flow the type's default applies: a guarantee is contingent.
    expect(flowAmount({ type: 'guarantee', amountUsd: 1e9, amountBasis: 'committed' })).toBe('$1B contingent — not a payment');
  });
});
