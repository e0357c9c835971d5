/**
 * Browser timings of the explorer in Debian's Chromium: from navigation to the first drawn graph,
 * and from a filter change to the updated view, on the shipped data and on a generated data set
 * of 1,000 firms and 5,000 deals. Each figure is the median of several runs. Then one import of a
 * generated 200,000-deal CSV through the file input: the longest main-thread task from the file
 * given to the graph drawn and the panels ready (see importLongestTask; no peer).
 *
 * Each is measured against a peer in the same browser, interleaved run by run: stock Cytoscape
 * drawing the same elements at the same positions with the same stylesheet (bench/peer-page.ts),
 * and hiding the same deals. The peer does a fraction of the explorer's work, so the ratio says
 * what the explorer costs over the bare library, whatever the machine's speed at the moment.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { firmMeasures } from '../src/analysis/centrality.js';
import { loadDataSetFromText } from '../src/data/load.js';
import type { DataSet } from '../src/data/types.js';
import { layoutRequestFor } from '../src/layout/layout.js';
import { runLayout } from '../src/layout/run-layout.js';
import { buildFirmGraph } from '../src/model/graph.js';
import { graphElements } from '../src/view/elements.js';
import { dealsCsv, randomDataSet } from './graphs.js';

export interface BrowserTiming {
  name: string;
  target_ms: number;
  ms: number;
  /**
   * The same measure on the peer page (stock Cytoscape, same elements), same browser, same run;
   * null for a timing with no peer.
   */
  peer_ms: number | null;
  /** How the timing was run and what else it found, for the table's notes. */
  note?: string;
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

/** The median, or NaN when every run failed (the note says why). */
const medianOrNaN = (values: number[]): number => (values.length > 0 ? median(values) : Number.NaN);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Opens `url` in a new page; the time from navigation to the performance mark `mark`. */
async function firstGraph(browser: Browser, url: string, mark: string): Promise<{ ms: number; page: Page }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(watchLongTasks);
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 120_000 });
  const ms = await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
  return { ms, page };
}

declare global {
  interface Window {
    /** Every long task of the page since it started (bench/browser.ts). */
    benchLongTasks?: PageTask[];
  }
}

/** Records the page's long tasks from its start (an init script: it runs before the page's own). */
function watchLongTasks(): void {
  const tasks: PageTask[] = [];
  window.benchLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The longest task the page has run since it started, once those already ended have been reported. */
async function longestTaskSoFar(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return Math.max(0, ...(window.benchLongTasks ?? []).map((t) => t.duration));
  });
}

/** How long the scripted pan lasts, and how far it moves the view per frame (there and back). */
const PAN_MS = 3000;
const PAN_STEP_PX = 6;

/**
 * A scripted pan, frame by frame: each animation frame moves the view a few pixels (right and
 * down for half the time, then back), and its timestamp is kept. The time per frame is the pan's
 * length over the frames drawn (at 60 frames per second, 16.7 ms). Runs in the page; `ours` picks
 * the explorer's graph, else the peer's.
 */
function scriptedPan([ours, panMs, step]: readonly [boolean, number, number]): Promise<{ msPerFrame: number; frames: number; worstMs: number }> {
  const cy = ours ? document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy! : window.peerCy;
  const stamps: number[] = [];
  return new Promise((resolve) => {
    const frame = (time: number): void => {
      stamps.push(time);
      const elapsed = time - (stamps[0] as number);
      if (elapsed >= panMs) {
        const gaps = stamps.slice(1).map((t, i) => t - (stamps[i] as number));
        resolve({ msPerFrame: elapsed / gaps.length, frames: gaps.length, worstMs: Math.max(...gaps) });
        return;
      }
      const sign = elapsed < panMs / 2 ? 1 : -1;
      cy.panBy({ x: sign * step, y: (sign * step) / 2 });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
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

/** The large data set of the views (first graph, filter changes, pan, longest task). */
const LARGE_FIRMS = 5000;
const LARGE_DEALS = 25_000;
/** Pan target: 30 frames per second. */
const PAN_TARGET_MS = 1000 / 30;
/** The page never blocks longer than this. */
const LONG_TASK_TARGET_MS = 200;
const LARGE_NOTE = `The explorer draws its part of the network (the 1,500 largest deals among the 3,000 firms with the most money and the firms they join, model/drawing-budget.ts; loops, measures and tables cover all ${LARGE_DEALS.toLocaleString('en-US')} deals); the peer, stock Cytoscape, draws every firm and deal, at the positions the explorer's layout gives the whole network.`;

/** The imported CSV: deals among firms (all new to the explorer). */
const IMPORT_FIRMS = 300;
const IMPORT_DEALS = 200_000;
/**
 * How long the import is waited for, from the file given to the page at rest. On a machine of two
 * cores the layout of 300 firms with 200,000 deals alone takes two to three minutes (in its worker).
 */
const IMPORT_WAIT_AT_MOST_MS = 300_000;
/** The page is at rest once this long has passed, after the panels are ready, with no long task. */
const IMPORT_REST_MS = 3000;
/** A main-thread task longer than this is a long task (the Long Tasks API's threshold). */
const LONG_TASK_MS = 50;
/** The import's row target: the page never freezes for longer than this. */
const IMPORT_TARGET_MS = 200;

interface PageTask {
  start: number;
  duration: number;
}

/** What the page has seen of the import (window.roundtripImport), in its own clock (performance.now()). */
interface ImportWatch {
  /** When the file was given: the file input's change event. */
  given: number | null;
  /** The long tasks, from the page's load on. */
  tasks: PageTask[];
  /** The first graph-drawn mark after the file was given. */
  drawn: number | null;
  /** When the imported set's side panels were first there, seen by a mutation observer in the task that built them. */
  ready: number | null;
}

declare global {
  interface Window {
    /** The bench's record of an import (bench/browser.ts). */
    roundtripImport?: ImportWatch & { look(): void; observer: PerformanceObserver };
  }
}

/**
 * Starts watching the page: a PerformanceObserver of long tasks (buffered), the change event of
 * the file input, and a mutation observer that notes when the imported set is drawn and its side
 * panels are built: the header names the imported file, the filters and the panel tabs are there
 * and neither side says it is busy, and the status line counts the loops. Runs in the page.
 */
function watchImport(): void {
  const root = document.querySelector('rt-app')!.shadowRoot!;
  const watch: ImportWatch = { given: null, tasks: [], drawn: null, ready: null };
  const look = (): void => {
    if (watch.given === null || watch.ready !== null) return;
    const given = watch.given;
    watch.drawn ??= performance.getEntriesByName('roundtrip:graph-drawn').find((e) => e.startTime > given)?.startTime ?? null;
    if (
      watch.drawn !== null &&
      root.querySelector('rt-header')?.shadowRoot?.querySelector('[data-imported]') != null &&
      root.querySelector('aside[aria-label="Filters"][aria-busy="false"] rt-filters') !== null &&
      root.querySelector('section.panel[aria-busy="false"] rt-panels')?.shadowRoot?.querySelector('[role="tablist"]') != null &&
      !(root.querySelector('rt-toolbar')?.shadowRoot?.querySelector('.toolbar .status')?.textContent ?? 'finding loops').includes('finding loops')
    ) {
      watch.ready = performance.now();
      mutations.disconnect();
    }
  };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) watch.tasks.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: true });
  const mutations = new MutationObserver(look);
  mutations.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  root.querySelector('rt-header')!.shadowRoot!.querySelector('input#open-files')!.addEventListener('change', (event) => (watch.given = event.timeStamp), { once: true });
  window.roundtripImport = Object.assign(watch, { look, observer });
}

/** The watch as it stands (once the long tasks already ended have reached it), and the page's time. Runs in the page. */
async function importWatched(): Promise<ImportWatch & { now: number }> {
  // A task's entry reaches the observer in a later task: a moment for those queued.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const watch = window.roundtripImport!;
  for (const entry of watch.observer.takeRecords()) watch.tasks.push({ start: entry.startTime, duration: entry.duration });
  watch.look();
  return { given: watch.given, tasks: [...watch.tasks], drawn: watch.drawn, ready: watch.ready, now: performance.now() };
}

/** The explorer's marks the import sets, in the order it sets them. */
const IMPORT_MARKS = ['roundtrip:analysis-done', 'roundtrip:layout-start', 'roundtrip:positions', 'roundtrip:layout-done', 'roundtrip:graph-drawn'] as const;

interface ImportTrace {
  given: number;
  drawn: number | null;
  ready: number | null;
  /** When the page was at rest, or when the wait ended. */
  end: number;
  atRest: boolean;
  /** The long tasks that ended after the file was given. */
  tasks: PageTask[];
  marks: Array<{ name: string; at: number }>;
}

/**
 * What a task did, told by the marks the explorer set during it or last before it, and whether it
 * came before the panels were ready (the explorer's flow in rt-app.ts and rt-graph.ts: the worker's
 * result is taken, fingerprinted and the layout started; the analysis; the layout in its worker;
 * the elements added to Cytoscape; its first drawing; then the loop search and the panels).
 */
function phaseOf(task: PageTask, trace: ImportTrace): string {
  const end = task.start + task.duration;
  const set = trace.marks.filter((m) => m.at > task.start && m.at <= end).map((m) => m.name);
  const last = trace.marks.filter((m) => m.at <= task.start).pop()?.name ?? null;
  const ready = trace.ready;
  if (set.includes('roundtrip:analysis-done')) return 'the analysis on the page (firm graph, measures, elements; it sets roundtrip:analysis-done)';
  if (set.includes('roundtrip:positions') || set.includes('roundtrip:layout-done')) return 'adding the laid-out elements to Cytoscape (roundtrip:positions to roundtrip:layout-done)';
  if (set.includes('roundtrip:graph-drawn') || last === 'roundtrip:layout-done') return "Cytoscape's first drawing of the new graph (to roundtrip:graph-drawn)";
  if (last === null) return "before the analysis: reading the file and handing it to the import worker, or taking the worker's result (its structured clone), fingerprinting it and sending the layout to its worker";
  if (last === 'roundtrip:analysis-done' || last === 'roundtrip:layout-start') return 'while the layout ran in its worker (the page only waits then: garbage collection, say)';
  if (last !== 'roundtrip:graph-drawn') return `after ${last}`;
  if (ready !== null && task.start < ready && ready <= end) return 'the loop search and the side panels (built in this task)';
  if (ready === null || task.start < ready) return 'after the picture, before the panels were ready';
  return 'after the panels were ready: Cytoscape restyling and redrawing the graph';
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number): string => `${Math.round(ms)} ms`;
const longestFirst = (tasks: PageTask[]): PageTask[] => [...tasks].sort((a, b) => b.duration - a.duration);

/** The import's row: the longest task from the file given to the panels ready; the rest in the note. */
function importTiming(name: string, trace: ImportTrace, mb: number): BrowserTiming {
  const { given, drawn, ready, end } = trace;
  const until = ready ?? end;
  const tasks = trace.tasks.filter((t) => t.start < until);
  const later = trace.tasks.filter((t) => t.start >= until);
  const longest = longestFirst(tasks)[0];
  const after = (at: number) => seconds(at - given);
  const parts = [
    `one run; a ${mb.toFixed(1)} MB file of ${IMPORT_DEALS.toLocaleString('en-US')} deals among ${IMPORT_FIRMS} firms new to the explorer, given by its path to the file input of a page showing the shipped data at rest`,
    ready !== null
      ? `graph drawn ${after(drawn as number)} and side panels ready ${after(ready)} after the file was given`
      : drawn !== null
        ? `graph drawn ${after(drawn)} after the file was given, but NO SIDE PANELS ${seconds(IMPORT_WAIT_AT_MOST_MS)} after it (stopped waiting; tasks counted up to then)`
        : `NOT DRAWN ${seconds(IMPORT_WAIT_AT_MOST_MS)} after the file was given (stopped waiting; tasks counted up to then)`,
    `${tasks.length} long tasks (> ${LONG_TASK_MS} ms) up to then, ${millis(tasks.reduce((sum, t) => sum + t.duration, 0))} together`,
  ];
  if (longest) parts.push(`the longest began ${after(longest.start)} after the file was given: ${phaseOf(longest, trace)}`);
  const next = longestFirst(tasks).slice(1, 4);
  if (next.length > 0) parts.push(`the next longest: ${next.map((t) => `${millis(t.duration)}, ${phaseOf(t, trace)}`).join('; ')}`);
  if (drawn !== null) {
    const toDrawn = tasks.filter((t) => t.start < drawn);
    parts.push(`up to the graph drawn: ${toDrawn.length} long tasks, the longest ${millis(longestFirst(toDrawn)[0]?.duration ?? 0)}`);
  }
  if (ready !== null) {
    const rest = trace.atRest ? `at rest ${after(end)} after the file was given` : `not at rest ${seconds(IMPORT_WAIT_AT_MOST_MS)} after the file was given`;
    const laterLongest = longestFirst(later)[0];
    parts.push(`after the panels were ready, ${later.length} more long tasks${laterLongest ? ` (the longest ${millis(laterLongest.duration)}, ${phaseOf(laterLongest, trace)})` : ''}, the page ${rest}`);
  }
  parts.push(`marks, after the file was given: ${[...trace.marks.map((m) => `${m.name.replace('roundtrip:', '')} ${after(m.at)}`), ...(ready !== null ? [`panels ready ${after(ready)}`] : [])].join(', ')}`);
  return { name, target_ms: IMPORT_TARGET_MS, ms: longest?.duration ?? 0, peer_ms: null, note: parts.join('; ') };
}

/**
 * Imports a generated CSV of 200,000 deals through the explorer's file input, on a page showing
 * the shipped data at rest, and finds the longest main-thread task from the moment the file is
 * given until the imported set is drawn and its side panels are ready (a PerformanceObserver of
 * long tasks, registered before the import); then watches until the page is at rest. The file
 * goes in by its path, which Chromium reads itself: given as bytes, Playwright would build the
 * file inside the page, a long task of its own. One run: the import takes minutes.
 */
async function importLongestTask(browser: Browser, url: string, scratch: string): Promise<BrowserTiming> {
  const csv = dealsCsv(IMPORT_FIRMS, IMPORT_DEALS, 7);
  const file = path.join(scratch, 'deals-200k.csv');
  writeFileSync(file, csv);
  const mb = Buffer.byteLength(csv) / 2 ** 20;
  const name = `import a ${IMPORT_DEALS.toLocaleString('en-US')}-deal CSV (${mb.toFixed(0)} MB): longest main-thread task`;
  const { page } = await firstGraph(browser, url, 'roundtrip:graph-drawn');
  try {
    await page.waitForTimeout(SETTLE_MS);
    await page.evaluate(watchImport);
    const started = Date.now();
    await page.locator('rt-app input#open-files').setInputFiles(file);
    let seen = await page.evaluate(importWatched);
    let atRest = false;
    // Looked at every quarter second (each look is a tiny task): until the panels are ready and
    // then no long task has run for IMPORT_REST_MS.
    while (Date.now() - started < IMPORT_WAIT_AT_MOST_MS) {
      const lastEnd = Math.max(seen.ready ?? 0, ...seen.tasks.map((t) => t.start + t.duration));
      if (seen.ready !== null && seen.now - lastEnd >= IMPORT_REST_MS) {
        atRest = true;
        break;
      }
      await page.waitForTimeout(250);
      seen = await page.evaluate(importWatched);
    }
    const given = seen.given;
    if (given === null) throw new Error('import bench: the file input never changed');
    const marks = await page.evaluate(
      ([given, names]) => performance.getEntriesByType('mark').filter((m) => m.startTime > given && names.includes(m.name)).map((m) => ({ name: m.name, at: m.startTime })),
      [given, IMPORT_MARKS as readonly string[]] as const,
    );
    const trace: ImportTrace = {
      given,
      drawn: seen.drawn,
      ready: seen.ready,
      end: atRest ? Math.max(seen.ready as number, ...seen.tasks.map((t) => t.start + t.duration)) : seen.now,
      atRest,
      tasks: seen.tasks.filter((t) => t.start + t.duration > given && t.duration > LONG_TASK_MS),
      marks,
    };
    return importTiming(name, trace, mb);
  } finally {
    await page.close();
  }
}

/** A directory served on 127.0.0.1 by a process of its own. */
export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` with the app's own server (scripts/serve.mjs) in a child process, so that the
 * bench's own work (its collector going through the large data sets it holds) cannot hold up a
 * response while a page loads.
 */
export function serveInChild(root: string, dir: string): Promise<Served> {
  const server = pathToFileURL(path.join(root, 'scripts/serve.mjs')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', `const { serveDirectory } = await import(${JSON.stringify(server)}); const s = await serveDirectory(${JSON.stringify(dir)}, { port: 0 }); console.log(s.address().port);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench's file server stopped (exit ${code})`)));
    child.stdout.once('data', (chunk: Buffer) => {
      const port = Number(String(chunk).trim());
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => {
          child.removeAllListeners('exit');
          child.once('exit', () => done());
          child.kill();
        }),
      });
    });
  });
}

/** `parts`: the first-graph and filter timings against the peer, the import, or both. */
export async function browserTimings(
  root: string,
  distDir: string,
  serve: (dir: string) => Promise<Served>,
  chromiumPath: string,
  parts: { views: boolean; import: boolean; large: boolean } = { views: true, import: true, large: true },
): Promise<BrowserTiming[]> {
  const results: BrowserTiming[] = [];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  const scratch = mkdtempSync(path.join(tmpdir(), 'roundtrip-bench-'));
  try {
    if (parts.views || parts.large) results.push(...(await viewTimings(root, distDir, serve, browser, scratch, parts)));
    if (parts.import) {
      const server = await serve(distDir);
      try {
        results.push(await importLongestTask(browser, server.url, scratch));
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

/** First drawn graph and filter changes, on the shipped and a generated data set, against the peer. */
async function viewTimings(root: string, distDir: string, serve: (dir: string) => Promise<Served>, browser: Browser, scratch: string, parts: { views: boolean; large: boolean }): Promise<BrowserTiming[]> {
  const results: BrowserTiming[] = [];
  const peerScript = path.join(scratch, 'peer.js');
  await bundlePeerScript(root, peerScript);
  const shipped = loadDataSetFromText(
    { name: 'entities.json', text: readFileSync(path.join(distDir, 'data/entities.json'), 'utf8') },
    { name: 'deals.json', text: readFileSync(path.join(distDir, 'data/deals.json'), 'utf8') },
  );
  if (!shipped.ok) throw new Error(`the shipped data set is invalid: ${shipped.problems.map((p) => p.message).join('; ')}`);
  /** A copy of the app serving a generated data set as its own. */
  const servedAsShipped = (name: string, data: DataSet): string => {
    const dir = path.join(scratch, name);
    cpSync(distDir, dir, { recursive: true });
    writeFileSync(path.join(dir, 'data/entities.json'), JSON.stringify({ entities: data.entities }));
    writeFileSync(path.join(dir, 'data/deals.json'), JSON.stringify({ deals: data.deals }));
    return dir;
  };
  const sets: Array<readonly [string, string, DataSet, number, number, number]> = [];
  if (parts.views) {
    const generated = randomDataSet(1000, 5000, 5);
    sets.push([`shipped data (${shipped.data.entities.length} firms, ${shipped.data.deals.length} deals)`, distDir, shipped.data, 1000, 100, 5]);
    sets.push(['generated 1,000 firms / 5,000 deals', servedAsShipped('generated', generated), generated, 5000, 500, 3]);
  }
  if (parts.large) {
    const large = randomDataSet(LARGE_FIRMS, LARGE_DEALS, 5);
    sets.push([`generated ${LARGE_FIRMS.toLocaleString('en-US')} firms / ${LARGE_DEALS.toLocaleString('en-US')} deals`, servedAsShipped('large', large), large, 5000, 500, 3]);
  }
  for (const [label, dir, data, firstTarget, updateTarget, runs] of sets) {
    const large = data.deals.length >= LARGE_DEALS;
    const peerDir = path.join(scratch, `peer-${data.entities.length}`);
    await writePeerPage(peerDir, data, peerScript);
    const servers = [await serve(dir), await serve(peerDir)];
    const [url, peerUrl] = servers.map((served) => served.url) as [string, string];
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
    results.push({ name: `first drawn graph, ${label}`, target_ms: firstTarget, ms: median(firsts), peer_ms: median(peerFirsts), ...(large ? { note: LARGE_NOTE } : {}) });
    if (data.entities.length >= 1000) {
      // Cytoscape's own WebGL renderer as the peer: whichever draws faster is the one to keep.
      const webglFirsts: number[] = [];
      for (let i = 0; i < runs; i++) {
        const { ms, page } = await firstGraph(browser, `${peerUrl}?webgl`, 'peer:graph-drawn');
        webglFirsts.push(ms);
        await page.close();
      }
      results.push({ name: `first drawn graph, ${label}: stock Cytoscape with its WebGL renderer as the peer`, target_ms: firstTarget, ms: median(firsts), peer_ms: median(webglFirsts) });
    }
    // Filters are timed on settled pages, one page at a time, explorer and peer taking turns
    // page by page. After the first picture, and after each filter change, the explorer searches
    // the timeline chart's loops in the background for a moment: each change waits for that, so
    // it is timed as an analyst makes it, on a page at rest (and the peer's page is never slowed
    // down by the explorer's).
    const updates: number[] = [];
    const peerUpdates: number[] = [];
    // On the large set each page is also panned, and its longest task read, after its filter changes.
    const pans: Array<Awaited<ReturnType<typeof scriptedPan>>> = [];
    const peerPans: Array<Awaited<ReturnType<typeof scriptedPan>>> = [];
    const longest: number[] = [];
    const peerLongest: number[] = [];
    const failures: string[] = [];
    for (let pass = 0; pass < FILTER_PASSES; pass++) {
      for (const [mark, into, pageUrl, change, ours] of [
        ['roundtrip:graph-drawn', updates, url, filterUpdate, true],
        ['peer:graph-drawn', peerUpdates, peerUrl, peerFilterUpdate, false],
      ] as const) {
        const { page } = await firstGraph(browser, pageUrl, mark);
        const crashed = (): void => void failures.push(`${ours ? 'the explorer' : 'the peer'}'s page crashed in pass ${pass + 1}`);
        page.on('crash', crashed);
        try {
          await page.waitForTimeout(SETTLE_MS);
          for (let round = 0; round < FILTER_ROUNDS; round++) {
            into.push(await change(page, round));
            await page.waitForTimeout(ROUND_SETTLE_MS);
          }
          if (large) {
            (ours ? pans : peerPans).push(await page.evaluate(scriptedPan, [ours, PAN_MS, PAN_STEP_PX] as const));
            await page.waitForTimeout(ROUND_SETTLE_MS);
            (ours ? longest : peerLongest).push(await longestTaskSoFar(page));
          }
        } catch (error) {
          // A page that crashes (out of memory, say) is reported, and the other passes still count.
          if (!large) throw error;
          failures.push(`${ours ? 'the explorer' : 'the peer'}, pass ${pass + 1}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
        await page.close().catch(() => {});
      }
    }
    results.push({ name: `filter change to redrawn graph, ${label}`, target_ms: updateTarget, ms: medianOrNaN(updates), peer_ms: medianOrNaN(peerUpdates), ...(failures.length > 0 ? { note: `FAILED: ${failures.join('; ')}` } : {}) });
    if (large) {
      const fps = (ms: number): string => `${(1000 / ms).toFixed(1)} frames per second`;
      const ourPan = medianOrNaN(pans.map((p) => p.msPerFrame));
      const peerPan = medianOrNaN(peerPans.map((p) => p.msPerFrame));
      results.push({
        name: `pan: time per frame, ${label}`,
        target_ms: PAN_TARGET_MS,
        ms: ourPan,
        peer_ms: peerPan,
        note: `a ${PAN_MS / 1000} s scripted pan (${PAN_STEP_PX} px per animation frame, there and back) on a page at rest after its filter changes, timed by requestAnimationFrame timestamps; median of ${FILTER_PASSES} pages each: ours ${fps(ourPan)} (the slowest frame of each: ${pans.map((p) => `${Math.round(p.worstMs)} ms`).join(', ')}), the peer ${fps(peerPan)} (${peerPans.map((p) => `${Math.round(p.worstMs)} ms`).join(', ')}); target 30 frames per second. ${LARGE_NOTE}`,
      });
      results.push({
        name: `longest main-thread task, ${label}`,
        target_ms: LONG_TASK_TARGET_MS,
        ms: longest.length > 0 ? Math.max(...longest) : Number.NaN,
        peer_ms: peerLongest.length > 0 ? Math.max(...peerLongest) : Number.NaN,
        note: `the longest task (a PerformanceObserver of long tasks from the page's start) over the page's load, first picture, ${FILTER_ROUNDS} filter changes and the pan, the worst of ${FILTER_PASSES} pages each: ours ${longest.map(millis).join(', ')}; the peer ${peerLongest.map(millis).join(', ')}. ${LARGE_NOTE}`,
      });
    }
    for (const server of servers) await server.close();
  }
  return results;
}
