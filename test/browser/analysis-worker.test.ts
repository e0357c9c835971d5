import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp } from './app-page.js';
import { useAppSession } from './session.js';
import type { DataSet, Deal, Entity } from '../../src/data/types.js';
import { Deriver } from '../../src/state/derive.js';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.js';
import { ANALYSED_IN_WORKER_ABOVE } from '../../src/view/analysis-client.js';

let page: Page;

useAppSession({ open: false }, (session) => {
  ({ page } = session);
});

/** A network large enough to be analysed in the worker: deals around rings of firms, so it has loops. */
function largeSet(): DataSet {
  const firms = 400;
  const entities: Entity[] = Array.from({ length: firms }, (_, i) => ({ id: `f${i}`, name: `Firm ${i}`, kind: 'other' }));
  const types = ['investment', 'purchase', 'loan'] as const;
  const deals: Deal[] = [];
  for (let i = 0; deals.length <= ANALYSED_IN_WORKER_ABOVE; i++) {
    const from = i % firms;
    const to = (from + 1 + (Math.floor(i / firms) % 7) * 13) % firms;
    deals.push({
      id: `d${i}`,
      from: `f${from}`,
      to: `f${to}`,
      type: types[i % 3]!,
      amountUsd: (1 + (i % 97)) * 1_000_000,
      amountBasis: 'committed',
      date: `2025-${String(1 + (i % 12)).padStart(2, '0')}`,
      status: 'reported',
      title: `Deal ${i}`,
      sources: [{ url: `https://example.com/${i}`, title: `Source ${i}` }],
    } as Deal);
  }
  return { entities, deals };
}

/** The toolbar's summary ("… firms · … deals · … loops …"). */
const summary = (p: Page): Promise<string> => p.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-toolbar')!.shadowRoot!.querySelector('.status')!.textContent ?? '');

/** Serves `data` as the shipped set; `dealsBody` replaces deals.json's text. */
async function serveShipped(p: Page, data: DataSet, dealsBody = JSON.stringify({ deals: data.deals })): Promise<void> {
  await p.route('**/data/entities.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ entities: data.entities }) }));
  await p.route('**/data/deals.json', (route) => route.fulfill({ contentType: 'application/json', body: dealsBody }));
}

describe('the analysis worker', () => {
  it("works out a large set's first view and each filter change's loops and measures in the worker, as the page would", async () => {
    const data = largeSet();
    await serveShipped(page, data);
    // What the page asks the analysis worker and what it hears back.
    await page.addInitScript(() => {
      const seen = { requests: [] as string[], replies: [] as string[] };
      (window as unknown as { analysisSeen: typeof seen }).analysisSeen = seen;
      const RealWorker = window.Worker;
      window.Worker = class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (!String(url).includes('analysis-worker')) return;
          this.addEventListener('message', (e: MessageEvent<{ kind: string }>) => seen.replies.push(e.data.kind));
          const post = this.postMessage.bind(this) as (message: unknown, options?: StructuredSerializeOptions) => void;
          this.postMessage = ((message: { kind: string }, options?: StructuredSerializeOptions) => {
            seen.requests.push(message.kind);
            post(message, options);
          }) as Worker['postMessage'];
        }
      };
    });
    await openApp(page, inject('baseUrl'));
    const seen = () => page.evaluate(() => (window as unknown as { analysisSeen: { requests: string[]; replies: string[] } }).analysisSeen);
    const deriver = new Deriver(data);
    const expected = (types: string[] | null): string => {
      const loops = deriver.derive({ ...DEFAULT_VIEW_STATE, types: types as never }).loops;
      return `${loops.count}${loops.truncated ? '+' : ''} loops`;
    };
    await expect.poll(() => summary(page), { timeout: 60_000 }).toContain(expected(null));
    // The worker read and checked the files (the page never read them, nor copied the set to it). The first picture of the
    // whole network is drawn from measures worked out on the page; its loops are asked of the worker
    // once it is on screen.
    expect((await seen()).requests).toEqual(['load', 'view']);
    // Every deal came back from the worker, in its parts.
    expect(await summary(page)).toContain(`${data.deals.length.toLocaleString('en-US')} deals`);
    expect((await seen()).replies).toContain('view');

    // A filter change: asked of the worker, shown once it answers, with the loops the page would find.
    const types = ['purchase', 'loan'];
    await page.evaluate((t) => document.querySelector('rt-app')!.viewStore.update({ types: t as never }, 'replace'), types);
    await expect.poll(() => summary(page), { timeout: 60_000 }).toContain(expected(types));
    expect((await seen()).requests).toEqual(['load', 'view', 'view']);
    expect((await seen()).replies.at(-1)).toBe('view');
    // The deals the filter hides are hidden in the picture.
    const hidden = await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.edges().filter((e) => e.data('type') === 'investment' && e.visible()).length);
    expect(hidden).toBe(0);
  });

  it("reads and checks a large shipped set in the worker: a bad deal is named by file, record and field, and nothing is drawn", async () => {
    const data = largeSet();
    const bad = data.deals.map((d, i) => (i === 4321 ? { ...d, amountUsd: -5 } : d));
    await serveShipped(page, data, JSON.stringify({ deals: bad }));
    await page.goto(inject('baseUrl'));
    const banner = page.locator('rt-app [role="alert"]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.innerText()).toContain('deals.json, deals[4321] "d4321", amountUsd:');
    expect(await page.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')?.cy?.nodes().length ?? 0)).toBe(0);
  });

  it('reads and checks a large shipped set on the page where workers cannot run, with the same result', async () => {
    const data = largeSet();
    const bad = data.deals.map((d, i) => (i === 4321 ? { ...d, date: '2025-13' } : d));
    await serveShipped(page, data, JSON.stringify({ deals: bad }));
    await page.addInitScript(() => {
      (window as unknown as { Worker: undefined }).Worker = undefined;
    });
    await page.goto(inject('baseUrl'));
    const banner = page.locator('rt-app [role="alert"]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.innerText()).toContain('deals.json, deals[4321] "d4321", date:');
  });
});
