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
    // Redrawing restyles nothing (Cytoscape's image-loading state no longer flips on every draw).
    const restyled = await page.evaluate(async () => {
      const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
      let styled = 0;
      cy.on('style', () => void styled++);
      for (let i = 0; i < 2; i++) {
        const drawn = new Promise((resolve) => cy.one('render', resolve));
        const renderer = (cy as unknown as { renderer(): { redrawHint(group: string, on: boolean): void; redraw(): void } }).renderer();
        renderer.redrawHint('eles', true);
        renderer.redraw();
        await drawn;
      }
      return styled;
    });
    expect(restyled).toBe(0);
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

  it('with the positions known, the picture comes first and the side panels right after it', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    // Each time the graph or the filters first appear, in order.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { firstSeen: string[] }).firstSeen = seen;
      const look = (): void => {
        const root = document.querySelector('rt-app')?.shadowRoot;
        // The picture is looked for first: the panels may come in the very frame that draws it.
        if (!seen.includes('picture') && performance.getEntriesByName('roundtrip:graph-drawn').length > 0) seen.push('picture');
        if (!seen.includes('filters') && root?.querySelector('rt-filters')) seen.push('filters');
        if (seen.length < 2) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await openApp(page, inject('baseUrl'));
    await page.getByRole('group', { name: 'Deal types' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { firstSeen: string[] }).firstSeen)).toEqual(['picture', 'filters']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a plain first view is drawn before its loops are searched; a shared selection is drawn with them', async () => {
    const atFirstPicture = async (path: string) => {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await page.addInitScript(() => {
        const look = (): void => {
          if (performance.getEntriesByName('roundtrip:graph-drawn').length === 0) return void requestAnimationFrame(look);
          const root = document.querySelector('rt-app')!.shadowRoot!;
          const cy = root.querySelector('rt-graph')!.cy!;
          (window as unknown as { seen: unknown }).seen = { status: root.querySelector('.toolbar [role=status]')?.textContent, highlighted: cy.$('.highlighted').length };
        };
        requestAnimationFrame(look);
      });
      await openApp(page, inject('baseUrl'), path);
      await page.waitForFunction(() => 'seen' in window);
      const seen = await page.evaluate(() => (window as unknown as { seen: { status: string; highlighted: number } }).seen);
      await page.getByRole('tab', { name: /^Loops \(\d+\)$/ }).waitFor();
      const settled = await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('.toolbar [role=status]')?.textContent);
      expect(errors).toEqual([]);
      await page.close();
      return { seen, settled };
    };
    const plain = await atFirstPicture('');
    expect(plain.seen.status).toContain('finding loops…');
    expect(plain.seen.highlighted).toBe(0);
    expect(plain.settled).toMatch(/\b\d+ loops$/);
    const shared = await atFirstPicture('?firm=nvidia');
    expect(shared.seen.status).toMatch(/\b\d+ loops$/);
    expect(shared.seen.highlighted).toBeGreaterThan(0);
  });

  it('the side panels come even when no picture can be drawn', async () => {
    const page = await browser.newPage();
    // No 2D canvas: Cytoscape cannot draw, and says so on the console.
    await page.addInitScript(() => {
      HTMLCanvasElement.prototype.getContext = () => null;
    });
    await page.goto(inject('baseUrl'));
    await page.getByRole('group', { name: 'Deal types' }).waitFor({ timeout: 10_000 });
    await page.getByRole('tab', { name: 'Measures' }).click();
    await expect(page.getByRole('table').first().innerText()).resolves.toContain('Nvidia');
    expect(await page.evaluate(() => performance.getEntriesByName('roundtrip:graph-drawn').length)).toBe(0);
    await page.close();
  });
});
