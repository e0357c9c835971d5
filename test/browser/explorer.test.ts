import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { circularity } from '../../src/analysis/circularity.js';
import { findLoops, loopsThrough } from '../../src/analysis/loops.js';
import { DEFAULT_FLOWS } from '../../src/data/types.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { dealsAddedSince, loopIsNew } from '../../src/model/new-since.js';
import { shippedDataSet, shippedGraph } from '../fixtures/shipped.js';
import { circularWidths } from '../../src/view/elements.js';
import { clickElement, graphState, openApp } from './app-page.js';
import { screenshot } from './chromium.js';
import { useAppSession } from './session.js';

const root = path.resolve(import.meta.dirname, '../..');
// The explorer opens on the money that moves: every firm, the deals of the default flows.
const graph = filterFirmGraph(shippedGraph(), { flows: DEFAULT_FLOWS });

let page: Page;
let errors: string[];

useAppSession({  }, (session) => {
  ({ page, errors } = session);
});

/** Deal ids on the loops through a firm, from the analysis engine itself. */
function loopDealsThrough(firm: string): { nodes: string[]; edges: string[] } {
  const loops = loopsThrough(graph, firm).loops;
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const loop of loops) {
    loop.firms.forEach((f) => nodes.add(f));
    loop.hops.forEach((h) => h.deals.forEach((d) => edges.add(d)));
  }
  return { nodes: [...nodes].sort(), edges: [...edges].sort() };
}

describe('the explorer', () => {
  it('draws every firm and deal of the shipped data', async () => {
    const state = await graphState(page);
    expect(state.nodes).toEqual(graph.nodes().sort());
    expect(state.visibleEdges).toEqual(graph.edges().sort());
    expect(state.highlighted).toEqual([]);
    await screenshot(page, 'explorer-start');
  });

  it('clicking Nvidia highlights every loop through it and dims the rest', async () => {
    await clickElement(page, 'nvidia');
    await page.waitForFunction(() => document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph')?.cy?.$('.highlighted').length);
    const state = await graphState(page);
    const expected = loopDealsThrough('nvidia');
    expect(state.selected).toEqual(['nvidia']);
    expect(state.highlighted).toEqual([...expected.nodes, ...expected.edges].sort());
    // Every element is dimmed but the highlighted ones (the deals of other flows, hidden, too).
    const all = shippedGraph();
    expect(state.dimmed.length).toBe(all.order + all.size - state.highlighted.length);
    const inspector = page.locator('rt-inspector');
    await expect(inspector.locator('h2').innerText()).resolves.toBe('Nvidia');
    const listed = await inspector.locator('ul.loops [data-loop]').evaluateAll((els) => els.map((e) => e.getAttribute('data-loop')));
    expect(listed.sort()).toEqual(loopsThrough(graph, 'nvidia').loops.map((l) => l.id).sort());
    await screenshot(page, 'explorer-nvidia');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await graphState(page)).highlighted.length).toBe(0);
    expect((await graphState(page)).selected).toEqual([]);
  });

  it('clicking a loop in the loops panel highlights its deals in order', async () => {
    await page.locator('[role="tab"]#tab-loops').click();
    const count = await page.locator('rt-cycles .count').getAttribute('data-count');
    expect(Number(count)).toBe(findLoops(graph).count);
    await page.locator('rt-cycles li[data-loop="nvidia>openai>oracle"]').click();
    const loop = findLoops(graph).loops.find((l) => l.id === 'nvidia>openai>oracle')!;
    const deals = loop.hops.flatMap((h) => h.deals).sort();
    await expect.poll(async () => (await graphState(page)).highlighted.filter((id) => deals.includes(id)).length).toBe(deals.length);
    const state = await graphState(page);
    expect(state.highlighted).toEqual([...loop.firms, ...deals].sort());
    const steps = await page.evaluate(() => {
      const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
      return cy.edges('[step]').map((e) => [e.id(), e.data('step') as number]);
    });
    expect(Object.fromEntries(steps)).toEqual({
      'nvidia-openai-loi-2025': 1,
      'nvidia-openai-round-2026': 1,
      'openai-oracle-compute-2025': 2,
      'oracle-nvidia-abilene-chips-2025': 3,
    });
    await screenshot(page, 'explorer-loop');
  });

  it('clicking a deal shows its amount, date and source link', async () => {
    await clickElement(page, 'jpmorgan-vantage-debt-2025');
    const inspector = page.locator('rt-inspector');
    await expect(inspector.locator('h2').innerText()).resolves.toBe('Sites Oracle uses for OpenAI');
    await expect(inspector.locator('[data-field="amount"]').innerText()).resolves.toBe('$38B paid');
    const link = inspector.locator('a[href^="https://fixedincome.fidelity.com/"]');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toContain('noopener');
    expect((await graphState(page)).selected).toEqual(['jpmorgan-vantage-debt-2025']);
    await screenshot(page, 'explorer-deal');
  });

  it('changing a filter re-runs the analysis: without purchases the count drops to what the engine finds', async () => {
    await page.locator('[role="tab"]#tab-loops').click();
    const before = Number(await page.locator('rt-cycles .count').getAttribute('data-count'));
    await page.locator('rt-filters input[name="type"][value="purchase"]').uncheck();
    const view = filterFirmGraph(graph, { types: ['investment', 'equity', 'warrants', 'loan', 'revenue-share', 'guarantee', 'partnership'] });
    const expected = findLoops(view).count;
    expect(expected).toBeLessThan(before);
    await expect.poll(async () => Number(await page.locator('rt-cycles .count').getAttribute('data-count'))).toBe(expected);
    expect((await graphState(page)).visibleEdges).toEqual(view.edges().sort());
    await page.locator('rt-filters input[name="type"][value="revenue-share"]').uncheck();
    const moneyInOnly = findLoops(filterFirmGraph(graph, { types: ['investment', 'equity', 'warrants', 'loan', 'guarantee', 'partnership'] })).count;
    expect(moneyInOnly).toBeLessThan(expected);
    await expect.poll(async () => Number(await page.locator('rt-cycles .count').getAttribute('data-count'))).toBe(moneyInOnly);
    await screenshot(page, 'explorer-filtered');
  });

  it('counts money that moves: the flows filter adds the stake value and the partnership, in the URL, and the toolbar says how much goes round', async () => {
    const status = page.locator('.toolbar [role="status"]');
    const index = Math.round((circularity(graph).index as number) * 100);
    await expect.poll(() => status.innerText()).toContain(`${graph.size} deals · ${findLoops(graph).count} loops · ${index}% of the known money goes round`);
    expect((await graphState(page)).visibleEdges).not.toContain('microsoft-openai-stake-2025');
    await page.locator('rt-filters input[name="flow"][value="holding"]').check();
    await page.locator('rt-filters input[name="flow"][value="no-transfer"]').check();
    const view = filterFirmGraph(shippedGraph(), { flows: ['paid', 'committed', 'in-kind', 'holding', 'no-transfer'] });
    await page.locator('[role="tab"]#tab-loops').click();
    await expect.poll(async () => Number(await page.locator('rt-cycles .count').getAttribute('data-count'))).toBe(findLoops(view).count);
    expect((await graphState(page)).visibleEdges).toContain('microsoft-openai-stake-2025');
    expect(await page.evaluate(() => location.search)).toBe('?flows=paid,committed,in-kind,holding,no-transfer');
    await page.locator('rt-filters input[name="in-order"]').check();
    await expect.poll(async () => Number(await page.locator('rt-cycles .count').getAttribute('data-count'))).toBe(findLoops(view, { inOrderOnly: true }).count);
    expect(await page.evaluate(() => location.search)).toContain('order=dated');
    await page.locator('rt-filters input[name="window"]').fill('12');
    await page.locator('rt-filters input[name="window"]').press('Enter');
    await expect.poll(async () => Number(await page.locator('rt-cycles .count').getAttribute('data-count'))).toBe(findLoops(view, { inOrderOnly: true, windowMonths: 12 }).count);
    expect(await page.evaluate(() => location.search)).toContain('window=12');
  });

  it('draws each deal by the part of it that goes round, in the URL, and back by amount', async () => {
    const widths = () =>
      page.evaluate(() => {
        const cy = document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph')?.cy;
        if (!cy) throw new Error('no graph');
        return Object.fromEntries(cy.edges(':visible').map((e) => [e.id(), e.data('width') as number]));
      });
    const byAmount = await widths();
    await page.locator('select[aria-label="Deal width"]').selectOption('circular');
    expect(await page.evaluate(() => location.search)).toBe('?width=circular');
    const expected = circularWidths(circularity(graph));
    await expect.poll(async () => Object.entries(await widths()).filter(([id, w]) => expected.has(id) && expected.get(id) !== w)).toEqual([]);
    // The legend says what the width now shows.
    await expect(page.locator('rt-legend h3').allTextContents()).resolves.toContain('Width: the part of each deal that goes round');
    await screenshot(page, 'explorer-circular-width');
    await page.locator('select[aria-label="Deal width"]').selectOption('amount');
    await expect.poll(widths).toEqual(byAmount);
  });

  it("marks what is new since the last update: the header says when the data was checked, the new deals light up, the new loops are marked, in the URL", async () => {
    const shipped = shippedDataSet();
    await expect(page.locator('[data-as-of]').first().innerText()).resolves.toBe(`checked ${shipped.asOf}`);
    await page.locator('rt-filters [data-last-update]').click();
    await expect.poll(() => page.evaluate(() => location.search)).toMatch(/^\?new=\d{4}-\d{2}$/);
    const added = dealsAddedSince(shipped.changes, new URL(page.url()).searchParams.get('new')!);
    const shown = graph.edges().filter((id) => added.has(id)).sort();
    expect(shown.length).toBeGreaterThan(0);
    await expect.poll(async () => (await graphState(page)).highlighted.filter((id) => graph.hasEdge(id)).sort()).toEqual(shown);
    await page.locator('[role="tab"]#tab-loops').click();
    const newLoops = findLoops(graph).loops.filter((loop) => loopIsNew(loop, added)).map((l) => l.id).sort();
    expect(newLoops.length).toBeGreaterThan(0);
    await expect.poll(async () => (await page.locator('rt-cycles li[data-loop]:has([data-new])').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-loop')))).sort()).toEqual(newLoops);
    await screenshot(page, 'explorer-new-since');
  });

  it("draws xAI's deals at SpaceX, which acquired it, and back at xAI on the timeline before the acquisition", async () => {
    const ends = () =>
      page.evaluate(() => {
        const cy = document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph')?.cy;
        if (!cy) throw new Error('no graph');
        const edge = cy.getElementById('nvidia-xai-series-e-2026');
        return [edge.source().id(), edge.target().id()];
      });
    await expect.poll(ends).toEqual(['nvidia', 'spacex']);
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/?deal=nvidia-xai-series-e-2026`);
    await expect(page.locator('rt-inspector [data-field="acquired"]').innerText()).resolves.toContain('xAI (part of SpaceX since 2026-02-02)');
    expect((await graphState(page)).selected).toEqual(['nvidia-xai-series-e-2026']);
    await page.goto(`${origin}/?asof=2025-12`);
    await page.waitForFunction(() => performance.getEntriesByName('roundtrip:graph-drawn').length > 0);
    // Before the date xAI is a firm of its own; the Series E (January 2026) is not in this view at all.
    await expect.poll(async () => (await graphState(page)).visibleEdges.includes('xai-nvidia-colossus1-2024')).toBe(true);
    const colossus = await page.evaluate(() => {
      const cy = document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph')?.cy;
      const edge = cy!.getElementById('xai-nvidia-colossus1-2024');
      return [edge.source().id(), edge.target().id()];
    });
    expect(colossus).toEqual(['xai', 'nvidia']);
  });

  it('a minimum amount keeps undisclosed deals and changes the count', async () => {
    await page.locator('rt-filters input[aria-label^="Minimum known amount"]').fill('50B');
    await page.locator('rt-filters input[aria-label^="Minimum known amount"]').press('Enter');
    const expected = findLoops(filterFirmGraph(graph, { minUsd: 50e9 })).count;
    await page.locator('[role="tab"]#tab-loops').click();
    await expect.poll(async () => Number(await page.locator('rt-cycles .count').getAttribute('data-count'))).toBe(expected);
  });

  it('the measures table selects a firm', async () => {
    await page.locator('[role="tab"]#tab-measures').click();
    await page.locator('rt-measures tr[data-firm="coreweave"]').click();
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['coreweave']);
    await expect(page.locator('rt-inspector h2').innerText()).resolves.toBe('CoreWeave');
  });

  it('the measures tab opens wide enough to show every column, narrows on request, and other tabs keep the usual width', async () => {
    const graphWidth = () => page.locator('rt-graph').evaluate((el) => Math.round(el.getBoundingClientRect().width));
    const usual = await graphWidth();
    await page.locator('[role="tab"]#tab-measures').click();
    const table = page.locator('rt-measures');
    const overflow = () => table.evaluate((el) => (el.shadowRoot?.querySelector('table')?.scrollWidth ?? 0) - el.clientWidth);
    const toggle = page.getByRole('button', { name: 'Wide table' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(overflow).toBeLessThanOrEqual(0);
    // Cytoscape follows its container: the drawing surface shrinks with the graph pane.
    await expect.poll(() => page.locator('rt-graph').evaluate((el) => (el as unknown as { cy: { width(): number } }).cy.width())).toBeLessThan(usual);
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect.poll(graphWidth).toBe(usual);
    await expect.poll(overflow).toBeGreaterThan(0);
    // Another tab has the usual width; the table keeps its choice.
    await page.locator('[role="tab"]#tab-details').click();
    await expect.poll(graphWidth).toBe(usual);
    await page.locator('[role="tab"]#tab-measures').click();
    await expect.poll(graphWidth).toBe(usual);
    await toggle.click();
    await expect.poll(graphWidth).toBeLessThan(usual);
  });
});

describe('finding a firm', () => {
  it('finds "Open AI" as analysts type it: spaces, case and punctuation do not matter', async () => {
    await page.locator('input[type="search"]').fill('Open AI');
    await page.locator('input[type="search"]').press('Enter');
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['openai']);
    await page.locator('input[type="search"]').fill('blue-owl');
    await page.locator('input[type="search"]').press('Enter');
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['blue-owl']);
  });
});

describe('firms without a deal in view', () => {
  it('are counted in the status line, which offers to hide them', async () => {
    const isolated = graph.filterNodes((id) => graph.degree(id) === 0);
    expect(isolated.length).toBeGreaterThan(0);
    const note = page.locator('.toolbar [data-isolated]');
    await expect(note.innerText()).resolves.toBe(`${isolated.length} firms without a deal here: hide`);
    await note.click();
    expect(await page.evaluate(() => location.search)).toBe('?isolated=hide');
    await expect.poll(async () => (await graphState(page)).visibleNodes.filter((id) => isolated.includes(id))).toEqual([]);
    await expect(note.count()).resolves.toBe(0);
  });
});

describe('loops of a selected firm', () => {
  it('with a firm selected, the Loops tab lists only the loops through it and says so', async () => {
    await page.locator('input[type="search"]').fill('Nvidia');
    await page.locator('input[type="search"]').press('Enter');
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['nvidia']);
    await page.locator('[role="tab"]#tab-loops').click();
    const through = loopsThrough(graph, 'nvidia').loops.map((l) => l.id).sort();
    await expect.poll(async () => (await page.locator('rt-cycles li[data-loop]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-loop')))).sort()).toEqual(through);
    await expect(page.locator('rt-cycles .count').innerText()).resolves.toBe(`${through.length} loops through Nvidia`);
    await expect(page.locator('rt-cycles [data-scope]').innerText()).resolves.toContain('Only the loops through Nvidia');
    await page.keyboard.press('Escape');
    await expect.poll(async () => Number(await page.locator('rt-cycles .count').getAttribute('data-count'))).toBe(findLoops(graph).count);
  });
});

describe('the explorer by keyboard', () => {
  it('finds a firm, walks the loops with the arrow keys, opens one, and clears with Escape', async () => {
    await page.locator('input[type="search"]').focus();
    await page.keyboard.type('NVDA');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['nvidia']);
    // To the loops tab with the arrow keys on the tab list.
    await page.locator('[role="tab"]#tab-details').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[role="tab"]#tab-loops').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // Focus is in the list; move down and choose.
    const focused = () => page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-loop') ?? el?.tagName ?? null;
    });
    const first = await focused();
    expect(first).toMatch(/>/);
    await page.keyboard.press('ArrowDown');
    const second = await focused();
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.locator(`rt-cycles li[data-loop="${second}"]`).getAttribute('aria-selected')).toBe('true');
    const loop = findLoops(graph).loops.find((l) => l.id === second)!;
    const state = await graphState(page);
    for (const hop of loop.hops) for (const deal of hop.deals) expect(state.highlighted).toContain(deal);
    await screenshot(page, 'explorer-keyboard');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await graphState(page)).highlighted.length).toBe(0);
  });

  it('shows a visible focus ring on the controls', async () => {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });
    expect(outline).not.toBe('none');
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe-core violations', async () => {
    // Evaluated through the debugging protocol: the page's Content-Security-Policy refuses an inline <script>.
    await page.evaluate(readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const scan = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
      });
    expect(await scan()).toEqual([]);
    // The other panels too: loops, measures, and a running scenario.
    await page.locator('#tab-loops').click();
    expect(await scan()).toEqual([]);
    await page.locator('#tab-measures').click();
    expect(await scan()).toEqual([]);
    await page.locator('#tab-scenario').click();
    await page.locator('rt-scenario [data-preset="gpu-collapse"]').click();
    await page.locator('rt-scenario table').waitFor();
    expect(await scan()).toEqual([]);
  });
});
