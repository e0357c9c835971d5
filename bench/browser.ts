/**
 * Browser timings of the explorer in Debian's Chromium: from navigation to the first drawn graph,
 * and from a filter change to the updated view, on the shipped data and on a generated data set
 * of 1,000 firms and 5,000 deals. Each figure is the median of several runs.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { randomDataSet } from './graphs.js';

export interface BrowserTiming {
  name: string;
  target_ms: number;
  ms: number;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SETTLE_MS = 3000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function firstGraph(browser: Browser, url: string): Promise<{ ms: number; page: Page }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('roundtrip:graph-drawn').length > 0, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('roundtrip:graph-drawn')[0]!.startTime);
  return { ms, page };
}

/**
 * Time from a filter change in the store to the redrawn graph. Every run shows a deal-type
 * selection not shown before (one type left out), so no run reuses a cached analysis.
 */
async function filterUpdates(page: Page, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ms = await page.evaluate(async (round) => {
      const app = document.querySelector('rt-app')!;
      const graph = app.shadowRoot!.querySelector('rt-graph')!;
      const cy = graph.cy!;
      const drawn = new Promise<void>((resolve) => cy.one('render', () => resolve()));
      const start = performance.now();
      const types = ['investment', 'purchase', 'equity', 'warrants', 'loan', 'revenue-share', 'guarantee', 'partnership'] as const;
      app.viewStore.update({ types: types.filter((_type, i) => i !== round % types.length) }, 'replace');
      await app.updateComplete;
      await graph.updateComplete;
      await drawn;
      return performance.now() - start;
    }, i);
    times.push(ms);
  }
  return median(times);
}

export async function browserTimings(distDir: string, serve: (dir: string) => Promise<Server>, chromiumPath: string): Promise<BrowserTiming[]> {
  const results: BrowserTiming[] = [];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  const generatedDir = mkdtempSync(path.join(tmpdir(), 'roundtrip-bench-'));
  try {
    cpSync(distDir, generatedDir, { recursive: true });
    const data = randomDataSet(1000, 5000, 5);
    writeFileSync(path.join(generatedDir, 'data/entities.json'), JSON.stringify({ entities: data.entities }));
    writeFileSync(path.join(generatedDir, 'data/deals.json'), JSON.stringify({ deals: data.deals }));
    for (const [label, dir, firstTarget, updateTarget, runs] of [
      ['shipped data (29 firms, 46 deals)', distDir, 1000, 100, 5],
      ['generated 1,000 firms / 5,000 deals', generatedDir, 5000, 500, 3],
    ] as const) {
      const server = await serve(dir);
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
      const firsts: number[] = [];
      let last: Page | null = null;
      for (let i = 0; i < runs; i++) {
        // One page at a time: an open page's background work would slow the next one down.
        if (last) await last.close();
        const { ms, page } = await firstGraph(browser, url);
        firsts.push(ms);
        last = page;
      }
      results.push({ name: `first drawn graph, ${label}`, target_ms: firstTarget, ms: median(firsts) });
      if (last) {
        // Filters are timed on a settled page: after the first picture, the timeline chart's loop
        // searches run in the background for a moment.
        await last.waitForTimeout(SETTLE_MS);
        results.push({ name: `filter change to redrawn graph, ${label}`, target_ms: updateTarget, ms: await filterUpdates(last, 7) });
        await last.close();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  } finally {
    await browser.close();
    rmSync(generatedDir, { recursive: true, force: true });
  }
  return results;
}
