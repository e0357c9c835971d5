/**
 * Browser timings of the explorer in Debian's Chromium: from navigation to the first drawn graph,
 * and from a filter change to the updated view, on the shipped data and on a generated data set
 * of 1,000 firms and 5,000 deals. Each figure is the median of several runs.
 *
 * Each is measured against a peer in the same browser, interleaved run by run: stock Cytoscape
 * drawing the same elements at the same positions with the same stylesheet (bench/peer-page.ts),
 * and hiding the same deals. The peer does a fraction of the explorer's work, so the ratio says
 * what the explorer costs over the bare library, whatever the machine's speed at the moment.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { firmMeasures } from '../src/analysis/centrality.js';
import { loadDataSetFromText } from '../src/data/load.js';
import type { DataSet } from '../src/data/types.js';
import { layoutRequestFor } from '../src/layout/layout.js';
import { runLayout } from '../src/layout/run-layout.js';
import { buildFirmGraph } from '../src/model/graph.js';
import { graphElements } from '../src/view/elements.js';
import { randomDataSet } from './graphs.js';

export interface BrowserTiming {
  name: string;
  target_ms: number;
  ms: number;
  /** The same measure on the peer page (stock Cytoscape, same elements), same browser, same run. */
  peer_ms: number;
}

/** The deal types, in the order the filter rounds leave one out. */
const TYPES = ['investment', 'purchase', 'equity', 'warrants', 'loan', 'revenue-share', 'guarantee', 'partnership'] as const;

const PEER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Peer: stock Cytoscape</title>
<style>html, body { margin: 0; height: 100%; } #cy { position: absolute; inset: 0; }</style>
<script type="module" src="./peer.js"></script></head><body><div id="cy"></div></body></html>
`;

/**
 * Writes the peer page for `data` into `dir`: its script (bundled once into `script`), and the
 * explorer's own elements for the data (sizes by whole-network PageRank, as the explorer's first
 * picture) at the positions the explorer's layout gives.
 */
async function writePeerPage(dir: string, data: DataSet, script: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const graph = buildFirmGraph(data);
  const elements = graphElements(graph, new Map(firmMeasures(graph).map((m) => [m.id, m])), 'pagerank');
  const positions = await runLayout(layoutRequestFor(data));
  const definitions = {
    nodes: elements.nodes.map((node) => ({ group: 'nodes', data: node, position: positions[node.id] ?? { x: 0, y: 0 } })),
    edges: elements.edges.map((edge) => ({ group: 'edges', data: edge })),
  };
  writeFileSync(path.join(dir, 'peer-elements.json'), JSON.stringify(definitions));
  writeFileSync(path.join(dir, 'index.html'), PEER_HTML);
  cpSync(script, path.join(dir, 'peer.js'));
}

/** Bundles bench/peer-page.ts for the browser (esbuild, as the app's own build). */
async function bundlePeerScript(root: string, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'bench/peer-page.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110'],
    minify: true,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SETTLE_MS = 3000;
/** Rest after each timed filter change: the explorer's background work for it ends by then. */
const ROUND_SETTLE_MS = 1500;
/** Pages per side for filter changes, and changes timed on each (each shows a selection not shown before). */
const FILTER_PASSES = 3;
const FILTER_ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Opens `url` in a new page; the time from navigation to the performance mark `mark`. */
async function firstGraph(browser: Browser, url: string, mark: string): Promise<{ ms: number; page: Page }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 120_000 });
  const ms = await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
  return { ms, page };
}

/**
 * Time from a filter change in the store to the redrawn graph. Every run shows a deal-type
 * selection not shown before (one type left out), so no run reuses a cached analysis.
 */
async function filterUpdate(page: Page, round: number): Promise<number> {
  return page.evaluate(
    async ([round, types]) => {
      const app = document.querySelector('rt-app')!;
      const graph = app.shadowRoot!.querySelector('rt-graph')!;
      const cy = graph.cy!;
      const drawn = new Promise<void>((resolve) => cy.one('render', () => resolve()));
      const start = performance.now();
      app.viewStore.update({ types: types.filter((_type, i) => i !== round % types.length) }, 'replace');
      await app.updateComplete;
      await graph.updateComplete;
      await drawn;
      return performance.now() - start;
    },
    [round, TYPES] as const,
  );
}

/** The peer's filter change: the same deal type hidden, the others shown (see peer-page.ts). */
async function peerFilterUpdate(page: Page, round: number): Promise<number> {
  return page.evaluate((type) => window.peerHideType(type), TYPES[round % TYPES.length] as string);
}

export async function browserTimings(root: string, distDir: string, serve: (dir: string) => Promise<Server>, chromiumPath: string): Promise<BrowserTiming[]> {
  const results: BrowserTiming[] = [];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  const scratch = mkdtempSync(path.join(tmpdir(), 'roundtrip-bench-'));
  try {
    const peerScript = path.join(scratch, 'peer.js');
    await bundlePeerScript(root, peerScript);
    const shipped = loadDataSetFromText(
      { name: 'entities.json', text: readFileSync(path.join(distDir, 'data/entities.json'), 'utf8') },
      { name: 'deals.json', text: readFileSync(path.join(distDir, 'data/deals.json'), 'utf8') },
    );
    if (!shipped.ok) throw new Error(`the shipped data set is invalid: ${shipped.problems.map((p) => p.message).join('; ')}`);
    const generated = randomDataSet(1000, 5000, 5);
    const generatedDir = path.join(scratch, 'generated');
    cpSync(distDir, generatedDir, { recursive: true });
    writeFileSync(path.join(generatedDir, 'data/entities.json'), JSON.stringify({ entities: generated.entities }));
    writeFileSync(path.join(generatedDir, 'data/deals.json'), JSON.stringify({ deals: generated.deals }));
    for (const [label, dir, data, firstTarget, updateTarget, runs] of [
      ['shipped data (29 firms, 46 deals)', distDir, shipped.data, 1000, 100, 5],
      ['generated 1,000 firms / 5,000 deals', generatedDir, generated, 5000, 500, 3],
    ] as const) {
      const peerDir = path.join(scratch, `peer-${data.entities.length}`);
      await writePeerPage(peerDir, data, peerScript);
      const servers = [await serve(dir), await serve(peerDir)];
      const [url, peerUrl] = servers.map((server) => {
        const address = server.address();
        return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
      }) as [string, string];
      // The explorer and its peer take turns, so a change in the machine's speed hits both.
      const firsts: number[] = [];
      const peerFirsts: number[] = [];
      for (let i = 0; i < runs; i++) {
        // One page at a time: an open page's background work would slow the next one down.
        for (const [mark, into, pageUrl] of [['roundtrip:graph-drawn', firsts, url], ['peer:graph-drawn', peerFirsts, peerUrl]] as const) {
          const { ms, page } = await firstGraph(browser, pageUrl, mark);
          into.push(ms);
          await page.close();
        }
      }
      results.push({ name: `first drawn graph, ${label}`, target_ms: firstTarget, ms: median(firsts), peer_ms: median(peerFirsts) });
      // Filters are timed on settled pages, one page at a time, explorer and peer taking turns
      // page by page. After the first picture, and after each filter change, the explorer searches
      // the timeline chart's loops in the background for a moment: each change waits for that, so
      // it is timed as an analyst makes it, on a page at rest (and the peer's page is never slowed
      // down by the explorer's).
      const updates: number[] = [];
      const peerUpdates: number[] = [];
      for (let pass = 0; pass < FILTER_PASSES; pass++) {
        for (const [mark, into, pageUrl, change] of [
          ['roundtrip:graph-drawn', updates, url, filterUpdate],
          ['peer:graph-drawn', peerUpdates, peerUrl, peerFilterUpdate],
        ] as const) {
          const { page } = await firstGraph(browser, pageUrl, mark);
          await page.waitForTimeout(SETTLE_MS);
          for (let round = 0; round < FILTER_ROUNDS; round++) {
            into.push(await change(page, round));
            await page.waitForTimeout(ROUND_SETTLE_MS);
          }
          await page.close();
        }
      }
      results.push({ name: `filter change to redrawn graph, ${label}`, target_ms: updateTarget, ms: median(updates), peer_ms: median(peerUpdates) });
      for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}
