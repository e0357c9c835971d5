import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iterateLoops, iterateLoopsThrough } from '../../src/analysis/loops.js';
import { DEAL_STATUSES, DEAL_TYPES, DEFAULT_FLOWS, ENTITY_KINDS, FLOW_KINDS, type DataSet, type Deal } from '../../src/data/types.js';
import { buildDealNetwork } from '../../src/model/deal-network.js';
import { buildFirmView, type DealFilter } from '../../src/model/filter.js';

const firm = (i: number): string => `f${i}`;
/** A value one time in four, else `none`. */
const sometimes = <T, N>(value: fc.Arbitrary<T>, none: N): fc.Arbitrary<T | N> => fc.oneof({ arbitrary: fc.constant(none), weight: 3 }, { arbitrary: value, weight: 1 });
const MONTHS = ['2023-06', '2024', '2024-03', '2024-03-15', '2025-01', '2025-11-30', '2026-02'] as const;

/**
 * Random valid data sets of up to 7 firms: acquisitions (some dated after others' deals), parallel
 * deals, undisclosed amounts, supersessions between deals of one pair, ended deals, explicit flows.
 */
export const randomDataSet: fc.Arbitrary<DataSet> = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .record({
      kinds: fc.array(fc.constantFrom(...ENTITY_KINDS.slice(0, 3)), { minLength: n, maxLength: n }),
      acquired: fc.array(sometimes(fc.record({ by: fc.integer({ min: 0, max: n - 1 }), date: fc.constantFrom(...MONTHS) }), null), { minLength: n, maxLength: n }),
      deals: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: n - 1 }),
          to: fc.integer({ min: 0, max: n - 1 }),
          type: fc.constantFrom(...DEAL_TYPES),
          flow: sometimes(fc.constantFrom(...FLOW_KINDS), undefined),
          status: fc.constantFrom(...DEAL_STATUSES),
          amount: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
          date: fc.constantFrom(...MONTHS),
          ended: sometimes(fc.constantFrom('2026-06', '2027'), undefined),
          supersede: fc.boolean(),
        }),
        { maxLength: 4 * n },
      ),
    })
    .map(({ kinds, acquired, deals }) => {
      // Acquirers that were not themselves acquired, as validation requires.
      const acquirerOf = acquired.map((a, i) => (a !== null && a.by !== i && acquired[a.by] === null ? a : null));
      const entities = kinds.map((kind, i) => {
        const a = acquirerOf[i];
        return { id: firm(i), name: `Firm ${i}`, kind, ...(a ? { acquiredBy: firm(a.by), acquiredDate: a.date } : {}) };
      });
      const records: Deal[] = deals
        .filter((d) => d.from !== d.to)
        .map((d, i) => ({
          id: `d${i}`,
          from: firm(d.from),
          to: firm(d.to),
          type: d.type,
          ...(d.flow ? { flow: d.flow } : {}),
          amountUsd: d.amount,
          amountBasis: d.amount === null ? 'undisclosed' : 'committed',
          date: d.date,
          ...(d.ended ? { endDate: d.ended } : {}),
          status: d.status,
          title: `Deal ${i}`,
          sources: [{ url: 'https://example.com/', title: 'Generated' }],
        }));
      // A deal may be superseded by a later deal of the same pair.
      records.forEach((deal, i) => {
        const later = records.slice(i + 1).find((d) => d.from === deal.from && d.to === deal.to);
        if (later && deals[i]?.supersede) deal.supersededBy = later.id;
      });
      return { entities, deals: records };
    }),
);

export const randomFilter: fc.Arbitrary<DealFilter> = fc.record(
  {
    types: fc.subarray([...DEAL_TYPES]),
    flows: fc.oneof(fc.constant([...DEFAULT_FLOWS]), fc.subarray([...FLOW_KINDS])),
    statuses: fc.subarray([...DEAL_STATUSES]),
    kinds: fc.subarray([...ENTITY_KINDS.slice(0, 3)]),
    minUsd: fc.integer({ min: 0, max: 800 }),
    keepUndisclosed: fc.boolean(),
    from: fc.constantFrom(...MONTHS),
    to: fc.constantFrom(...MONTHS),
    asOf: fc.constantFrom('2024-02', '2025-06', '2026-03'),
    hideIsolated: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('buildDealNetwork', () => {
  it('keeps the firms and deals of buildFirmView, between the same folded firms, in the same order', () => {
    fc.assert(
      fc.property(randomDataSet, randomFilter, fc.boolean(), (data, filter, acquisitions) => {
        const view = buildFirmView(data, filter, { acquisitions, shareRecords: true });
        const network = buildDealNetwork(data, filter, { acquisitions });
        const edges = (g: typeof network) => {
          const out: Array<[string, Deal, string, string]> = [];
          g.forEachEdge((id, deal, from, to) => void out.push([id, deal, from, to]));
          return out;
        };
        expect(edges(network)).toEqual(edges(view));
        expect(network.nodes()).toEqual(view.nodes());
        for (const deal of data.deals) {
          expect(network.hasEdge(deal.id)).toBe(view.hasEdge(deal.id));
          if (view.hasEdge(deal.id)) expect(network.getEdgeAttributes(deal.id)).toBe(view.getEdgeAttributes(deal.id));
        }
        for (const entity of data.entities) expect(network.hasNode(entity.id)).toBe(view.hasNode(entity.id));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the loops of the firm view, in the same order, with every figure the same (any bound, date order, one firm)', () => {
    fc.assert(
      fc.property(
        randomDataSet,
        randomFilter,
        fc.integer({ min: 2, max: 7 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
        fc.integer({ min: 0, max: 6 }),
        (data, filter, maxLength, inOrderOnly, windowMonths, through) => {
          const view = buildFirmView(data, filter, { shareRecords: true });
          const network = buildDealNetwork(data, filter);
          const search = { maxLength, inOrderOnly, windowMonths: inOrderOnly ? windowMonths : null };
          expect([...iterateLoops(network, search)]).toEqual([...iterateLoops(view, search)]);
          if (view.hasNode(firm(through))) expect([...iterateLoopsThrough(network, firm(through), search)]).toEqual([...iterateLoopsThrough(view, firm(through), search)]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
