import { describe, expect, it } from 'vitest';
import { buildFirmView, filterFirmGraph, keepsEverything, type DealFilter } from '../../src/model/filter.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { summarizeFirmGraph } from '../../src/model/summary.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedDataSet } from '../fixtures/shipped.js';

const triangle = () =>
  buildFirmGraph(
    dataSetFromEdges(
      [
        ['a', 'b', { type: 'investment', amountUsd: 10, date: '2025-01-10' }],
        ['a', 'b', { type: 'purchase', amountUsd: 5, date: '2025-03' }],
        ['b', 'c', { type: 'purchase', amountUsd: null, amountBasis: 'undisclosed', date: '2024', status: 'reported' }],
        ['c', 'a', { type: 'loan', amountUsd: 100, date: '2025-06-30', status: 'loi' }],
      ],
      ['lonely'],
    ),
  );

describe('buildFirmGraph', () => {
  it('buildFirmGraph keeps parallel deals as separate edges keyed by deal id, in the money direction', () => {
    const graph = triangle();
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    expect(graph.outEdges('a', 'b').sort()).toEqual(['e0-a-b', 'e1-a-b']);
    expect(graph.source('e3-c-a')).toBe('c');
    expect(graph.target('e3-c-a')).toBe('a');
    expect(graph.getEdgeAttribute('e2-b-c', 'amountUsd')).toBeNull();
  });
});

describe('filterFirmGraph', () => {
  it('filterFirmGraph(graph, {types}) keeps only those deal types', () => {
    const view = filterFirmGraph(triangle(), { types: ['purchase'] });
    expect(view.edges().sort()).toEqual(['e1-a-b', 'e2-b-c']);
    expect(view.order).toBe(4);
  });

  it('filterFirmGraph(graph, {minUsd}) keeps undisclosed amounts unless told not to', () => {
    expect(filterFirmGraph(triangle(), { minUsd: 10 }).edges().sort()).toEqual(['e0-a-b', 'e2-b-c', 'e3-c-a']);
    expect(filterFirmGraph(triangle(), { minUsd: 10, keepUndisclosed: false }).edges().sort()).toEqual(['e0-a-b', 'e3-c-a']);
    expect(filterFirmGraph(triangle(), { minUsd: 0, keepUndisclosed: false }).size).toBe(4);
  });

  it('filterFirmGraph(graph, {from, to}) keeps deals whose date period overlaps the range', () => {
    // The year-only deal (2024) overlaps a range that starts in December 2024, not one from 2025.
    expect(filterFirmGraph(triangle(), { from: '2024-12' }).edges().sort()).toEqual(['e0-a-b', 'e1-a-b', 'e2-b-c', 'e3-c-a']);
    expect(filterFirmGraph(triangle(), { from: '2025-01' }).edges().sort()).toEqual(['e0-a-b', 'e1-a-b', 'e3-c-a']);
    // A month-precision deal (2025-03) overlaps a range ending on 2025-03-01.
    expect(filterFirmGraph(triangle(), { from: '2025-02', to: '2025-03-01' }).edges()).toEqual(['e1-a-b']);
    expect(filterFirmGraph(triangle(), { to: '2025-01' }).edges().sort()).toEqual(['e0-a-b', 'e2-b-c']);
  });

  it('filterFirmGraph(graph, {statuses}) keeps those statuses', () => {
    expect(filterFirmGraph(triangle(), { statuses: ['reported', 'loi'] }).edges().sort()).toEqual(['e2-b-c', 'e3-c-a']);
  });

  it('filterFirmGraph(graph, {kinds}) drops firms of other kinds and their deals', () => {
    const graph = triangle();
    graph.setNodeAttribute('c', 'kind', 'bank');
    const view = filterFirmGraph(graph, { kinds: ['other'] });
    expect(view.hasNode('c')).toBe(false);
    expect(view.edges().sort()).toEqual(['e0-a-b', 'e1-a-b']);
  });

  it('filterFirmGraph(graph, {hideIsolated}) drops firms left without deals', () => {
    expect(filterFirmGraph(triangle(), { hideIsolated: true }).nodes().sort()).toEqual(['a', 'b', 'c']);
    expect(filterFirmGraph(triangle(), { types: ['loan'], hideIsolated: true }).nodes().sort()).toEqual(['a', 'c']);
  });

  it('keepsEverything is true exactly when filterFirmGraph would keep every firm and deal', () => {
    const graph = triangle();
    const filters = [{}, { minUsd: 0 }, { hideIsolated: false }, { types: ['loan' as const] }, { minUsd: 10 }, { from: '2025' }, { to: '2024' }, { asOf: '2025-01' }, { kinds: ['bank' as const] }, { statuses: ['loi' as const] }, { hideIsolated: true }];
    for (const filter of filters) {
      const view = filterFirmGraph(graph, filter);
      const keptAll = view.order === graph.order && view.size === graph.size;
      if (keepsEverything(filter)) expect(keptAll, JSON.stringify(filter)).toBe(true);
    }
    expect(filters.filter(keepsEverything)).toEqual([{}, { minUsd: 0 }, { hideIsolated: false }]);
  });

  it('leaves the input graph unchanged', () => {
    const graph = triangle();
    filterFirmGraph(graph, { types: ['loan'], hideIsolated: true });
    expect(graph.size).toBe(4);
    expect(graph.order).toBe(4);
  });
});

describe('superseded deals', () => {
  const replaced = () =>
    buildFirmGraph(
      dataSetFromEdges([
        ['a', 'b', { id: 'loi', amountUsd: 100, status: 'loi', supersededBy: 'final' }],
        ['a', 'b', { id: 'final', amountUsd: 30 }],
        ['b', 'a', { id: 'back', amountUsd: 7 }],
      ]),
    );

  it('summarizeFirmGraph counts a superseded deal but not its amount', () => {
    expect(summarizeFirmGraph(replaced()).total).toEqual({ deals: 3, knownUsd: 37, undisclosed: 0, superseded: 1 });
  });
});

describe('summarizeFirmGraph', () => {
  it('summarizeFirmGraph counts deals by type and status and sums known amounts only', () => {
    const summary = summarizeFirmGraph(triangle());
    expect(summary.firms).toBe(4);
    expect(summary.deals).toBe(4);
    expect(summary.dealsByType.purchase).toEqual({ deals: 2, knownUsd: 5, undisclosed: 1, superseded: 0 });
    expect(summary.dealsByStatus.loi).toEqual({ deals: 1, knownUsd: 100, undisclosed: 0, superseded: 0 });
    expect(summary.total).toEqual({ deals: 4, knownUsd: 115, undisclosed: 1, superseded: 0 });
  });
});

describe('filterFirmGraph(graph, {asOf})', () => {
  it('keeps only deals whose whole date period has passed by the end of the month', () => {
    const graph = triangle();
    // e2 is dated only "2024": it counts from the end of 2024, not from January.
    expect(filterFirmGraph(graph, { asOf: '2024-06' }).edges()).toEqual([]);
    expect(filterFirmGraph(graph, { asOf: '2024-12' }).edges()).toEqual(['e2-b-c']);
    expect(filterFirmGraph(graph, { asOf: '2025-03' }).edges().sort()).toEqual(['e0-a-b', 'e1-a-b', 'e2-b-c']);
    expect(filterFirmGraph(graph, { asOf: '2025-06' }).size).toBe(4);
  });

  it('drops a deal from the month its endDate falls in, and keeps it before and in the view of all dates', () => {
    const graph = triangle();
    graph.updateEdgeAttribute('e2-b-c', 'endDate', () => '2025-04-27');
    expect(filterFirmGraph(graph, { asOf: '2025-03' }).hasEdge('e2-b-c')).toBe(true);
    expect(filterFirmGraph(graph, { asOf: '2025-04' }).hasEdge('e2-b-c')).toBe(false);
    expect(filterFirmGraph(graph, { asOf: '2026-01' }).hasEdge('e2-b-c')).toBe(false);
    expect(filterFirmGraph(graph, {}).hasEdge('e2-b-c')).toBe(true);
  });
});

describe('buildFirmView', () => {
  it('buildFirmView(data, filter) is the filtered view of the whole graph, firms, deals, order and attributes', () => {
    const data = shippedDataSet();
    const filters: DealFilter[] = [
      {},
      { flows: ['paid', 'committed', 'in-kind'] },
      { types: ['investment', 'purchase'], minUsd: 1e9, from: '2025-01' },
      { kinds: ['chipmaker', 'ai-lab', 'hyperscaler'], statuses: ['confirmed'], hideIsolated: true },
      { asOf: '2025-06', minUsd: 5e8, keepUndisclosed: false },
    ];
    for (const filter of filters) {
      for (const acquisitions of [true, false]) {
        const expected = filterFirmGraph(buildFirmGraph(data), filter, { acquisitions });
        const view = buildFirmView(data, filter, { acquisitions });
        const label = JSON.stringify({ filter, acquisitions });
        expect(view.export(), label).toEqual(expected.export());
        expect(view.getAttributes(), label).toEqual(expected.getAttributes());
      }
    }
  });
});
