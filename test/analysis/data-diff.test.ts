import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDataSets } from '../../src/analysis/data-diff.js';
import type { DataSet } from '../../src/data/types.js';
import { dealsAddedSince, lastChange, loopIsNew } from '../../src/model/new-since.js';
import { cli } from '../cli/run-cli.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedDataSet } from '../fixtures/shipped.js';

const root = path.resolve(import.meta.dirname, '../..');
const before2026 = path.join(root, 'test/fixtures/data-2026-02');

/** a → b → c with amounts; version 2 drops b → c, raises a → b, adds c → a and a firm d. */
function versions(): { before: DataSet; after: DataSet } {
  const before = dataSetFromEdges([
    ['a', 'b', { id: 'ab', amountUsd: 10 }],
    ['b', 'c', { id: 'bc', amountUsd: 5 }],
    ['b', 'a', { id: 'ba', amountUsd: 4 }],
  ]);
  const after = dataSetFromEdges(
    [
      ['a', 'b', { id: 'ab', amountUsd: 12, note: 'raised' }],
      ['b', 'a', { id: 'ba', amountUsd: 4 }],
      ['c', 'a', { id: 'ca', amountUsd: 3 }],
      ['b', 'c', { id: 'bc2', amountUsd: 2 }],
    ],
    ['d'],
  );
  return { before, after };
}

describe('diffDataSets', () => {
  it('names exactly the deals added, removed and changed (field by field), the firms, the loops and the circularity', () => {
    const { before, after } = versions();
    const diff = diffDataSets(before, after);
    expect(diff.deals).toEqual({
      added: ['ca', 'bc2'],
      removed: ['bc'],
      changed: [{ id: 'ab', fields: { amountUsd: { from: 10, to: 12 }, note: { from: undefined, to: 'raised' } } }],
    });
    expect(diff.firms).toEqual({ added: ['d'], removed: [], changed: [] });
    expect(diff.loops).toEqual({ appeared: ['a>b>c'], disappeared: [], truncated: false });
    // Before: a⇄b carries 4 of 19 known; after: 4 round a⇄b plus 2 round a→b→c→a, of 21.
    expect(diff.circularity.from).toBeCloseTo((2 * 4) / 19, 12);
    expect(diff.circularity.to).toBeCloseTo((2 * 4 + 3 * 2) / 21, 12);
  });

  it('finds nothing between a data set and itself', () => {
    const data = shippedDataSet();
    const diff = diffDataSets(data, data);
    expect(diff.deals).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.firms).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.loops.appeared).toEqual([]);
    expect(diff.loops.disappeared).toEqual([]);
    expect(diff.circularity.from).toBe(diff.circularity.to);
  });
});

describe('roundtrip diff', () => {
  it('on the shipped data against its state of February 2026 names the new deals, firms and loops, and the change of the index', async () => {
    const result = await cli('diff', '--from', before2026, '--to', 'data', '--json');
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.out) as ReturnType<typeof diffDataSets>;
    expect(Object.keys(diff)).toEqual(['deals', 'firms', 'loops', 'circularity']);
    // Every update of the changelog postdates the February state: together they are the diff.
    const updates = shippedDataSet().changes ?? [];
    const added = updates.flatMap((c) => c.added);
    const changed = [...new Set(updates.flatMap((c) => c.changed))].filter((id) => !added.includes(id));
    expect(diff.deals.added).toEqual(added);
    expect(diff.deals.changed.map((c) => c.id).sort()).toEqual(changed.sort());
    expect(diff.deals.removed).toEqual([]);
    expect(diff.deals.added).toEqual(expect.arrayContaining(['amazon-openai-investment-2026', 'amd-meta-warrants-2026', 'meta-amd-gpus-2026', 'anthropic-spacex-colossus-2026']));
    expect(diff.firms.added).toEqual(expect.arrayContaining(['softbank', 'spacex', 'iren', 'lambda', 'cerebras']));
    // AMD's warrants for Meta against Meta's GPU order: the textbook vendor-financing loop, new in 2026.
    expect(diff.loops.appeared).toEqual(expect.arrayContaining(['amd>meta', 'cerebras>openai']));
    // The Abilene correction is a field change: $9.6B became the reported $7.1B (with the $2.3B loan its own deal).
    const abilene = diff.deals.changed.find((c) => c.id === 'jpmorgan-abilene-loan-2025');
    expect(abilene?.fields.amountUsd).toEqual({ from: 9.6e9, to: 7.1e9 });
    expect(diff.circularity.from).not.toBe(diff.circularity.to);
    const text = await cli('diff', '--from', before2026);
    expect(text.out).toMatch(new RegExp(`^deals: ${added.length} added, 0 removed, ${changed.length} changed\\n`));
    expect(text.out).toMatch(/\ncircularity: \d+\.\d% → \d+\.\d% of the known money goes round$/);
  });

  it('asks for --from, and refuses a folder that holds no data set', async () => {
    expect(await cli('diff')).toMatchObject({ code: 2, err: expect.stringContaining('--from is required') });
    const missing = await cli('diff', '--from', 'no/such/dir');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no/such/dir/entities.json: file not found');
  });
});

describe('what is new since a date', () => {
  const changes = [
    { date: '2025-06-30', summary: 'first', added: ['x'], changed: [], removed: [] },
    { date: '2026-12-02', summary: 'second', added: ['y', 'z'], changed: ['x'], removed: [] },
  ];
  it('is what the updates dated after the end of that period added', () => {
    expect([...dealsAddedSince(changes, '2026-11')]).toEqual(['y', 'z']);
    expect([...dealsAddedSince(changes, '2026-12')]).toEqual([]);
    expect([...dealsAddedSince(changes, '2025')].sort()).toEqual(['y', 'z']);
    expect([...dealsAddedSince(changes, '2025-06')].sort()).toEqual(['y', 'z']);
    expect([...dealsAddedSince(changes, '2025-05-31')].sort()).toEqual(['x', 'y', 'z']);
    expect(lastChange(changes)?.summary).toBe('second');
  });

  it('marks a loop new when one of its hops has only new deals', () => {
    const added = new Set(['y']);
    expect(loopIsNew({ hops: [{ deals: ['x'] }, { deals: ['y'] }] }, added)).toBe(true);
    expect(loopIsNew({ hops: [{ deals: ['x'] }, { deals: ['y', 'w'] }] }, added)).toBe(false);
    expect(loopIsNew({ hops: [{ deals: ['x'] }] }, new Set())).toBe(false);
  });
});
