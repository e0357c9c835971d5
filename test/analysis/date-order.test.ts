import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOrderChoice, datedDeal, sortDated, type DatedDeal } from '../../src/analysis/date-order.js';
import { findLoops, loopsThrough } from '../../src/analysis/loops.js';
import { parseDatePeriod } from '../../src/data/dates.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';

/** Dates of every precision over three years: `2025` starts on 2025-01-01. */
const dateText = fc.oneof(
  fc.integer({ min: 2024, max: 2026 }).map(String),
  fc.record({ y: fc.integer({ min: 2024, max: 2026 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .record({ y: fc.integer({ min: 2024, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

const monthOf = (date: string): number => {
  const start = (parseDatePeriod(date) as { start: string }).start;
  return Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
};

/** Every rotation and every choice of one deal per hop: is one of them in date order (and window)? */
function bruteForceInOrder(hops: readonly string[][], windowMonths: number | null): boolean {
  const k = hops.length;
  for (let first = 0; first < k; first++) {
    const rotated = Array.from({ length: k }, (_, i) => hops[(first + i) % k] as string[]);
    const choose = (i: number, chosen: string[]): boolean => {
      if (i === k) {
        for (let j = 1; j < k; j++) {
          if ((parseDatePeriod(chosen[j] as string)?.start as string) < (parseDatePeriod(chosen[j - 1] as string)?.start as string)) return false;
        }
        return windowMonths === null || monthOf(chosen[k - 1] as string) - monthOf(chosen[0] as string) <= windowMonths;
      }
      return (rotated[i] as string[]).some((date) => choose(i + 1, [...chosen, date]));
    };
    if (choose(0, [])) return true;
  }
  return false;
}

const hopsOf = (dates: readonly string[][]): DatedDeal[][] => dates.map((hop, i) => sortDated(hop.map((date, j) => datedDeal(`h${i}d${j}`, date) as DatedDeal)));

describe('dateOrderChoice', () => {
  it('dateOrderChoice agrees with every rotation and every choice of parallel deal, window or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(dateText, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
        (dates, window) => {
          const choice = dateOrderChoice(hopsOf(dates), window);
          expect(choice !== null).toBe(bruteForceInOrder(dates, window));
          if (choice) {
            // The choice itself is in date order, within the window, one deal per hop from firstHop on.
            expect(choice.deals).toHaveLength(dates.length);
            choice.deals.forEach((deal, step) => {
              expect(deal.id.startsWith(`h${(choice.firstHop + step) % dates.length}d`)).toBe(true);
              if (step > 0) expect(deal.start >= (choice.deals[step - 1] as DatedDeal).start).toBe(true);
            });
            if (window !== null) expect((choice.deals.at(-1) as DatedDeal).month - (choice.deals[0] as DatedDeal).month).toBeLessThanOrEqual(window);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('dateOrderChoice reads a year as its first day and ignores days in windows', () => {
    // 2025 (= 2025-01-01) then 2025-01-01: in order; 2025-03 then 2025: not, from either end.
    expect(dateOrderChoice(hopsOf([['2025'], ['2025-01-01']]))).not.toBeNull();
    expect(dateOrderChoice(hopsOf([['2025-03'], ['2025-02-28']]))).not.toBeNull(); // rotation: Feb then Mar
    expect(dateOrderChoice(hopsOf([['2025-03'], ['2025-04'], ['2025-02']]))).not.toBeNull();
    expect(dateOrderChoice(hopsOf([['2025-03'], ['2025-01'], ['2025-02']]))).not.toBeNull(); // Jan, Feb, Mar
    expect(dateOrderChoice(hopsOf([['2025-03'], ['2025-02'], ['2025-01']]))).toBeNull(); // backwards round the loop
    // January 31 to March 1 is two months by the rule (days ignored).
    expect(dateOrderChoice(hopsOf([['2025-01-31'], ['2025-03-01']]), 1)).toBeNull();
    expect(dateOrderChoice(hopsOf([['2025-01-31'], ['2025-03-01']]), 2)).not.toBeNull();
  });
});

describe('findLoops in date order', () => {
  const threeFirms = (dates: [string, string, string]) =>
    buildFirmGraph(
      dataSetFromEdges([
        ['a', 'b', { id: 'ab', date: dates[0] }],
        ['b', 'c', { id: 'bc', date: dates[1] }],
        ['c', 'a', { id: 'ca', date: dates[2] }],
      ]),
    );

  it('findLoops(graph, {inOrderOnly}) keeps only the loops money can go round forwards in time', () => {
    const forwards = threeFirms(['2024-01', '2024-06', '2025-02']);
    const backwards = threeFirms(['2025-02', '2024-06', '2024-01']);
    expect(findLoops(forwards, { inOrderOnly: true }).count).toBe(1);
    expect(findLoops(backwards, { inOrderOnly: true }).count).toBe(0);
    expect(findLoops(backwards).loops[0]).toMatchObject({ inOrder: false, orderedHops: null });
    expect(findLoops(forwards, { windowMonths: 12 }).loops[0]).toMatchObject({ inOrder: false });
    expect(findLoops(forwards, { windowMonths: 13 }).loops[0]?.orderedHops?.map((h) => h.deal)).toEqual(['ab', 'bc', 'ca']);
  });

  it('findLoops leaves a superseded deal out of date order while the deal replacing it is in view', () => {
    const graph = buildFirmGraph(
      dataSetFromEdges([
        ['a', 'b', { id: 'loi', date: '2024-01', status: 'loi', supersededBy: 'final' }],
        ['a', 'b', { id: 'final', date: '2026-01' }],
        ['b', 'a', { id: 'back', date: '2025-01' }],
      ]),
    );
    // back (2025) then final (2026) is in order; loi (2024) then back would be too, but it is replaced.
    expect(findLoops(graph).loops[0]?.orderedHops?.map((h) => h.deal)).toEqual(['back', 'final']);
  });

  it('findLoops and loopsThrough with inOrderOnly equal the plain search filtered by the oracle, and cap what they keep', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), date: dateText }), { maxLength: 3 * n }),
            fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
          ),
        ),
        ([n, deals, window]) => {
          const valid = deals.filter((d) => d.from !== d.to);
          const graph = buildFirmGraph(dataSetFromEdges(valid.map((d) => [`f${d.from}`, `f${d.to}`, { date: d.date }] as const), Array.from({ length: n }, (_, i) => `f${i}`)));
          const all = findLoops(graph, { maxCycles: 1e6 }).loops;
          const expected = all
            .filter((loop) => bruteForceInOrder(loop.hops.map((hop) => hop.deals.map((id) => graph.getEdgeAttribute(id, 'date'))), window))
            .map((l) => l.id)
            .sort();
          const found = findLoops(graph, { inOrderOnly: true, windowMonths: window, maxCycles: 1e6 });
          expect(found.loops.map((l) => l.id).sort()).toEqual(expected);
          expect(found.loops.every((l) => l.inOrder)).toBe(true);
          if (expected.length > 1) {
            const capped = findLoops(graph, { inOrderOnly: true, windowMonths: window, maxCycles: 1 });
            expect(capped.count).toBe(1);
            expect(capped.truncated).toBe(true);
          }
          const through = loopsThrough(graph, 'f0', { inOrderOnly: true, windowMonths: window, maxCycles: 1e6 });
          expect(through.loops.map((l) => l.id).sort()).toEqual(expected.filter((id) => id.split('>').includes('f0')));
        },
      ),
      { numRuns: 400 },
    );
  });
});
