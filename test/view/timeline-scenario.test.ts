import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLoops } from '../../src/analysis/loops.js';
import { filterFirmGraph, type DealFilter } from '../../src/model/filter.js';
import { countedAmount } from '../../src/model/amounts.js';
import type { DealType } from '../../src/data/types.js';
import { periodStart } from '../../src/data/dates.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { Deriver } from '../../src/state/derive.js';
import { PRESET_SCENARIOS, shockWithin } from '../../src/state/scenarios.js';
import { loopHistory, monthsOf } from '../../src/state/timeline.js';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.js';
import { distressColor } from '../../src/view/distress-scale.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedDataSet, shippedGraph } from '../fixtures/shipped.js';

describe('monthsOf', () => {
  it('monthsOf(graph) lists every month from the first deal to the last', () => {
    const graph = buildFirmGraph(dataSetFromEdges([['a', 'b', { date: '2024-11-05' }], ['b', 'a', { date: '2025-02' }]]));
    expect(monthsOf(graph)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});

describe('loopHistory', () => {
  it('loopHistory counts a loop from the quarter its last hop lands, and sums the money on loops once per deal', () => {
    const graph = buildFirmGraph(
      dataSetFromEdges([
        ['a', 'b', { date: '2024-11', amountUsd: 10 }],
        ['b', 'a', { date: '2025-02', amountUsd: 5 }],
        ['b', 'c', { date: '2024-12', amountUsd: 100 }],
      ]),
    );
    expect(loopHistory(graph, {})).toEqual([
      { label: '2024-Q4', month: '2024-12', loops: 0, capped: false, moneyUsd: 0 },
      { label: '2025-Q1', month: '2025-03', loops: 1, capped: false, moneyUsd: 15 },
    ]);
  });

  it('loopHistory equals a loop search of the network as of each quarter\'s end, under any filter and choice of loops', () => {
    const dates = ['2023', '2023-06', '2023-07-04', '2024-02', '2024-02-29', '2024', '2025-01-15', '2025-12'];
    const types: DealType[] = ['investment', 'purchase', 'loan'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: fc.nat(4),
            to: fc.nat(4),
            date: fc.constantFrom(...dates),
            type: fc.constantFrom(...types),
            amount: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
            supersedes: fc.boolean(),
            // Some deals end, some within the period they are dated by (a year).
            ends: fc.option(fc.constantFrom('2023-03', '2024-02-29', '2024-11', '2025-06-30'), { nil: undefined }),
          }),
          { maxLength: 16 },
        ),
        fc.record({ types: fc.option(fc.subarray(types, { minLength: 1 }), { nil: undefined }), minUsd: fc.constantFrom(0, 300), from: fc.constantFrom(undefined, '2023-07') }),
        // The timeline follows the view's choice of loops: all, or only those in date order (within a window).
        fc.constantFrom({}, { inOrderOnly: true }, { inOrderOnly: true, windowMonths: 6 }),
        (deals, picked, search) => {
          const valid = deals.filter((d) => d.from !== d.to);
          const data = dataSetFromEdges(
            valid.map((d, i) => [`f${d.from}`, `f${d.to}`, { id: `x${i}`, date: d.date, type: d.type, amountUsd: d.amount, amountBasis: d.amount === null ? 'undisclosed' : 'committed' }] as const),
          );
          valid.forEach((d, i) => {
            if (d.ends !== undefined && periodStart(d.ends) >= periodStart(d.date)) (data.deals[i] as { endDate?: string }).endDate = d.ends;
          });
          // Some deals are superseded by a later one between the same firms.
          valid.forEach((d, i) => {
            const later = valid.findIndex((e, j) => j > i && e.from === d.from && e.to === d.to);
            if (d.supersedes && later >= 0) (data.deals[i] as { supersededBy?: string }).supersededBy = `x${later}`;
          });
          const graph = buildFirmGraph(data);
          const filter: DealFilter = Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined));
          for (const point of loopHistory(graph, filter, search)) {
            const view = filterFirmGraph(graph, { ...filter, asOf: point.month });
            const found = findLoops(view, { ...search, maxCycles: 2000 });
            const onLoops = new Set(found.loops.flatMap((loop) => loop.hops.flatMap((hop) => hop.deals)));
            const money = [...onLoops].reduce((sum, id) => sum + (countedAmount(view.getEdgeAttributes(id), view) ?? 0), 0);
            expect(point).toMatchObject({ loops: found.count, capped: found.truncated, moneyUsd: money });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('loopHistory on the shipped data ends with the loops of the last quarter, and falls only when a deal ends or a firm is acquired', () => {
    const graph = shippedGraph();
    const history = loopHistory(graph, {});
    const last = history[history.length - 1]!;
    expect(last.loops).toBe(findLoops(filterFirmGraph(graph, { asOf: last.month })).count);
    const changes = new Set<string>();
    graph.forEachEdge((_e, deal) => void (deal.endDate && changes.add(deal.endDate.slice(0, 7))));
    graph.forEachNode((_id, firm) => void (firm.acquiredDate && changes.add(firm.acquiredDate.slice(0, 7))));
    for (let i = 1; i < history.length; i++) {
      if (history[i]!.loops >= history[i - 1]!.loops) continue;
      const [from, to] = [history[i - 1]!.month, history[i]!.month];
      expect([...changes].some((month) => month > from && month <= to), `loops fell from ${from} to ${to}`).toBe(true);
    }
    const firstWithLoops = history.find((p) => p.loops > 0)!;
    const before = history[history.indexOf(firstWithLoops) - 1]!;
    expect(findLoops(filterFirmGraph(graph, { asOf: before.month })).count).toBe(0);
  });
});

describe('scenarios', () => {
  it('every preset names firms of the shipped data and says what it assumes', () => {
    const ids = new Set(shippedDataSet().entities.map((e) => e.id));
    for (const preset of PRESET_SCENARIOS) {
      expect(Object.keys(preset.shock).every((firm) => ids.has(firm)), preset.id).toBe(true);
      expect(preset.assumption.endsWith('.')).toBe(true);
      for (const level of Object.values(preset.shock)) expect(level > 0 && level <= 1).toBe(true);
    }
    expect(shockWithin({ openai: 0.5, ghost: 1 }, (f) => ids.has(f))).toEqual({ openai: 0.5 });
  });

  it('Deriver.scenario runs DebtRank on the filtered view and reuses it while only the round changes', () => {
    const deriver = new Deriver(shippedDataSet());
    const state = { ...DEFAULT_VIEW_STATE, shock: { openai: 0.5 } };
    const result = deriver.scenario(state)!;
    expect(result.firms.find((f) => f.id === 'oracle')!.final).toBeGreaterThan(0);
    expect(deriver.scenario({ ...state, round: 2 })).toBe(result);
    expect(deriver.scenario({ ...state, types: ['investment'] })).not.toBe(result);
    expect(deriver.scenario({ ...state, shock: { ghost: 1 } })).toBeNull();
  });
});

describe('distressColor', () => {
  it('runs from near white (unharmed) to dark red (failed), darker with more distress', () => {
    expect(distressColor(0)).toBe('#fff5f0');
    expect(distressColor(1)).toBe('#67000d');
    const lightness = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    for (let k = 0; k < 10; k++) expect(lightness(distressColor((k + 1) / 10))).toBeLessThan(lightness(distressColor(k / 10)));
  });
});
