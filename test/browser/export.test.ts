import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { findLoops } from '../../src/analysis/loops.js';
import { DEFAULT_FLOWS, flowOf, type DataChange, type Deal } from '../../src/data/types.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { shippedGraph } from '../fixtures/shipped.js';
import { describe, expect, it } from 'vitest';
import { graphState, openApp } from './app-page.js';
import { screenshot } from './chromium.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];

useAppSession({  }, (session) => {
  ({ page, errors } = session);
});

async function exportFile(p: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await p.locator('rt-app details.export summary').click();
  const [download] = await Promise.all([p.waitForEvent('download'), p.locator(`rt-app [data-export="${format}"]`).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('exporting', () => {
  it('loads a CSV through the file picker, then downloads a PNG at twice the size and a GraphML that parses', async () => {
    const csv = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle,status\nx1,Nvidia,OpenAI,investment,1B,committed,2026-01,Stake,https://example.com/1,One,reported\nx2,OpenAI,Nvidia,purchase,,,2026-02,Chips,https://example.com/2,Two,reported\n';
    await page.locator('rt-app input#open-files').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(async () => (await graphState(page)).nodes).toEqual(['nvidia', 'openai']);
    await page.waitForTimeout(300);

    const png = await exportFile(page, 'png');
    expect(png.name).toBe('roundtrip.png');
    const { width, height } = pngSize(png.bytes);
    const canvas = await page.evaluate(() => {
      const graph = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!;
      return { width: graph.clientWidth, height: graph.clientHeight };
    });
    expect(width).toBeGreaterThanOrEqual(canvas.width * 2);
    expect(height).toBeGreaterThanOrEqual(canvas.height * 2);

    const graphml = await exportFile(page, 'graphml');
    const parsed = parseGraphML(MultiDirectedGraph, graphml.bytes.toString('utf8'));
    expect(parsed.order).toBe(2);
    expect(parsed.size).toBe(2);
    expect(parsed.getEdgeAttribute('x1', 'amountUsd')).toBe(1e9);
    expect(parsed.hasEdgeAttribute('x2', 'amountUsd')).toBe(false);
  });

  it('JSON files opened in the app and exported again are the same data', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const entities = readFileSync(path.join(root, 'data/entities.json'));
    const deals = readFileSync(path.join(root, 'data/deals.json'));
    await page.locator('rt-app input#open-files').setInputFiles([
      { name: 'entities.json', mimeType: 'application/json', buffer: entities },
      { name: 'deals.json', mimeType: 'application/json', buffer: deals },
    ]);
    await expect.poll(() => page.locator('rt-app [data-imported]').count()).toBe(1);
    await page.locator('rt-app details.export summary').click();
    const downloads: Array<{ name: string; text: string }> = [];
    const collect = (download: Download) => void download.path().then((file) => downloads.push({ name: download.suggestedFilename(), text: readFileSync(file, 'utf8') }));
    page.on('download', collect);
    await page.locator('rt-app [data-export="json"]').click();
    await expect.poll(() => downloads.length).toBe(2);
    const byName = Object.fromEntries(downloads.map((d) => [d.name, JSON.parse(d.text) as unknown]));
    expect(byName['entities.json']).toEqual(JSON.parse(entities.toString('utf8')));
    // The export is the view: the deals of the default flows, each with its flow spelled out.
    const shipped = JSON.parse(deals.toString('utf8')) as { $schema: string; changes: DataChange[]; deals: Deal[] };
    const counted = shipped.deals.filter((d) => (DEFAULT_FLOWS as readonly string[]).includes(flowOf(d))).map((d) => ({ ...d, flow: flowOf(d) }));
    // The updates speak only of the deals exported.
    const inView = new Set(counted.map((d) => d.id));
    const changes = shipped.changes.map((c) => ({ ...c, added: c.added.filter((id) => inView.has(id)), changed: c.changed.filter((id) => inView.has(id)) }));
    expect(byName['deals.json']).toEqual({ ...shipped, changes, deals: counted });
  });

  it('downloads an SVG with the title, the legend and the source line, and CSV tables', async () => {
    const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml version="1.0"/);
    // The picture is the opening view: every firm, the deals of the default flows, their loops.
    const view = filterFirmGraph(shippedGraph(), { flows: DEFAULT_FLOWS });
    const loopCount = findLoops(view).count;
    expect(svg).toContain(`<title>Circular financing: ${view.order} firms, ${view.size} deals, ${loopCount} loops</title>`);
    expect(svg).toContain('Investment (investor → investee)');
    expect(svg).toContain('Roundtrip · deals compiled from public reporting');
    expect(wellFormed(svg)).toBe(true);
    const loops = (await exportFile(page, 'loops')).bytes.toString('utf8');
    expect(loops.split('\r\n')[0]).toBe('id,hops,length,types,bottleneckUsd,totalUsd,firstDate,lastDate,firms,deals,words');
    expect(loops.trim().split('\r\n')).toHaveLength(loopCount + 1);
    const measures = (await exportFile(page, 'measures')).bytes.toString('utf8');
    expect(measures.trim().split('\r\n')).toHaveLength(view.order + 1);
    await screenshot(page, 'export-menu');
  });
});

/** Whether a text is well-formed XML (xmldom, which the GraphML and GEXF parsers use too). */
function wellFormed(text: string): boolean {
  let ok = true;
  new DOMParser({ errorHandler: { error: () => (ok = false), fatalError: () => (ok = false) } }).parseFromString(text, 'image/svg+xml');
  return ok;
}
