import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_FLOWS } from '../../src/data/types.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { tracedPaths } from '../../src/state/derive.js';
import { shippedGraph } from '../fixtures/shipped.js';
import { graphState, openApp } from './app-page.js';
import { screenshot } from './chromium.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];

useAppSession({ open: false }, (session) => {
  ({ page, errors } = session);
});

const graph = filterFirmGraph(shippedGraph(), { flows: DEFAULT_FLOWS });

describe('tracing the money from one firm to another', () => {
  it("from a firm's details: every path up to four hops, listed hop by hop, lit up on the graph, in the link", async () => {
    const expected = tracedPaths(graph, { from: 'nvidia', to: 'oracle' });
    expect(expected.paths.length).toBeGreaterThan(1);
    await openApp(page, inject('baseUrl'), '?firm=nvidia');
    await page.locator('rt-inspector select[aria-label="Trace the money to"]').selectOption('oracle');
    await page.locator('rt-inspector form.trace button').click();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('path'))).toBe('nvidia,oracle');
    await expect(page.locator('rt-inspector h2').innerText()).resolves.toBe('Money from Nvidia to Oracle');
    const listed = await page.locator('rt-inspector ol.paths li').evaluateAll((items) => items.map((li) => li.getAttribute('data-path-firms')));
    expect(listed).toEqual(expected.paths.map((p) => p.firms.join('>')));
    const state = await graphState(page);
    const deals = new Set(expected.paths.flatMap((p) => p.hops.flatMap((h) => h.deals)));
    const firms = new Set(expected.paths.flatMap((p) => p.firms));
    expect(state.highlighted).toEqual([...firms, ...deals].sort());
    await screenshot(page, 'trace-nvidia-oracle');
    // The link opens the same trace; Clear the trace goes back to the firm.
    await openApp(page, await page.evaluate(() => location.href));
    await expect(page.locator('rt-inspector [data-path-count]').getAttribute('data-path-count')).resolves.toBe(String(expected.paths.length));
    await page.locator('rt-inspector [data-clear-path]').click();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('path'))).toBeNull();
    await expect(page.locator('rt-inspector h2').innerText()).resolves.toBe('Nvidia');
    expect(errors).toEqual([]);
  });

  it('a link tracing a firm the data set does not hold says so and shows the rest', async () => {
    await openApp(page, inject('baseUrl'), '?path=nvidia,acme');
    await expect(page.getByRole('alert', { name: 'Parts of the link were ignored' }).innerText()).resolves.toContain('path: "acme" is not in this data set');
    expect(errors).toEqual([]);
  });
});
