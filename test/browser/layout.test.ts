import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { layoutRequestFor } from '../../src/layout/layout.js';
import { runLayout } from '../../src/layout/run-layout.js';
import { randomDataSet } from '../../bench/graphs.js';
import { shippedDataSet } from '../fixtures/shipped.js';
import { openApp } from './app-page.js';
import { collectPageErrors, launchChromium, screenshot } from './chromium.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

function positionsOnPage() {
  const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
  return Object.fromEntries(cy.nodes().map((n) => [n.id(), { x: n.position('x'), y: n.position('y') }]));
}

describe('the layout', () => {
  it('with a stale precomputed file, the page lays out in its worker exactly as the build does', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.route('**/data/layout.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"key": "stale", "positions": {}}' }));
    await openApp(page, inject('baseUrl'));
    expect(await page.evaluate(positionsOnPage)).toEqual(await runLayout(layoutRequestFor(shippedDataSet())));
    // The texture hook found what it needs in this Cytoscape's renderer and is in place.
    const hooked = await page.evaluate(() => {
      const renderer = (document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy as unknown as { renderer(): { data: { lyrTxrCache: object } } }).renderer();
      return Object.prototype.hasOwnProperty.call(renderer, 'drawCachedElements') && Object.prototype.hasOwnProperty.call(renderer.data.lyrTxrCache, 'getLayers');
    });
    expect(hooked).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a long layout shows progress, keeps the page responsive, and can be cancelled (a grid stands in)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectPageErrors(page);
    const data = randomDataSet(1500, 6000, 9);
    await page.route('**/data/layout.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"key": "stale", "positions": {}}' }));
    await page.route('**/data/entities.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ entities: data.entities }) }));
    await page.route('**/data/deals.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ deals: data.deals }) }));
    // The worker's script arrives late, so the layout is surely still running when Cancel is clicked.
    await page.route('**/layout-worker.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      await route.continue().catch(() => {});
    });
    await page.goto(inject('baseUrl'));
    const progress = page.getByRole('status').filter({ hasText: 'Laying out 1500 firms' });
    await progress.waitFor({ timeout: 30_000 });
    await expect(progress.getByRole('progressbar', { name: 'Layout progress' }).count()).resolves.toBe(1);
    // The main thread is free while the worker works: the page answers at once.
    const started = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - started).toBeLessThan(1000);
    await screenshot(page, 'layout-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => performance.getEntriesByName('roundtrip:graph-drawn').length > 0, null, { timeout: 60_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Layout cancelled' }).innerText()).resolves.toContain('placed on a grid');
    expect(await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.nodes().length)).toBe(1500);
    expect(errors).toEqual([]);
    await page.close();
  });
});
