import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { drawnPart } from '../../src/model/drawing-budget.js';
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
    // Over the drawing limits: the picture lays out its largest deals and the firms they join.
    const drawnFirms = drawnPart(data)?.firms.length ?? data.entities.length;
    await page.route('**/data/layout.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"key": "stale", "positions": {}}' }));
    await page.route('**/data/entities.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ entities: data.entities }) }));
    await page.route('**/data/deals.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ deals: data.deals }) }));
    // The worker's script arrives late, so the layout is surely still running when Cancel is clicked.
    await page.route('**/layout-worker.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      await route.continue().catch(() => {});
    });
    await page.goto(inject('baseUrl'));
    const progress = page.getByRole('status').filter({ hasText: `Laying out ${drawnFirms} firms` });
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
    expect(await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.nodes().length)).toBe(drawnFirms);
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
          (window as unknown as { seen: unknown }).seen = { status: root.querySelector('rt-toolbar')?.shadowRoot?.querySelector('.toolbar [role=status]')?.textContent, highlighted: cy.$('.highlighted').length };
        };
        requestAnimationFrame(look);
      });
      await openApp(page, inject('baseUrl'), path);
      await page.waitForFunction(() => 'seen' in window);
      const seen = await page.evaluate(() => (window as unknown as { seen: { status: string; highlighted: number } }).seen);
      await page.getByRole('tab', { name: /^Loops \(\d+\)$/ }).waitFor();
      const settled = await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-toolbar')?.shadowRoot?.querySelector('.toolbar [role=status]')?.textContent);
      expect(errors).toEqual([]);
      await page.close();
      return { seen, settled };
    };
    const plain = await atFirstPicture('');
    expect(plain.seen.status).toContain('finding loops…');
    expect(plain.seen.highlighted).toBe(0);
    expect(plain.settled).toMatch(/\b\d+ loops · \d+% of the known money goes round( · \d+ firms? without a deal here: hide)?$/);
    const shared = await atFirstPicture('?firm=nvidia');
    expect(shared.seen.status).toMatch(/\b\d+ loops · \d+% of the known money goes round( · \d+ firms? without a deal here: hide)?$/);
    expect(shared.seen.highlighted).toBeGreaterThan(0);
  });

  it('deal lines end, and boxes bound them, exactly where Cytoscape\'s own code puts them', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await openApp(page, inject('baseUrl'));
    const compared = await page.evaluate(() => {
      const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
      type Box = Record<string, number>;
      type Edges = ArrayLike<unknown>;
      const renderer = (cy as unknown as { renderer(): Record<string | symbol, unknown> }).renderer();
      const placed = renderer.findEdgeControlPoints as (this: unknown, edges: Edges) => void;
      const stockPlaced = renderer[Symbol.for('roundtrip:stockFindEdgeControlPoints')] as (this: unknown, edges: Edges) => void;
      const proto = Object.getPrototypeOf(cy.collection()) as Record<string | symbol, unknown>;
      const bounded = proto.boundingBox as (this: unknown) => Box;
      const stockBounded = proto[Symbol.for('roundtrip:stockBoundingBox')] as (this: unknown) => Box;
      // Large networks are drawn with straight lines; the shipped one with curves. Both, with a
      // few firms hidden (their deals take no space) and others resized (their deals' ends move).
      cy.nodes().slice(0, 3).style('display', 'none');
      cy.nodes().slice(3, 12).forEach((node, i) => void node.style({ width: 20 + 9 * i, height: 20 + 9 * i }));
      const edges = cy.edges().toArray();
      // The ends and angles a deal's line is drawn with; the pair bookkeeping a straight line never reads is left out.
      const geometry = () =>
        edges.map((edge) => {
          const scratch = (edge as unknown as { _private: { rscratch: Record<string, unknown> } })._private.rscratch;
          return Object.fromEntries(
            Object.entries(scratch).filter(
              ([key, value]) =>
                !['nodesOverlap', 'srcIntn', 'tgtIntn', 'pathCache', 'pathCacheKey'].includes(key) &&
                (typeof value !== 'object' || (Array.isArray(value) && value.every((v) => typeof v === 'number'))),
            ),
          );
        });
      const boxes = (fn: (this: unknown) => Box) => cy.elements().map((element) => ({ ...fn.call(element) }));
      const result: Array<{ curve: string; same: boolean; sameBoxes: boolean; placedLines: number }> = [];
      for (const curve of ['bezier', 'straight']) {
        cy.edges().style('curve-style', curve);
        placed.call(renderer, edges);
        const ours = geometry();
        const ourBoxes = boxes(bounded);
        stockPlaced.call(renderer, edges);
        const theirs = geometry();
        const theirBoxes = boxes(stockBounded);
        result.push({
          curve,
          same: JSON.stringify(ours) === JSON.stringify(theirs),
          sameBoxes: JSON.stringify(ourBoxes) === JSON.stringify(theirBoxes),
          placedLines: ours.filter((g) => typeof g.endX === 'number' && (curve === 'bezier' || g.edgeType === 'straight')).length,
        });
      }
      return { installed: placed !== stockPlaced && bounded !== stockBounded, result };
    });
    expect(compared.installed).toBe(true);
    for (const { curve, same, sameBoxes, placedLines } of compared.result) {
      expect({ curve, same, sameBoxes }).toEqual({ curve, same: true, sameBoxes: true });
      // Most deals are placed (those of hidden firms are not): the comparison is not of empty lists.
      expect(placedLines).toBeGreaterThan(30);
    }
    expect(errors).toEqual([]);
    await page.close();
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
