import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type cytoscape from 'cytoscape';
import { clickElement, elementPoint, graphState, openApp } from './app-page.js';
import { screenshot } from './chromium.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];

useAppSession({}, (session) => {
  ({ page, errors } = session);
});

/** An element's class list, label and z-index-compare as drawn. */
async function drawnAs(p: Page, id: string): Promise<{ classes: string[]; label: string; zCompare: string; cursor: string }> {
  return p.evaluate((elementId) => {
    const graph = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!;
    const element = graph.cy!.getElementById(elementId);
    return {
      classes: element.classes(),
      label: String(element.style('label') ?? ''),
      zCompare: String(element.style('z-index-compare')),
      cursor: (graph.shadowRoot!.querySelector('#cy') as HTMLElement).style.cursor,
    };
  }, id);
}

describe('the picture answers the pointer', () => {
  it('a firm and a deal under the pointer get a pointer cursor and a halo; a deal shows its amount', async () => {
    const firm = await elementPoint(page, 'oracle');
    await page.mouse.move(firm.x, firm.y);
    await expect.poll(async () => (await drawnAs(page, 'oracle')).classes).toContain('hover');
    expect((await drawnAs(page, 'oracle')).cursor).toBe('pointer');
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await drawnAs(page, 'oracle')).classes).not.toContain('hover');
    expect((await drawnAs(page, 'oracle')).cursor).toBe('');
    // A deal far from other firms: JPMorgan's loan to the Vantage campus.
    const deal = await elementPoint(page, 'jpmorgan-vantage-debt-2025');
    await page.mouse.move(deal.x, deal.y);
    await expect.poll(async () => (await drawnAs(page, 'jpmorgan-vantage-debt-2025')).label).toBe('$38B');
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await drawnAs(page, 'jpmorgan-vantage-debt-2025')).label).toBe('');
    expect(errors).toEqual([]);
  });

  it("a firm with many loops lights them up without stacking their amounts; a loop's hop numbers are drawn above the firms", async () => {
    await openApp(page, inject('baseUrl'), '?firm=nvidia');
    const state = await graphState(page);
    const lit = state.highlighted.filter((id) => !state.nodes.includes(id));
    expect(lit.length).toBeGreaterThan(12);
    // Undisclosed deals keep their "?".
    for (const id of lit) expect(['', '?']).toContain((await drawnAs(page, id)).label);
    await screenshot(page, 'feedback-nvidia');
    await openApp(page, inject('baseUrl'), '?loop=nvidia>openai>oracle');
    const loopState = await graphState(page);
    const hops = loopState.highlighted.filter((id) => !loopState.nodes.includes(id));
    expect(hops.length).toBeGreaterThan(0);
    for (const id of hops) {
      const drawn = await drawnAs(page, id);
      expect(drawn.label).toMatch(/^\d+ · /);
      expect(drawn.zCompare).toBe('manual');
    }
    expect(errors).toEqual([]);
  });

  it('a firm chosen in a panel while out of view is brought into view', async () => {
    // A view panned far away from every firm, with a deal open in the inspector.
    await openApp(page, inject('baseUrl'), '?deal=jpmorgan-vantage-debt-2025&view=1,-5000,-5000');
    const inView = () =>
      page.evaluate(() => {
        const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
        const { x, y } = cy.getElementById('jpmorgan').renderedPosition();
        return x >= 0 && y >= 0 && x <= cy.width() && y <= cy.height();
      });
    expect(await inView()).toBe(false);
    await page.locator('rt-inspector a, rt-inspector button').filter({ hasText: 'JPMorgan' }).first().click();
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['jpmorgan']);
    expect(await inView()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('every deal can be clicked at its middle: none lies under a firm (deals between two overlapping firms aside)', async () => {
    const underFirms = () =>
      page.evaluate(() => {
        const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
        const inside = (p: { x: number; y: number }, n: cytoscape.NodeSingular) => {
          const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
          return p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
        };
        const nodes = cy.nodes(':visible');
        return cy
          .edges(':visible')
          .filter((e) => {
            const [s, t] = [e.source(), e.target()];
            const overlap = Math.hypot(s.position('x') - t.position('x'), s.position('y') - t.position('y')) < (s.outerWidth() + t.outerWidth()) / 2;
            return !overlap && nodes.some((n) => inside(e.midpoint(), n as cytoscape.NodeSingular));
          })
          .map((e) => e.id());
      });
    await expect.poll(underFirms).toEqual([]);
    // The letter of intent runs past AMD: its middle selects the deal, not the firm.
    await clickElement(page, 'nvidia-openai-loi-2025');
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['nvidia-openai-loi-2025']);
    // Firms sized by another measure, and a filter: still clear.
    await openApp(page, inject('baseUrl'), '?size=loops&types=investment,purchase,loan');
    await expect.poll(underFirms).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('dragged firms', () => {
  it('stay where they were dropped, in the link and after a reload; Reset positions puts them back', async () => {
    const position = () =>
      page.evaluate(() => {
        const p = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.getElementById('jpmorgan').position();
        return { x: Math.round(p.x), y: Math.round(p.y) };
      });
    const home = await position();
    const start = await elementPoint(page, 'jpmorgan');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 40, start.y + 30, { steps: 5 });
    await page.mouse.move(start.x + 80, start.y + 60, { steps: 5 });
    await page.mouse.up();
    const dropped = await position();
    expect(dropped).not.toEqual(home);
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('pos'))).toBe(`jpmorgan:${dropped.x}:${dropped.y}`);
    // The link opens the same picture.
    await openApp(page, await page.evaluate(() => location.href));
    expect(await position()).toEqual(dropped);
    await page.locator('rt-app button[data-reset-positions]').click();
    await expect.poll(position).toEqual(home);
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('pos'))).toBeNull();
    expect(errors).toEqual([]);
  });
});
