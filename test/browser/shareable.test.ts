import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { clickElement, graphState, openApp } from './app-page.js';
import { collectPageErrors, screenshot } from './chromium.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];
let context: BrowserContext;

useAppSession({ open: false, permissions: ['clipboard-read', 'clipboard-write'] }, (session) => {
  ({ page, errors, context } = session);
});

async function viewState(p: Page): Promise<Record<string, unknown>> {
  return p.evaluate(() => ({ ...document.querySelector('rt-app')!.viewStore.state }));
}

async function positions(p: Page): Promise<Record<string, { x: number; y: number }>> {
  return p.evaluate(() => {
    const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
    return Object.fromEntries(cy.nodes().map((n) => [n.id(), { x: Math.round(n.position('x') * 100) / 100, y: Math.round(n.position('y') * 100) / 100 }]));
  });
}

async function viewport(p: Page): Promise<{ zoom: number; x: number; y: number }> {
  return p.evaluate(() => {
    const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
    return { zoom: Math.round(cy.zoom() * 1000) / 1000, x: Math.round(cy.pan().x), y: Math.round(cy.pan().y) };
  });
}

describe('shareable views', () => {
  it('a copied link opens the same filters, selection, highlight, positions and viewport', async () => {
    await openApp(page, inject('baseUrl'));
    await page.locator('rt-filters input[name="status"][value="unconfirmed"]').uncheck();
    await page.locator('rt-filters input[aria-label^="Minimum known amount"]').fill('1B');
    await page.locator('rt-filters input[aria-label^="Minimum known amount"]').press('Enter');
    await page.locator('[role="tab"]#tab-loops').click();
    await page.locator('rt-cycles li[data-loop="nvidia>openai>oracle"]').click();
    await page.locator('rt-graph').hover();
    await page.mouse.wheel(0, -240);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('view=');
    await page.locator('rt-header summary', { hasText: 'Share' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' }).innerText()).resolves.toBe('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await page.evaluate(() => location.href));
    expect(decodeURIComponent(link)).toContain('loop=nvidia>openai>oracle');
    expect(link).toContain('min=1B');
    expect(link).toContain('status=confirmed,reported,loi');

    const other = await context.newPage();
    errors.push(...collectPageErrors(other));
    await openApp(other, link, '');
    expect(await viewState(other)).toEqual(await viewState(page));
    expect(await positions(other)).toEqual(await positions(page));
    expect((await graphState(other)).highlighted).toEqual((await graphState(page)).highlighted);
    expect(await viewport(other)).toEqual(await viewport(page));
    await screenshot(other, 'shared-link');
    await other.close();
  });

  it('back and forward restore the previous selection', async () => {
    await openApp(page, inject('baseUrl'));
    await clickElement(page, 'nvidia');
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?firm=nvidia');
    await clickElement(page, 'oracle');
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?firm=oracle');
    await page.goBack();
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['nvidia']);
    await expect(page.locator('rt-inspector h2').innerText()).resolves.toBe('Nvidia');
    await page.goForward();
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['oracle']);
  });

  it('a tampered link shows what was ignored and keeps the rest working', async () => {
    await openApp(page, inject('baseUrl'), '?types=investment,gift&firm=nvidai&min=lots&loop=%3Cscript%3Ealert(1)%3C/script%3E&deal=openai-oracle-compute-2025&size=huge');
    const notice = page.getByRole('alert', { name: 'Parts of the link were ignored' });
    const text = await notice.innerText();
    expect(text).toContain('types: "gift" is not a deal type');
    // The known type stays: only investments are shown.
    expect((await viewState(page)).types).toEqual(['investment']);
    expect(text).toContain('min: "lots" is not an amount');
    expect(text).toContain('loop: "<script>alert(1)</script>" is not a loop id');
    expect(text).toContain('size: "huge" is not one of');
    expect(text).toContain('firm: "nvidai" is not in this data set');
    // Nothing from the link became markup.
    expect(await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelectorAll('script').length)).toBe(0);
    // The valid part applies; the deal is a purchase, so the investments-only filter hides it, but it stays selected.
    expect((await viewState(page)).deal).toBe('openai-oracle-compute-2025');
    // The picture is fitted as for a clean link, not left at zoom 1 and pan 0, 0.
    await expect
      .poll(() => page.evaluate(() => { const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!; return cy.zoom() !== 1 || cy.pan().x !== 0 || cy.pan().y !== 0; }))
      .toBe(true);
    const inView = await page.evaluate(() => {
      const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
      const box = cy.nodes(':visible').renderedBoundingBox();
      return box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1;
    });
    expect(inView).toBe(true);
    await screenshot(page, 'tampered-link');
    // The address now holds only what was applied.
    expect(await page.evaluate(() => location.search)).toBe('?types=investment&deal=openai-oracle-compute-2025');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => page.getByRole('alert', { name: 'Parts of the link were ignored' }).count()).toBe(0);
  });

  it('a loop that the filters remove is dropped with a notice', async () => {
    await openApp(page, inject('baseUrl'), '?types=investment,loan&loop=nvidia>openai>oracle');
    await expect(page.getByRole('alert', { name: 'Parts of the link were ignored' }).innerText()).resolves.toContain('loop: "nvidia>openai>oracle" is not a loop of this view');
    expect((await viewState(page)).loop).toBeNull();
  });
});
