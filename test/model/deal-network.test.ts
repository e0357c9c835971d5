import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iterateLoops, iterateLoopsThrough } from '../../src/analysis/loops.js';
import type { Deal } from '../../src/data/types.js';
import { buildDealNetwork, type DealNetwork } from '../../src/model/deal-network.js';
import { buildFirmView } from '../../src/model/filter.js';
import { randomDataSet, randomFilter } from '../fixtures/random-data.js';

const firm = (i: number): string => `f${i}`;

describe('buildDealNetwork', () => {
  it('keeps the firms and deals of buildFirmView, between the same folded firms, in the same order', () => {
    fc.assert(
      fc.property(randomDataSet, randomFilter, fc.boolean(), (data, filter, acquisitions) => {
        const view = buildFirmView(data, filter, { acquisitions, shareRecords: true });
        const network = buildDealNetwork(data, filter, { acquisitions });
        const edges = (g: DealNetwork) => {
          const out: Array<[string, Deal, string, string]> = [];
          g.forEachEdge((id, deal, from, to) => void out.push([id, deal, from, to]));
          return out;
        };
        expect(edges(network)).toEqual(edges(view));
        // Where no firm is folded, every deal runs between its own parties (so they need no lookup).
        if (!network.foldsFirms) for (const [, deal, from, to] of edges(network)) expect([from, to]).toEqual([deal.from, deal.to]);
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
