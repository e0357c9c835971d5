/**
 * Driving the explorer in a test: open it, wait for the graph, read Cytoscape's state through the
 * graph component's `cy` property, and click firms and deals where Cytoscape draws them.
 */
import type { Page } from 'playwright-core';

export interface GraphState {
  nodes: string[];
  visibleNodes: string[];
  visibleEdges: string[];
  highlighted: string[];
  dimmed: string[];
  selected: string[];
}

/** Opens the app at `path` and waits until the graph has been drawn. */
export async function openApp(page: Page, baseUrl: string, path = ''): Promise<void> {
  await page.goto(baseUrl + path);
  await page.waitForFunction(() => performance.getEntriesByName('roundtrip:graph-drawn').length > 0, null, { timeout: 30_000 });
}

export async function graphState(page: Page): Promise<GraphState> {
  return page.evaluate(() => {
    const graph = document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph');
    const cy = graph?.cy;
    if (!cy) throw new Error('no graph');
    const ids = (selector: string) => cy.$(selector).map((e) => e.id()).sort();
    return {
      nodes: cy.nodes().map((n) => n.id()).sort(),
      visibleNodes: ids('node:visible'),
      visibleEdges: ids('edge:visible'),
      highlighted: ids('.highlighted'),
      dimmed: ids('.dimmed'),
      selected: ids(':selected'),
    };
  });
}

/** Page coordinates of a firm node or of the middle of a deal edge. */
export async function elementPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((elementId) => {
    const graph = document.querySelector('rt-app')?.shadowRoot?.querySelector('rt-graph');
    const cy = graph?.cy;
    if (!graph || !cy) throw new Error('no graph');
    const node = cy.nodes().getElementById(elementId);
    const edge = cy.edges().getElementById(elementId);
    if (node.empty() && edge.empty()) throw new Error(`no element ${elementId}`);
    const box = graph.getBoundingClientRect();
    const point = node.nonempty() ? node.renderedPosition() : edge.renderedMidpoint();
    return { x: box.left + point.x, y: box.top + point.y };
  }, id);
}

/**
 * Clicks a firm or the middle of a deal once it has stopped moving: the view refits while the side
 * panels come in, so a point read too early can be off the element by the time it is clicked.
 */
export async function clickElement(page: Page, id: string): Promise<void> {
  let point = await elementPoint(page, id);
  let stillFor = 0;
  for (let tries = 0; tries < 60 && stillFor < 3; tries++) {
    await page.waitForTimeout(50);
    const next = await elementPoint(page, id);
    stillFor = Math.abs(next.x - point.x) < 0.5 && Math.abs(next.y - point.y) < 0.5 ? stillFor + 1 : 0;
    point = next;
  }
  await page.mouse.click(point.x, point.y);
}
