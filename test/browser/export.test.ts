import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGEXF } from 'graphology-gexf';
import { parse as parseGraphML } from 'graphology-graphml';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { findLoops } from '../../src/analysis/loops.js';
import { DEFAULT_FLOWS, flowOf, type DataChange, type Deal } from '../../src/data/types.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { shippedGraph } from '../fixtures/shipped.js';
import { describe, expect, it } from 'vitest';
import { clickElement, elementPoint, graphState, openApp } from './app-page.js';
import { RESULTS_DIR, screenshot } from './chromium.js';
import { PICTURE_HEADER } from '../../src/view/cytoscape/export-image.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];

useAppSession({  }, (session) => {
  ({ page, errors } = session);
});

async function openExportMenu(p: Page): Promise<void> {
  if (!(await p.locator('rt-app details.export').evaluate((d) => (d as HTMLDetailsElement).open))) await p.locator('rt-app details.export summary').click();
}

async function exportFile(p: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await openExportMenu(p);
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
    await expect.poll(async () => (await graphState(page)).nodes, { timeout: 15_000 }).toEqual(['nvidia', 'openai']);
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

/** The drawn firms' boxes and deals' midpoints, in CSS pixels of the graph's canvas. */
async function drawnBoxes(p: Page): Promise<{ firms: Array<{ id: string; x1: number; y1: number; x2: number; y2: number }>; deals: string[] }> {
  return p.evaluate(() => {
    const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
    const firms = cy.nodes(':visible').map((n) => {
      const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false } as never);
      return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    });
    return { firms, deals: cy.edges(':visible').map((e) => e.id()) };
  });
}

interface Likeness {
  /** Mean difference over every pixel and colour channel, 0 (same) to 1. */
  mean: number;
  /** The same within each firm's box, by firm id. */
  firms: Record<string, number>;
  width: number;
  height: number;
}

/**
 * Draws the SVG (as an image) onto a canvas the size of the PNG, in the page, and compares the two
 * pixel by pixel: over the whole picture and within each firm's box (where a missing shape shows).
 */
async function likeness(p: Page, png: Buffer, svg: string, firms: Array<{ id: string; x1: number; y1: number; x2: number; y2: number }>): Promise<Likeness> {
  return p.evaluate(
    async ({ png64, svgText, boxes, header }) => {
      const pngBitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
      const image = new Image();
      image.src = url;
      await image.decode();
      const { width, height } = pngBitmap;
      const pixels = (draw: (c: CanvasRenderingContext2D) => void): Uint8ClampedArray => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        draw(context);
        return context.getImageData(0, 0, width, height).data;
      };
      const a = pixels((c) => c.drawImage(pngBitmap, 0, 0));
      const b = pixels((c) => c.drawImage(image, 0, 0, width, height));
      URL.revokeObjectURL(url);
      const meanIn = (x1: number, y1: number, x2: number, y2: number): number => {
        let sum = 0;
        let count = 0;
        for (let y = Math.max(0, Math.floor(y1)); y < Math.min(height, Math.ceil(y2)); y++) {
          for (let x = Math.max(0, Math.floor(x1)); x < Math.min(width, Math.ceil(x2)); x++) {
            const i = (y * width + x) * 4;
            sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
            count += 3;
          }
        }
        return count === 0 ? 0 : sum / count / 255;
      };
      const scale = 2;
      const firmLikeness: Record<string, number> = {};
      for (const box of boxes) firmLikeness[box.id] = meanIn(box.x1 * scale, (box.y1 + header) * scale, box.x2 * scale, (box.y2 + header) * scale);
      return { mean: meanIn(0, 0, width, height), firms: firmLikeness, width, height };
    },
    { png64: png.toString('base64'), svgText: svg, boxes: firms, header: PICTURE_HEADER },
  );
}

/** The elements of a tag, in document order (xmldom's lists are not iterable). */
function byTag(doc: { getElementsByTagName(tag: string): { length: number; item(i: number): unknown } }, tag: string): Element[] {
  const list = doc.getElementsByTagName(tag);
  return Array.from({ length: list.length }, (_, i) => list.item(i) as Element);
}

/** The graph's groups in an SVG export: firms and deals by id, with what each holds. */
function svgGroups(svg: string): { firms: Map<string, Element>; deals: Map<string, Element>; texts: string[] } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const groups = byTag(doc, 'g');
  const firms = new Map(groups.filter((g) => g.hasAttribute('data-firm')).map((g) => [g.getAttribute('data-firm')!, g]));
  const deals = new Map(groups.filter((g) => g.hasAttribute('data-deal')).map((g) => [g.getAttribute('data-deal')!, g]));
  const texts = byTag(doc, 'text').map((t) => t.textContent ?? '');
  return { firms, deals, texts };
}

function childrenOfClass(group: Element, className: string): Element[] {
  return Array.from({ length: group.childNodes.length }, (_, i) => group.childNodes.item(i)).filter((n): n is Element => n?.nodeType === 1 && (n as Element).getAttribute('class') === className);
}

/** Labels Cytoscape draws on screen, by element id (firm names; deal amounts, hop numbers, `?`). */
async function shownLabels(p: Page): Promise<Record<string, string>> {
  return p.evaluate(() => {
    const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
    const level = 2 ** Math.ceil(Math.log2(cy.zoom() * window.devicePixelRatio));
    const labels: Record<string, string> = {};
    cy.elements(':visible').forEach((e) => {
      const style = (name: string) => (e as unknown as { pstyle(n: string): { strValue: string; pfValue: number } }).pstyle(name);
      const text = style('label').strValue;
      if (text && style('font-size').pfValue * level >= style('min-zoomed-font-size').pfValue) labels[e.id()] = text;
    });
    return labels;
  });
}

describe('network files that open as drawn', () => {
  it('GraphML and GEXF from the app carry each firm where it is drawn (a dragged one too), with its colour, and each deal its colour', async () => {
    const nvidiaAt = () => page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.$id('nvidia').position());
    const before = await nvidiaAt();
    const start = await elementPoint(page, 'nvidia');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 60, start.y + 40, { steps: 5 });
    await page.mouse.up();
    const drawn = await page.evaluate(() => {
      const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
      const hex = (e: { pstyle(n: string): { value: number[] } }, name: string) => `#${e.pstyle(name).value.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
      return {
        firms: Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position(), size: n.width(), color: hex(n as never, 'background-color') }])),
        deals: Object.fromEntries(cy.edges(':visible').map((e) => [e.id(), hex(e as never, 'line-color')])),
      };
    });
    const view = filterFirmGraph(shippedGraph(), { flows: DEFAULT_FLOWS });
    const round = (v: number) => Math.round(v * 100) / 100;
    const gexf = parseGEXF(MultiDirectedGraph, (await exportFile(page, 'gexf')).bytes.toString('utf8'));
    const graphml = parseGraphML(MultiDirectedGraph, (await exportFile(page, 'graphml')).bytes.toString('utf8'));
    expect(gexf.order).toBe(view.order);
    view.forEachNode((id) => {
      const firm = drawn.firms[id]!;
      const rgb = firm.color.slice(1).match(/../g)!.map((h) => parseInt(h, 16));
      // Gephi's y grows upwards: the files hold the screen's y negated.
      expect(gexf.getNodeAttributes(id), id).toMatchObject({ x: round(firm.x), y: round(-firm.y), size: round(firm.size), color: `rgb(${rgb.join(',')})` });
      expect(graphml.getNodeAttributes(id), id).toMatchObject({ x: round(firm.x), y: round(-firm.y), size: round(firm.size), color: firm.color });
    });
    // The dragged firm is written where it was dropped.
    expect(drawn.firms['nvidia']!.x).toBeGreaterThan(before.x + 10);
    expect(gexf.getNodeAttribute('nvidia', 'x')).toBe(round(drawn.firms['nvidia']!.x));
    for (const [id, color] of Object.entries(drawn.deals)) expect(graphml.getEdgeAttribute(id, 'color'), id).toBe(color);
  });
});

describe('pictures a graphics desk can use', () => {
  async function expectCompleteSvg(svg: string, labels: Record<string, string>): Promise<void> {
    const { firms, deals } = await drawnBoxes(page);
    const groups = svgGroups(svg);
    expect([...groups.firms.keys()].sort()).toEqual(firms.map((f) => f.id).sort());
    expect([...groups.deals.keys()].sort()).toEqual([...deals].sort());
    for (const [id, group] of groups.firms) {
      expect(childrenOfClass(group, 'shape'), id).toHaveLength(1);
      const text = childrenOfClass(group, 'label').map((t) => t.textContent);
      expect(text, id).toEqual(labels[id] === undefined ? [] : [labels[id]]);
    }
    for (const [id, group] of groups.deals) {
      expect(childrenOfClass(group, 'line'), id).toHaveLength(1);
      expect(childrenOfClass(group, 'arrow'), id).toHaveLength(1);
      expect(childrenOfClass(group, 'label').map((t) => t.textContent), id).toEqual(labels[id] === undefined ? [] : [labels[id]]);
    }
    // No label twice: each firm's name is written once in the whole picture.
    const names = firms.map((f) => labels[f.id]).filter((l): l is string => l !== undefined);
    for (const name of names) expect(groups.texts.filter((t) => t === name), name).toHaveLength(1);
  }

  async function expectSvgLikePng(name: string): Promise<{ svg: string; png: Buffer }> {
    const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
    const png = (await exportFile(page, 'png')).bytes;
    writeFileSync(path.join(RESULTS_DIR, `${name}.svg`), svg);
    writeFileSync(path.join(RESULTS_DIR, `${name}.png`), png);
    const { firms } = await drawnBoxes(page);
    const like = await likeness(page, png, svg, firms);
    expect(like.mean, `${name}: whole picture`).toBeLessThan(0.006);
    for (const [id, difference] of Object.entries(like.firms)) expect(difference, `${name}: firm ${id}`).toBeLessThan(0.06);
    return { svg, png };
  }

  it('the SVG holds one shape per visible firm, one line and arrow per visible deal, and each label once', async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
    // Every kind's shape is in the shipped data: octagons (the vehicles), triangles (Apollo), round diamonds.
    expect(new Set((await graphState(page)).nodes).size).toBeGreaterThan(30);
    await expectCompleteSvg(svg, await shownLabels(page));
  });

  it('rendered to a picture, the SVG matches the PNG export: the opening view, a selected firm with its loops, a highlighted loop', async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.waitForTimeout(300);
    await expectSvgLikePng('export-opening');
    await clickElement(page, 'xai-colossus2-spv');
    await expect.poll(async () => (await graphState(page)).selected).toEqual(['xai-colossus2-spv']);
    await page.waitForTimeout(500);
    const selected = await expectSvgLikePng('export-selected');
    await expectCompleteSvg(selected.svg, await shownLabels(page));
    await page.keyboard.press('Escape');
    await page.locator('[role="tab"]#tab-loops').click();
    await page.locator('rt-app rt-cycles li[data-loop="nvidia>openai>oracle"]').click();
    await expect.poll(async () => (await graphState(page)).highlighted).toContain('oracle');
    await page.waitForTimeout(500);
    const loop = await expectSvgLikePng('export-loop');
    await expectCompleteSvg(loop.svg, await shownLabels(page));
  });

  it('an imported set: firms nobody knew (kind other, round diamonds) are in the SVG as on screen', async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const csv = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle,status\nx1,Nvidia,Acme Compute,investment,1B,committed,2026-01,Stake,https://example.com/1,One,reported\nx2,Acme Compute,Nvidia,purchase,,,2026-02,Chips,https://example.com/2,Two,reported\nx3,Apollo,Acme Compute,loan,2B,committed,2026-03,Loan,https://example.com/3,Three,reported\n';
    await page.locator('rt-app input#open-files').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(async () => (await graphState(page)).nodes, { timeout: 15_000 }).toEqual(['acme-compute', 'apollo', 'nvidia']);
    await page.waitForTimeout(500);
    const { svg } = await expectSvgLikePng('export-imported');
    await expectCompleteSvg(svg, await shownLabels(page));
  });

  it('with "Amounts on every arrow", every visible deal carries its amount in the SVG and the PNG', async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const plainPng = (await exportFile(page, 'png')).bytes;
    const onScreen = await shownLabels(page);
    await openExportMenu(page);
    await page.locator('rt-app input[data-export-amounts]').check();
    const { svg, png } = await expectSvgLikePng('export-amounts');
    const amounts = await page.evaluate(() => {
      const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
      return Object.fromEntries(cy.edges(':visible').map((e) => [e.id(), e.data('amount') as string]));
    });
    const groups = svgGroups(svg);
    expect(groups.deals.size).toBe(Object.keys(amounts).length);
    for (const [id, group] of groups.deals) expect(childrenOfClass(group, 'label').map((t) => t.textContent), id).toEqual([amounts[id]]);
    expect(Object.values(amounts)).toContain('$300B');
    // The PNG gained the labels too, and the screen kept its own.
    expect(png.equals(plainPng)).toBe(false);
    expect(await shownLabels(page)).toEqual(onScreen);
    expect(Object.keys(onScreen).filter((id) => id in amounts).length).toBeLessThan(Object.keys(amounts).length);
    await openExportMenu(page);
    await page.locator('rt-app input[data-export-amounts]').uncheck();
    expect((await exportFile(page, 'png')).bytes.equals(plainPng)).toBe(true);
  });

  it('a caption (a story step) is written under the picture as plain text, wrapped, in the SVG and the PNG', async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    // A story of the view shown, its step not yet captioned: the picture has no caption.
    await page.locator('rt-header summary', { hasText: 'Stories' }).click();
    await page.locator('rt-header [data-story-new]').click();
    await expect.poll(() => page.locator('rt-story [data-step-editor]').count()).toBe(1);
    await page.waitForTimeout(500);
    const plain = (await exportFile(page, 'svg')).bytes.toString('utf8');
    const before = svgGroups(plain);
    const caption = 'Nvidia invests in OpenAI and OpenAI buys Nvidia chips; <b>the money</b> & the chips go round & round, through Oracle and CoreWeave, and back to Nvidia within eighteen months of the first deal.';
    await page.locator('rt-story [data-field="caption"]').fill(caption);
    await page.locator('rt-story [data-field="caption"]').blur();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('story')?.startsWith('~'))).toBe(true);
    const { svg } = await expectSvgLikePng('export-caption');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(byTag(doc, 'b')).toHaveLength(0);
    const lines = byTag(doc, 'text').filter((t) => t.getAttribute('class') === 'caption').map((t) => t.textContent ?? '');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(caption);
    expect(svgGroups(svg).texts.length).toBe(before.texts.length + lines.length);
    const height = (text: string) => Number(/<svg[^>]* height="(\d+)"/.exec(text)?.[1]);
    expect(height(svg)).toBeGreaterThanOrEqual(height(plain) + lines.length * 14);
  });
});

/** Whether a text is well-formed XML (xmldom, which the GraphML and GEXF parsers use too). */
function wellFormed(text: string): boolean {
  let ok = true;
  new DOMParser({ errorHandler: { error: () => (ok = false), fatalError: () => (ok = false) } }).parseFromString(text, 'image/svg+xml');
  return ok;
}
