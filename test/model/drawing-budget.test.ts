import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawnPart, type DrawableSet } from '../../src/model/drawing-budget.js';

/** Random small sets: firms f0…, deals between them with disclosed or undisclosed amounts. */
const drawableSet = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      deals: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), usd: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }) }), { maxLength: 40 }),
    }),
  )
  .map(({ n, deals }): DrawableSet => ({
    entities: Array.from({ length: n }, (_, i) => ({ id: `f${i}` })),
    deals: deals.map((d, i) => ({ id: `d${i}`, from: `f${d.from}`, to: `f${d.to}`, amountUsd: d.usd })),
  }));

const limits = fc.record({ firms: fc.integer({ min: 1, max: 12 }), deals: fc.integer({ min: 0, max: 40 }) });

describe('drawnPart', () => {
  it('draws everything (null) when the set fits the limits', () => {
    const data: DrawableSet = { entities: [{ id: 'a' }, { id: 'b' }], deals: [{ id: 'x', from: 'a', to: 'b', amountUsd: 1 }] };
    expect(drawnPart(data, { firms: 2, deals: 1 })).toBeNull();
    expect(drawnPart(data, { firms: 2, deals: 0 })).toEqual({ firms: [], deals: [], firmsChosenAmong: 2, firmsTotal: 2, dealsTotal: 1 });
  });

  it('keeps the firms with the most money and the largest deals between them, undisclosed last', () => {
    const data: DrawableSet = {
      entities: [{ id: 'small' }, { id: 'big' }, { id: 'mid' }],
      deals: [
        { id: 'big-mid', from: 'big', to: 'mid', amountUsd: 100 },
        { id: 'mid-big-secret', from: 'mid', to: 'big', amountUsd: null },
        { id: 'small-big', from: 'small', to: 'big', amountUsd: 5 },
        { id: 'mid-big', from: 'mid', to: 'big', amountUsd: 7 },
      ],
    };
    // Money: big 112, mid 107, small 5. Between big and mid: 100, 7 and an undisclosed deal.
    expect(drawnPart(data, { firms: 2, deals: 2 })).toEqual({ firms: ['big', 'mid'], deals: ['big-mid', 'mid-big'], firmsChosenAmong: 2, firmsTotal: 3, dealsTotal: 4 });
  });

  it('leaves out a chosen firm that none of the drawn deals joins', () => {
    const data: DrawableSet = {
      entities: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      deals: [
        { id: 'a-b', from: 'a', to: 'b', amountUsd: 100 },
        // c has the most money of the rest, in small deals that do not make the cut.
        { id: 'c-a', from: 'c', to: 'a', amountUsd: 30 },
        { id: 'c-b', from: 'c', to: 'b', amountUsd: 30 },
        { id: 'd-a', from: 'd', to: 'a', amountUsd: 1 },
      ],
    };
    expect(drawnPart(data, { firms: 3, deals: 1 })).toEqual({ firms: ['a', 'b'], deals: ['a-b'], firmsChosenAmong: 3, firmsTotal: 4, dealsTotal: 4 });
  });

  it('never draws more than the limits, only deals between drawn firms, and the largest of them (property)', () => {
    fc.assert(
      fc.property(drawableSet, limits, (data, limit) => {
        const part = drawnPart(data, limit);
        const fits = data.entities.length <= limit.firms && data.deals.length <= limit.deals;
        if (fits) {
          expect(part).toBeNull();
          return;
        }
        if (!part) throw new Error('a set over the limits must be drawn in part');
        expect(part.firms.length).toBeLessThanOrEqual(limit.firms);
        expect(part.deals.length).toBeLessThanOrEqual(limit.deals);
        expect(part.firmsTotal).toBe(data.entities.length);
        expect(part.dealsTotal).toBe(data.deals.length);
        const deals = new Set(part.deals);
        // File order is kept.
        expect(part.firms).toEqual(data.entities.map((e) => e.id).filter((id) => part.firms.includes(id)));
        expect(part.deals).toEqual(data.deals.map((d) => d.id).filter((id) => deals.has(id)));
        // The firms drawn are exactly those the drawn deals join.
        const joined = new Set(data.deals.filter((d) => deals.has(d.id)).flatMap((d) => [d.from, d.to]));
        expect(new Set(part.firms)).toEqual(joined);
        // The deals are chosen among as many firms as the limit allows: those with the most money
        // (ties by id).
        expect(part.firmsChosenAmong).toBe(Math.min(limit.firms, data.entities.length));
        const money = new Map(data.entities.map((e) => [e.id, 0]));
        for (const d of data.deals) {
          money.set(d.from, (money.get(d.from) ?? 0) + (d.amountUsd ?? 0));
          money.set(d.to, (money.get(d.to) ?? 0) + (d.amountUsd ?? 0));
        }
        const ranked = data.entities.map((e) => e.id).sort((a, b) => (money.get(b) ?? 0) - (money.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
        const firms = new Set(ranked.slice(0, part.firmsChosenAmong));
        const between = data.deals.filter((d) => firms.has(d.from) && firms.has(d.to));
        expect(part.deals.length).toBe(Math.min(limit.deals, between.length));
        const rank = (usd: number | null): number => usd ?? -1;
        const drawn = between.filter((d) => deals.has(d.id));
        for (const d of data.deals) if (deals.has(d.id)) expect(firms.has(d.from) && firms.has(d.to)).toBe(true);
        const smallestDrawn = Math.min(...drawn.map((d) => rank(d.amountUsd)));
        for (const d of between) if (!deals.has(d.id)) expect(rank(d.amountUsd)).toBeLessThanOrEqual(smallestDrawn);
      }),
    );
  });
});
