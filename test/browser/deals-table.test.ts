import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOWS } from '../../src/data/types.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { shippedGraph } from '../fixtures/shipped.js';
import { graphState } from './app-page.js';
import { screenshot } from './chromium.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];

useAppSession({}, (session) => {
  ({ page, errors } = session);
});

const graph = filterFirmGraph(shippedGraph(), { flows: DEFAULT_FLOWS });

const rowIds = (p: Page) => p.locator('rt-deals tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-deal')));

describe('the deals table', () => {
  it('lists every deal in view, largest first; sorts, filters, and selects a deal from the keyboard', async () => {
    await page.locator('[role="tab"]#tab-deals').click();
    const ids = await rowIds(page);
    expect(ids.slice().sort()).toEqual(graph.edges().sort());
    // Largest disclosed amount first, undisclosed last.
    const amounts = ids.map((id) => graph.getEdgeAttribute(id!, 'amountUsd'));
    const disclosed = amounts.filter((a): a is number => a !== null);
    expect(disclosed).toEqual([...disclosed].sort((a, b) => b - a));
    expect(amounts.slice(disclosed.length).every((a) => a === null)).toBe(true);
    // Sorted by date, oldest first.
    await page.locator('rt-deals th button', { hasText: 'Date' }).click();
    const dates = (await rowIds(page)).map((id) => graph.getEdgeAttribute(id!, 'date'));
    expect(dates).toEqual([...dates].sort());
    // A filter narrows the rows to deals naming Oracle.
    await page.locator('rt-deals input[aria-label="Filter the deals"]').fill('oracle');
    const oracle = await rowIds(page);
    const expected = graph.filterEdges((id, d, s, t) => [graph.getNodeAttribute(s, 'name'), graph.getNodeAttribute(t, 'name'), d.type, d.title, ...d.sources.map((x) => x.publisher ?? '')].join(' ').toLowerCase().includes('oracle'));
    expect(oracle.slice().sort()).toEqual(expected.sort());
    await screenshot(page, 'deals-table');
    // Enter on a row selects its deal; the table stays, with the row marked.
    await page.locator('rt-deals tbody tr').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await graphState(page)).selected).toEqual([oracle[1]]);
    await expect(page.locator(`rt-deals tr[data-deal="${oracle[1]}"]`).getAttribute('aria-selected')).resolves.toBe('true');
    expect(errors).toEqual([]);
  });
});
