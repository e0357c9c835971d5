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
});
