import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { graphState, openApp } from './app-page.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];

useAppSession({}, (session) => {
  ({ page, errors } = session);
});

/** The element that has the focus, through shadow roots: its tag, id, data-loop and text. */
function focused(p: Page): Promise<{ tag: string; id: string; loop: string | null; text: string }> {
  return p.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', loop: el?.getAttribute('data-loop') ?? null, text: (el?.textContent ?? '').trim().slice(0, 60) };
  });
}

describe('the keyboard', () => {
  it('the first Tab reaches skip links to the network and the loops', async () => {
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to the loops');
    await page.keyboard.press('Enter');
    const at = await focused(page);
    expect(at.loop).toMatch(/>/);
    // From the top again: the second link goes to the network.
    await openApp(page, inject('baseUrl'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to the network');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('cy');
    expect(errors).toEqual([]);
  });

  it('after a search, the firm is a Tab or two from its loops; Enter on a loop keeps the focus on it', async () => {
    await page.locator('input[type="search"]').fill('Oracle');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['oracle']);
    // The focus goes to the firm's details.
    expect((await focused(page)).text).toBe('Oracle');
    let presses = 0;
    while (presses < 10 && (await focused(page)).loop === null) {
      await page.keyboard.press('Tab');
      presses++;
    }
    const loop = (await focused(page)).loop;
    expect(loop).toMatch(/>/);
    expect(presses).toBeLessThanOrEqual(10);
    // Enter opens the loop in the panel; the focus goes to its heading, not to the page's body.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toMatch(/^Loop: /);
    await page.keyboard.press('Escape');
    // In the Loops tab, Enter chooses a loop and the focus stays on it.
    await page.locator('[role="tab"]#tab-loops').click();
    await page.locator('rt-cycles li[role="option"]').first().focus();
    const chosen = (await focused(page)).loop;
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.locator(`rt-cycles li[data-loop="${chosen}"]`).getAttribute('aria-selected')).toBe('true');
    expect((await focused(page)).loop).toBe(chosen);
    expect(errors).toEqual([]);
  });

  it('the network takes the focus: arrow keys move between firms, Enter selects, Escape clears', async () => {
    await page.locator('rt-graph #cy').focus();
    await page.keyboard.press('ArrowRight');
    const first = await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.$('node.hover').map((n) => n.id()));
    expect(first).toHaveLength(1);
    await expect(page.locator('rt-graph [data-keyboard-firm]').innerText()).resolves.not.toBe('');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.$('node.hover').map((n) => n.id()));
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await graphState(page)).selected).toEqual(second);
    expect((await focused(page)).id).toBe('cy');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await graphState(page)).selected).toEqual([]);
    expect(errors).toEqual([]);
  });
});
