import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { elementPoint, graphState } from './app-page.js';
import { screenshot } from './chromium.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];

// Below 900 px the page is one column that scrolls: filters, the graph, then the panels.
useAppSession({ viewport: { width: 800, height: 700 } }, (session) => {
  ({ page, errors } = session);
});

describe('a narrow window', () => {
  it('a click on a firm selects it after the page was scrolled, by the wheel, the keyboard or the scrollbar', async () => {
    const scrolls: Array<[string, () => Promise<void>]> = [
      ['wheel over the page', async () => {
        await page.mouse.move(400, 20);
        await page.mouse.wheel(0, 250);
      }],
      ['keyboard', async () => {
        await page.locator('rt-app h1').click();
        await page.keyboard.press('PageDown');
      }],
      ['scrollbar', async () => {
        await page.evaluate(() => document.scrollingElement!.scrollBy(0, 200));
      }],
    ];
    for (const [how, scroll] of scrolls) {
      await page.evaluate(() => window.scrollTo(0, 0));
      // The pointer over the picture first: Cytoscape then keeps the container's place on the page.
      const before = await elementPoint(page, 'oracle');
      await page.mouse.move(before.x, before.y);
      await page.mouse.move(before.x + 5, before.y + 5);
      await scroll();
      await expect.poll(() => page.evaluate(() => window.scrollY), { message: how }).toBeGreaterThan(0);
      await page.waitForTimeout(300);
      const point = await elementPoint(page, 'oracle');
      await page.mouse.click(point.x, point.y);
      await expect.poll(async () => (await graphState(page)).selected, { message: how }).toEqual(['oracle']);
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await graphState(page)).selected).toEqual([]);
    }
    await screenshot(page, 'narrow-scrolled');
    expect(errors).toEqual([]);
  });

  it('the filters show the whole "To" date input', async () => {
    const fits = await page.locator('rt-filters').evaluate((filters) => {
      const input = filters.shadowRoot!.querySelector<HTMLInputElement>('input#to')!;
      const box = input.getBoundingClientRect();
      const panel = filters.getBoundingClientRect();
      return { right: Math.round(box.right), panel: Math.round(panel.right) };
    });
    expect(fits.right).toBeLessThanOrEqual(fits.panel);
  });
});
