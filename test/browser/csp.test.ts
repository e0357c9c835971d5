/**
 * The explorer under the server's Content-Security-Policy: the page, its workers (layout, import)
 * and its exports work without inline script or eval, and nothing the policy blocks is attempted.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { graphState } from './app-page.js';
import { useAppSession } from './session.js';

let page: Page;

useAppSession({ open: false }, (session) => {
  ({ page } = session);
  void page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
});

const violations = (p: Page) => p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Downloads one export; resolves with its size in bytes. */
async function exportFile(p: Page, format: string): Promise<number> {
  await p.locator('rt-app details.export summary').click();
  const [download] = await Promise.all([p.waitForEvent('download'), p.locator(`rt-app [data-export="${format}"]`).click()]);
  return readFileSync(await download.path()).length;
}

describe('the Content-Security-Policy', () => {
  it('is sent with the page: no inline script, no eval, only this server', async () => {
    const response = await page.goto(inject('baseUrl'));
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
  });

  it('lets the page draw, lay out in its worker, import in its worker and export, with no violation', async () => {
    // A stale precomputed layout makes the page lay the shipped data out in its layout worker.
    await page.route('**/data/layout.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"key": "stale", "positions": {}}' }));
    await page.goto(inject('baseUrl'));
    await page.waitForFunction(() => performance.getEntriesByName('roundtrip:graph-drawn').length > 0, null, { timeout: 30_000 });
    await page.waitForFunction(() => performance.getEntriesByName('roundtrip:layout-done').length > 0, null, { timeout: 30_000 });
    expect((await graphState(page)).nodes.length).toBeGreaterThan(20);

    const csv = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle\nx1,Nvidia,OpenAI,investment,1B,committed,2026-01,Stake,https://example.com/1,One\nx2,OpenAI,Nvidia,purchase,,,2026-02,Chips,https://example.com/2,Two\n';
    await page.locator('rt-app input#open-files').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(async () => (await graphState(page)).nodes, { timeout: 15_000 }).toEqual(['nvidia', 'openai']);
    await page.waitForTimeout(300);
    for (const format of ['png', 'svg', 'graphml', 'deals']) expect(await exportFile(page, format), format).toBeGreaterThan(0);

    expect(await violations(page)).toEqual([]);
  });

  it('source maps and the CLI bundle are not served by the app server', async () => {
    const base = inject('baseUrl');
    for (const file of ['app.js.map', 'cli.mjs', 'cli.mjs.map']) {
      expect((await page.request.get(base + file)).status(), file).toBe(404);
    }
    expect((await page.request.get(base + 'app.js')).status()).toBe(200);
  });
});
