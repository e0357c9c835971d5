import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphState, openApp } from './app-page.js';
import { collectPageErrors, screenshot } from './chromium.js';
import { useAppSession } from './session.js';
import { DRAWING_LIMITS } from '../../src/model/drawing-budget.js';
import { DEALS_PER_MESSAGE } from '../../src/view/import-client.js';

let browser: Browser;
let page: Page;
let errors: string[];

useAppSession({  }, (session) => {
  ({ browser, page, errors } = session);
});

const CSV = [
  '\uFEFFid;from;to;type;amountUsd;amountBasis;date;title;sourceUrl;sourceTitle;status',
  'x1;Nvidia;Acme Cloud;investment;"2,000,000,000";committed;2026-03;Stake;https://example.com/1;One;reported',
  'x2;Acme Cloud;Nvidia;purchase;$5B;up-to;2026-04;"GPUs; many";https://example.com/2;Two;reported',
].join('\r\n');

async function drawnCount(p: Page): Promise<number> {
  return p.evaluate(() => performance.getEntriesByName('roundtrip:graph-drawn').length);
}

describe('importing data', () => {
  it('a data set with a firm called constructor draws, lists its loop and runs a scenario, with no page error', async () => {
    const entities = { entities: ['constructor', 'valueof', 'tostring'].map((id) => ({ id, name: id.toUpperCase(), kind: 'other' })) };
    const source = [{ url: 'https://example.com/x', title: 'X' }];
    const deals = {
      deals: [
        { id: 'c-v', from: 'constructor', to: 'valueof', type: 'loan', amountUsd: 10, amountBasis: 'committed', date: '2026-01', status: 'reported', title: 'Loan', sources: source },
        { id: 'v-c', from: 'valueof', to: 'constructor', type: 'purchase', amountUsd: 5, amountBasis: 'committed', date: '2026-02', status: 'reported', title: 'Buy', sources: source },
        { id: 't-c', from: 'tostring', to: 'constructor', type: 'investment', amountUsd: 7, amountBasis: 'committed', date: '2026-03', status: 'reported', title: 'Stake', sources: source },
      ],
    };
    const before = await drawnCount(page);
    await page.locator('rt-app input#open-files').setInputFiles([
      { name: 'entities.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(entities)) },
      { name: 'deals.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deals)) },
    ]);
    await page.waitForFunction((n) => performance.getEntriesByName('roundtrip:graph-drawn').length > n, before, { timeout: 30_000 });
    expect((await graphState(page)).nodes).toEqual(['constructor', 'tostring', 'valueof']);
    const positions = await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.nodes().map((n) => n.position()));
    for (const p of positions) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    await page.locator('[role="tab"]#tab-loops').click();
    await expect.poll(() => page.locator('rt-cycles li[data-loop="constructor>valueof"]').count()).toBe(1);
    await page.locator('#tab-scenario').click();
    await page.locator('rt-scenario select[aria-label="Firm to shock"]').selectOption('constructor');
    await page.locator('rt-scenario button', { hasText: 'Hit it' }).click();
    await expect.poll(() => page.locator('rt-scenario tr[data-firm="constructor"]').count()).toBe(1);
    await expect(page.locator('rt-scenario').innerText()).resolves.not.toContain('NaN');
    expect(errors).toEqual([]);
  });

  it('a deals CSV picked in the file dialog replaces the graph, is named in the header, and can be reset', async () => {
    const before = await drawnCount(page);
    const headerHeight = () => page.locator('rt-app header').evaluate((el) => Math.round(el.getBoundingClientRect().height));
    const shippedHeader = await headerHeight();
    await page.locator('rt-app input#open-files').setInputFiles({ name: 'my-deals.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.waitForFunction((n) => performance.getEntriesByName('roundtrip:graph-drawn').length > n, before, { timeout: 30_000 });
    const state = await graphState(page);
    expect(state.nodes).toEqual(['acme-cloud', 'nvidia']);
    expect(state.visibleEdges).toEqual(['x1', 'x2']);
    await expect(page.locator('rt-app [data-imported]').innerText()).resolves.toContain('Data: my-deals.csv');
    // The header does not wrap onto another row for the name of the imported set.
    expect(await headerHeight()).toBeLessThanOrEqual(shippedHeader);
    await expect(page.getByRole('status', { name: 'Notes on the imported files' }).innerText()).resolves.toContain('"Acme Cloud" is not a known firm; added as "acme-cloud" (kind other)');
    expect(await page.evaluate(() => location.search)).toMatch(/^\?data=[a-z0-9]+-[0-9a-f]{8}$/);
    await page.locator('[role="tab"]#tab-loops').click();
    await expect(page.locator('rt-cycles .count').getAttribute('data-count')).resolves.toBe('1');
    // The timeline is the imported set's: one loop, $7B on it ($2B + $5B), not the shipped data's quarters.
    await expect.poll(() => page.locator('rt-timeline small').first().innerText()).toBe('bars: loops (max 1) · line: money on loops (max $7B)');
    await screenshot(page, 'imported-csv');

    // A link to the imported view, opened where the data is missing, says the data set differs.
    const link = await page.evaluate(() => location.href);
    const other = await browser.newPage();
    errors.push(...collectPageErrors(other));
    await openApp(other, link, '');
    await expect(other.getByRole('alert', { name: 'Parts of the link were ignored' }).innerText()).resolves.toContain('this link was made with an imported data set');
    await other.close();

    const drawn = await drawnCount(page);
    await page.getByRole('button', { name: 'Back to the shipped data' }).click();
    await page.waitForFunction((n) => performance.getEntriesByName('roundtrip:graph-drawn').length > n, drawn, { timeout: 30_000 });
    expect((await graphState(page)).nodes.length).toBeGreaterThan(20);
    expect(await page.locator('rt-app [data-imported]').count()).toBe(0);
  });

  it('an invalid file names the row and field of each problem and leaves the data shown as it was', async () => {
    const nodes = (await graphState(page)).nodes;
    // One bad row, and one that would only have earned a note (a firm nobody knows).
    const bad = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle\nb1,nvidia,openai,gift,ten,committed,2026-13,T,https://example.com,S\nb2,Nobody Inc,openai,investment,1B,committed,2026-01,T,https://example.com,S\n';
    const search = await page.evaluate(() => location.search);
    await page.locator('rt-app input#open-files').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const banner = page.getByRole('alert', { name: 'The files could not be loaded' });
    const text = await banner.innerText();
    expect(text).toContain('bad.csv, row 2 "b1", amountUsd: "ten" is not an amount');
    expect(text).toContain('bad.csv, row 2 "b1", type: "gift" is not a known deal type');
    expect(text).toContain('bad.csv, row 2 "b1", date: is not a valid date');
    expect((await graphState(page)).nodes).toEqual(nodes);
    // Nothing was loaded: no "Loaded, with notes" beside it, and the link still names the data shown.
    await expect(page.getByRole('status', { name: 'Notes on the imported files' }).count()).resolves.toBe(0);
    expect(await page.evaluate(() => location.search)).toBe(search);
    await expect(page.locator('rt-app [data-imported]').count()).resolves.toBe(0);
    await screenshot(page, 'import-problems');
  });

  it('a network too large to draw whole comes from the worker in parts, draws its largest deals and says so; the analysis covers every deal', async () => {
    // 12,000 deals among 40 firms, deal i of (i + 1) million dollars: the largest are the last.
    const firms = 40;
    const count = 12_000;
    const rows = ['id;from;to;type;amountUsd;amountBasis;date;title;sourceUrl;sourceTitle;status'];
    for (let i = 0; i < count; i++) {
      const from = i % firms;
      const to = (from + 1 + (Math.floor(i / firms) % (firms - 1))) % firms;
      rows.push(`big${i};Firm ${from};Firm ${to};purchase;${(i + 1) * 1_000_000};committed;2025-${String(1 + (i % 12)).padStart(2, '0')};Deal ${i};https://example.com/${i};Source ${i};reported`);
    }
    const before = await drawnCount(page);
    // What the page sends the import worker and what it hears back: the files go out as handles
    // (File objects, read in the worker: the page never copies their bytes); the worker reports checking and analysing them, then sends the analysis and the deals in parts.
    await page.evaluate(() => {
      const RealWorker = window.Worker;
      const seen = { requests: [] as boolean[][], replies: [] as string[] };
      (window as unknown as { importSeen: typeof seen; RealWorker: typeof Worker }).importSeen = seen;
      (window as unknown as { RealWorker: typeof Worker }).RealWorker = RealWorker;
      window.Worker = class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (!String(url).includes('import-worker')) return;
          this.addEventListener('message', (e: MessageEvent<{ kind: string; progress?: { stage: string } }>) => seen.replies.push(e.data.progress ? `progress:${e.data.progress.stage}` : e.data.kind));
          const post = this.postMessage.bind(this) as (message: unknown, options?: StructuredSerializeOptions) => void;
          this.postMessage = ((message: { files: Array<{ blob: unknown }> }, options?: StructuredSerializeOptions) => {
            seen.requests.push(message.files.map((f) => f.blob instanceof File));
            post(message, options);
          }) as Worker['postMessage'];
        }
      };
    });
    try {
      await page.locator('rt-app input#open-files').setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
      await page.waitForFunction((n) => performance.getEntriesByName('roundtrip:graph-drawn').length > n, before, { timeout: 90_000 });
    } finally {
      await page.evaluate(() => {
        window.Worker = (window as unknown as { RealWorker: typeof Worker }).RealWorker;
      });
    }
    const seen = await page.evaluate(() => (window as unknown as { importSeen: { requests: boolean[][]; replies: string[] } }).importSeen);
    expect(seen.requests).toEqual([[true]]);
    const replies = [...new Set(seen.replies)];
    expect(replies).toEqual(['progress:reading', 'progress:checking', 'progress:analysing', 'loops', 'analysis', 'deals', 'done']);
    expect(seen.replies.filter((r) => r === 'deals')).toHaveLength(Math.ceil(count / DEALS_PER_MESSAGE) - 1);
    await expect(page.locator('rt-app [data-summary]').innerText()).resolves.toContain(`${count} deals`);
    // One note per new firm: folded under their count, so they do not push the picture down.
    const notes = page.getByRole('status', { name: 'Notes on the imported files' });
    await expect(notes.locator('summary').innerText()).resolves.toBe(`Loaded, with ${firms} notes`);
    expect(await notes.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(80);
    const drawn = await page.evaluate(() => {
      const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
      return { edges: cy.edges().length, nodes: cy.nodes().length, ids: cy.edges().map((e) => e.id()) };
    });
    const limit = DRAWING_LIMITS.deals;
    expect({ edges: drawn.edges, nodes: drawn.nodes }).toEqual({ edges: limit, nodes: firms });
    expect(new Set(drawn.ids)).toEqual(new Set(Array.from({ length: limit }, (_, i) => `big${count - limit + i}`)));
    await expect.poll(() => page.locator('rt-app [data-drawn-part]').count()).toBe(1);
    await expect(page.locator('rt-app [data-drawn-part]').innerText()).resolves.toBe(`drawing the ${limit.toLocaleString('en-US')} largest of 12,000 deals`);
    // A firm's loops run through deals the picture leaves out: the picture says so.
    await page.locator('rt-app input[name="firm"]').fill('Firm 0');
    await page.locator('rt-app form.search button').click();
    await expect.poll(() => page.locator('rt-graph .note.undrawn').count(), { timeout: 30_000 }).toBe(1);
    expect(Number(await page.locator('rt-graph .note.undrawn').getAttribute('data-undrawn'))).toBeGreaterThan(0);
    await screenshot(page, 'imported-large');
    expect(errors).toEqual([]);
  });

  it('an import runs off the page with a Cancel button; cancelling leaves the data shown as it was', async () => {
    const nodes = (await graphState(page)).nodes;
    // The import worker is swapped for one that never answers, so the import is surely still
    // running when Cancel is clicked (a delayed route could be bypassed by the cached script).
    // It is served from the app's origin: the page's Content-Security-Policy allows no blob: worker.
    await page.route('**/never-answering-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.evaluate(() => {
      const RealWorker = window.Worker;
      (window as unknown as { RealWorker: typeof Worker }).RealWorker = RealWorker;
      window.Worker = class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(String(url).includes('import-worker') ? 'never-answering-worker.js' : url, options);
        }
      };
    });
    try {
      await page.locator('rt-app input#open-files').setInputFiles({ name: 'slow-deals.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      const status = page.getByRole('status').filter({ hasText: 'Reading and checking slow-deals.csv' });
      await status.waitFor();
      // The page answers while the import runs.
      const started = Date.now();
      await page.evaluate(() => 1 + 1);
      expect(Date.now() - started).toBeLessThan(1000);
      await status.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('status').filter({ hasText: 'Import cancelled: the data shown stays as it was.' }).waitFor();
      expect(await status.count()).toBe(0);
      expect((await graphState(page)).nodes).toEqual(nodes);
      expect(await page.locator('rt-app [data-imported]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.evaluate(() => {
        window.Worker = (window as unknown as { RealWorker: typeof Worker }).RealWorker;
      });
    }
  });
});
