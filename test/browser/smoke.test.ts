import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphState, openApp } from './app-page.js';
import { collectPageErrors, launchChromium, screenshot } from './chromium.js';

const root = path.resolve(import.meta.dirname, '../..');
const shippedEntities = (JSON.parse(readFileSync(path.join(root, 'data/entities.json'), 'utf8')) as { entities: Array<{ id: string; name: string }> }).entities;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the page (smoke)', () => {
  it('loads, shows every firm of the shipped data, and logs no console error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectPageErrors(page);
    await openApp(page, inject('baseUrl'));
    // Every firm is a node of the graph and a row of the measures table, under its name.
    expect((await graphState(page)).nodes).toEqual(shippedEntities.map((e) => e.id).sort());
    // On the pinned Cytoscape every renderer hook takes.
    const hooks = await page.evaluate(() => (document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph') as unknown as { hooks: { installed: string[]; skipped: string | null } }).hooks);
    expect(hooks).toEqual({ installed: ['batched textures', 'plain deals in batches', 'style dirtying', 'cached bounds', 'straight deal lines', 'container position after page scroll'], skipped: null });
    await page.locator('[role="tab"]#tab-measures').click();
    const rows = page.locator('rt-measures tr[data-firm]');
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-firm')))).sort()).toEqual(shippedEntities.map((e) => e.id).sort());
    for (const entity of shippedEntities) {
      await expect(page.locator(`rt-measures tr[data-firm="${entity.id}"]`).textContent()).resolves.toContain(entity.name);
    }
    await screenshot(page, 'smoke');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a banner listing the problems when the data set is invalid, not a blank page', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.route('**/data/deals.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: '{"deals": [{"id": "x", "from": "nvidia"}]}' }),
    );
    await page.goto(inject('baseUrl'));
    const banner = page.locator('rt-app [role="alert"]');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('deals.json, deals[0] "x", to: is missing');
    expect(text).toContain('deals.json, deals[0] "x", sources: is missing');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the whole network in view on a laptop screen as the panels come in and the window is resized, until the analyst moves the view', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectPageErrors(page);
    await openApp(page, inject('baseUrl'));
    // Every firm shown, with its name, lies inside the drawing surface (to the pixel).
    const outside = () =>
      page.evaluate(() => {
        const cy = document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph')?.cy;
        if (!cy) throw new Error('no graph');
        // The container's own size: Cytoscape's (cy.width()) follows it only after a debounce.
        const container = cy.container();
        const [w, h] = [container?.clientWidth ?? 0, container?.clientHeight ?? 0];
        return cy
          .nodes(':visible')
          .filter((n) => {
            const b = n.renderedBoundingBox({ includeLabels: true });
            return b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1;
          })
          .map((n) => n.id());
      });
    const zoom = () => page.evaluate(() => document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph')?.cy?.zoom() ?? 0);
    // The timeline's chart comes after the first picture; the graph pane must not lose firms to it.
    await page.locator('rt-timeline svg[role="img"]').waitFor();
    await expect.poll(outside).toEqual([]);
    // ... and with its name drawn: Cytoscape leaves out labels smaller on screen than min-zoomed-font-size.
    const unnamed = await page.evaluate(() => {
      const cy = document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph')?.cy;
      if (!cy) throw new Error('no graph');
      return cy.nodes(':visible').filter((n) => n.numericStyle('font-size') * cy.zoom() < n.numericStyle('min-zoomed-font-size')).map((n) => n.id());
    });
    expect(unnamed).toEqual([]);
    await page.setViewportSize({ width: 1100, height: 620 });
    await expect.poll(outside).toEqual([]);
    // Once the analyst zooms, a resize leaves the view where it is.
    const box = await page.locator('rt-graph').boundingBox();
    if (!box) throw new Error('no graph box');
    const fitted = await zoom();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(400);
    const zoomed = await zoom();
    expect(zoomed).toBeGreaterThan(fitted);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(400);
    expect(await zoom()).toBe(zoomed);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps the graph pane's size as the timeline's chart replaces its placeholder (a pixel's change made Cytoscape draw every firm again)", async () => {
    for (const width of [1440, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await openApp(page, inject('baseUrl'));
      await page.locator('rt-timeline svg[role="img"]').waitFor();
      const heights = await page.evaluate(async () => {
        const timeline = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-timeline')!;
        const graph = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!;
        const measure = () => ({ timeline: timeline.getBoundingClientRect().height, graph: graph.getBoundingClientRect().height });
        const filled = measure();
        const history = timeline.history;
        timeline.history = [];
        await timeline.updateComplete;
        const counting = measure();
        timeline.history = history;
        await timeline.updateComplete;
        return { filled, counting };
      });
      expect(heights.counting, `at ${width} px`).toEqual(heights.filled);
      await page.close();
    }
  });

  it('in a narrow window stacks filters, graph and panels in one column that the page scrolls through', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    const errors = collectPageErrors(page);
    await openApp(page, inject('baseUrl'), '?firm=nvidia');
    await page.locator('rt-inspector h2').waitFor();
    const boxes = await page.evaluate(() => {
      const root = document.querySelector('rt-app')?.shadowRoot;
      const box = (selector: string) => {
        const el = root?.querySelector(selector);
        if (!(el instanceof HTMLElement)) throw new Error(`no ${selector}`);
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, width: r.width, innerScroll: el.scrollHeight - el.clientHeight };
      };
      return { filters: box('aside'), graph: box('rt-graph'), panel: box('.panel'), page: document.documentElement.scrollHeight };
    });
    expect(boxes.filters.bottom).toBeLessThanOrEqual(boxes.graph.top);
    expect(boxes.graph.bottom).toBeLessThanOrEqual(boxes.panel.top);
    expect(boxes.graph.width).toBeGreaterThan(700);
    expect(boxes.graph.bottom - boxes.graph.top).toBeGreaterThan(500);
    // The firm's details are read by scrolling the page, not squeezed into a box of their own.
    expect(boxes.panel.innerScroll).toBe(0);
    expect(boxes.page).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
