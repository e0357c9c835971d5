import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { findLoops } from '../../src/analysis/loops.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { loopHistory } from '../../src/state/timeline.js';
import { DEFAULT_FLOWS } from '../../src/data/types.js';
import { shippedDataSet, shippedGraph } from '../fixtures/shipped.js';
import { graphState, openApp } from './app-page.js';
import { collectPageErrors, screenshot } from './chromium.js';
import { useAppSession } from './session.js';

let browser: Browser;
let page: Page;
let errors: string[];

useAppSession({ open: false }, (session) => {
  ({ browser, page, errors } = session);
});

/** Firm id → fill colour for every firm the scenario colours. */
async function distressColours(p: Page): Promise<Record<string, string>> {
  return p.evaluate(() => {
    const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
    return Object.fromEntries(cy.nodes('.distressed').map((n) => [n.id(), n.data('distressColor') as string]));
  });
}

async function scenarioTable(p: Page): Promise<string[]> {
  return p.locator('rt-scenario table tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
}

describe('shock scenarios', () => {
  it('a preset recolours the firms by distress and fills the table; the link opens the same scenario', async () => {
    await openApp(page, inject('baseUrl'));
    await page.locator('#tab-scenario').click();
    await page.locator('rt-scenario [data-preset="openai-misses"]').click();
    // Only firms with a balance sheet get a distress colour: the others keep their kind's colour.
    const buffered = shippedDataSet().entities.filter((e) => e.balance !== undefined).map((e) => e.id).sort();
    await expect.poll(async () => Object.keys(await distressColours(page)).sort()).toEqual(buffered);
    const colours = await distressColours(page);
    expect(colours.openai).not.toBe('#fff5f0');
    expect(colours.pimco).toBeUndefined();
    const rows = await scenarioTable(page);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows[0]).toMatch(/^OpenAI/);
    expect(rows.some((row) => /no balance sheet/.test(row))).toBe(true);
    expect(rows.some((row) => /failed/.test(row))).toBe(false);
    await expect(page.locator('rt-scenario [data-summary]').innerText()).resolves.toMatch(/^If OpenAI loses 50% of its value, the largest loss falls on .+: /);
    expect(await page.evaluate(() => location.search)).toBe('?shock=openai:0.5');
    // A row shows how the firm's loss arrived, and lights up those deals back to OpenAI.
    await page.locator('rt-scenario tr[data-firm="oracle"]').click();
    await expect.poll(() => page.locator('rt-scenario tr.trace li[data-deal="openai-oracle-compute-2025"]').count()).toBe(1);
    await expect.poll(async () => (await graphState(page)).highlighted).toEqual(expect.arrayContaining(['openai-oracle-compute-2025', 'openai', 'oracle']));
    // The colour's dollars: Oracle's dot says what share of which equity, and how much, is lost.
    await expect(page.locator('rt-scenario tr[data-firm="oracle"] .dot').getAttribute('title')).resolves.toMatch(/^Round \d+: \d+% of its \$[\d.]+B equity lost, \$[\d.]+B$/);
    await screenshot(page, 'scenario');
    await page.locator('rt-scenario tr[data-firm="oracle"]').click();

    // Stepping back to round 1 shows only the shock itself.
    const rounds = Number(await page.locator('rt-scenario [data-round]').getAttribute('data-round'));
    expect(rounds).toBeGreaterThan(1);
    for (let r = rounds; r > 1; r--) await page.getByRole('button', { name: 'Previous round' }).click();
    await expect(page.locator('rt-scenario [data-round]').getAttribute('data-round')).resolves.toBe('1');
    const round1 = await distressColours(page);
    expect(Object.entries(round1).filter(([, c]) => c !== '#fff5f0').map(([id]) => id)).toEqual(['openai']);

    const link = await page.evaluate(() => location.href);
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    errors.push(...collectPageErrors(other));
    await openApp(other, link, '');
    await expect(other.locator('rt-scenario [data-round]').getAttribute('data-round')).resolves.toBe('1');
    expect(await distressColours(other)).toEqual(round1);
    for (let r = 1; r < rounds; r++) await other.getByRole('button', { name: 'Next round' }).click();
    expect(await scenarioTable(other)).toEqual(rows);
    await other.close();
  });
});

describe('the theme', () => {
  it('a dark theme from the link: the page turns dark, unharmed firms are a dark tone, and the toggle switches back', async () => {
    await openApp(page, inject('baseUrl'), '?theme=dark&shock=openai:0.5');
    await expect.poll(() => page.evaluate(() => document.documentElement.style.colorScheme)).toBe('dark');
    await expect.poll(async () => Object.keys(await distressColours(page)).length).toBeGreaterThan(0);
    const colours = await distressColours(page);
    // Amazon loses a little; a firm with a balance sheet and no loss shows the scale's dark start.
    expect(Object.values(colours)).not.toContain('#fff5f0');
    expect(Object.values(colours)).toContain('#3b3030');
    await screenshot(page, 'scenario-dark');
    const toggle = page.locator('rt-app button[data-theme]');
    await expect(toggle.innerText()).resolves.toBe('Light');
    await toggle.click();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('theme=light');
    await expect.poll(() => page.evaluate(() => document.documentElement.style.colorScheme)).toBe('light');
    await expect(toggle.innerText()).resolves.toBe('Dark');
  });
});

describe('the timeline', () => {
  it('moving the slider to a month before the first loop closed shows no loop; all dates shows them all', async () => {
    const graph = filterFirmGraph(shippedGraph(), { flows: DEFAULT_FLOWS });
    const history = loopHistory(graph, {});
    const firstLoopQuarter = history.find((p) => p.loops > 0)!;
    const before = history[history.indexOf(firstLoopQuarter) - 1]!.month;
    expect(findLoops(filterFirmGraph(graph, { asOf: before })).count).toBe(0);
    await openApp(page, inject('baseUrl'));
    const months = await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-timeline')!.months);
    const slider = page.locator('rt-timeline input[type="range"]');
    await slider.focus();
    await slider.fill(String(months.indexOf(before)));
    await expect.poll(() => page.locator('rt-timeline [data-asof]').getAttribute('data-asof')).toBe(before);
    await page.locator('#tab-loops').click();
    await expect.poll(async () => page.locator('rt-cycles .count').getAttribute('data-count')).toBe('0');
    expect(await page.evaluate(() => location.search)).toBe(`?asof=${before}`);
    await screenshot(page, 'timeline-before-loops');
    await page.getByRole('button', { name: 'All dates' }).click();
    await expect.poll(async () => page.locator('rt-cycles .count').getAttribute('data-count')).toBe(String(findLoops(graph).count));
  });
});
