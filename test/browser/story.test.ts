/**
 * Stories in Chromium: the shipped story from the first screen, played with the buttons and the
 * arrow keys; a story built from views, saved as a file and carried in a link, each opening the
 * same steps again; bad stories refused with what is wrong; and the embedded view in another
 * site's frame under the server's policy.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { graphState, openApp } from './app-page.js';
import { collectPageErrors, screenshot } from './chromium.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];
let context: BrowserContext;

useAppSession({ open: false, permissions: ['clipboard-read', 'clipboard-write'] }, (session) => {
  ({ page, errors, context } = session);
});

const story = (p: Page) => p.locator('rt-story section[data-story]');
const stepCount = (p: Page) => p.locator('rt-story [data-step-count]').innerText();
const caption = (p: Page) => p.locator('rt-story [data-caption]').innerText();
const query = (p: Page) => p.evaluate(() => new URLSearchParams(location.search));
const param = async (p: Page, name: string) => p.evaluate((n) => new URLSearchParams(location.search).get(n), name);

async function zoom(p: Page): Promise<number> {
  return p.evaluate(() => document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!.zoom());
}

describe('stories', () => {
  it('the shipped story opens from the first screen and plays with Next, Previous and the arrow keys, the link following', async () => {
    await openApp(page, inject('baseUrl'));
    await page.locator('rt-header summary', { hasText: 'Stories' }).click();
    await page.locator('rt-header [data-story-play="five-loops"]').click();
    await expect.poll(() => stepCount(page)).toBe('Step 1 of 7');
    expect(await page.locator('rt-story [data-story-name]').innerText()).toBe('How the money goes round: five loops');
    expect(await param(page, 'story')).toBe('five-loops');

    const before = await zoom(page);
    await page.locator('rt-story [data-next]').click();
    await expect.poll(() => stepCount(page)).toBe('Step 2 of 7');
    expect(await param(page, 'loop')).toBe('nvidia>openai>oracle');
    expect(await caption(page)).toMatch(/^Nvidia invested \$30B in OpenAI/);
    await expect.poll(async () => (await graphState(page)).highlighted).toEqual(expect.arrayContaining(['nvidia', 'openai', 'oracle']));
    // The view moves to the loop (gliding there): it ends zoomed in on three firms.
    await expect.poll(() => zoom(page), { timeout: 5000 }).toBeGreaterThan(before * 1.2);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepCount(page)).toBe('Step 3 of 7');
    expect(await param(page, 'loop')).toBe('amd>openai');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stepCount(page)).toBe('Step 2 of 7');
    // Back in the browser's history is the step before.
    await page.locator('rt-story [data-next]').click();
    await expect.poll(() => stepCount(page)).toBe('Step 3 of 7');
    await page.goBack();
    await expect.poll(() => stepCount(page)).toBe('Step 2 of 7');

    // The link opens the same step of the same story.
    const other = await context.newPage();
    errors.push(...collectPageErrors(other));
    await openApp(other, page.url(), '');
    await expect.poll(() => stepCount(other)).toBe('Step 2 of 7');
    expect(await caption(other)).toBe(await caption(page));
    expect((await graphState(other)).highlighted).toEqual((await graphState(page)).highlighted);
    await other.close();

    // A link naming only the story and its step (typed, or shortened by hand) shows that step's view.
    const bare = await context.newPage();
    errors.push(...collectPageErrors(bare));
    await openApp(bare, inject('baseUrl'), '?story=five-loops&step=2');
    await expect.poll(() => param(bare, 'loop')).toBe('nvidia>openai>oracle');
    expect(await stepCount(bare)).toBe('Step 2 of 7');
    await expect.poll(async () => (await graphState(bare)).highlighted).toEqual((await graphState(page)).highlighted);
    await bare.close();

    // The last step is the scenario; Next stops there.
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepCount(page)).toBe('Step 7 of 7');
    expect(await param(page, 'shock')).toBe('openai:0.5');
    expect(await page.locator('rt-story [data-next]').isDisabled()).toBe(true);
    await screenshot(page, 'story-last-step');
    await page.locator('rt-story [data-close]').click();
    await expect.poll(() => story(page).count()).toBe(0);
    expect(await param(page, 'story')).toBeNull();
    expect(await param(page, 'shock')).toBe('openai:0.5');
  });

  it('a story built from views travels as a file and in a link, and both open the same steps', async () => {
    await openApp(page, inject('baseUrl'));
    await page.locator('rt-header summary', { hasText: 'Stories' }).click();
    await page.locator('rt-header [data-story-new]').click();
    await expect.poll(() => stepCount(page)).toBe('Step 1 of 1');
    await page.locator('rt-story [data-story-title]').fill('Chips for shares');
    await page.locator('rt-story [data-story-title]').press('Enter');
    await page.locator('rt-story [data-story-title]').blur();
    await page.locator('rt-story [data-step-editor] [data-field="caption"]').first().fill('The whole network.\nEvery arrow is a deal.');
    await page.locator('rt-story [data-step-editor] [data-field="caption"]').first().blur();

    // A second step: the AMD loop, picked in the loops tab.
    await page.locator('[role="tab"]#tab-loops').click();
    await page.locator('rt-cycles li[data-loop="amd>openai"]').click();
    await expect.poll(() => param(page, 'loop')).toBe('amd>openai');
    await page.locator('rt-story [data-add]').click();
    await expect.poll(() => stepCount(page)).toBe('Step 2 of 2');
    // The step shown is edited in full, the others are a line each.
    expect(await page.locator('rt-story [data-step-row]').count()).toBe(1);
    const second = page.locator('rt-story [data-step-editor]');
    expect(await second.count()).toBe(1);
    await second.locator('[data-field="title"]').fill('AMD pays in shares <b>for</b> a customer');
    await second.locator('[data-field="title"]').blur();
    await second.locator('[data-field="caption"]').fill('<img src=x onerror=alert(1)> Warrants for chips.');
    await second.locator('[data-field="caption"]').blur();
    await expect.poll(async () => (await param(page, 'story'))?.startsWith('~')).toBe(true);
    await page.locator('rt-story [data-edit]').click();
    // Captions are text, not HTML.
    await expect.poll(() => caption(page)).toBe('<img src=x onerror=alert(1)> Warrants for chips.');
    expect(await page.locator('rt-story img').count()).toBe(0);

    // The file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('rt-story [data-save]').click()]);
    expect(download.suggestedFilename()).toBe('chips-for-shares.story.json');
    const text = readFileSync(await download.path(), 'utf8');
    const doc = JSON.parse(text) as { title: string; steps: Array<{ title: string; caption: string; view: string }> };
    expect(doc.title).toBe('Chips for shares');
    expect(doc.steps.map((s) => s.title)).toEqual(['The view', 'AMD pays in shares <b>for</b> a customer']);
    expect(doc.steps[0]?.caption).toBe('The whole network.\nEvery arrow is a deal.');
    expect(doc.steps[1]?.view).toContain('loop=amd>openai');

    // The link.
    const link = page.url();
    const fromLink = await context.newPage();
    errors.push(...collectPageErrors(fromLink));
    await openApp(fromLink, link, '');
    await expect.poll(() => stepCount(fromLink)).toBe('Step 2 of 2');
    expect(await fromLink.locator('rt-story [data-story-name]').innerText()).toBe('Chips for shares');
    expect(await param(fromLink, 'loop')).toBe('amd>openai');
    await fromLink.locator('rt-story [data-previous]').click();
    await expect.poll(() => caption(fromLink)).toBe('The whole network.\nEvery arrow is a deal.');
    expect(await param(fromLink, 'loop')).toBeNull();
    await fromLink.close();

    // The file, opened in a fresh app with Open….
    const fresh = await context.newPage();
    errors.push(...collectPageErrors(fresh));
    await openApp(fresh, inject('baseUrl'));
    await fresh.locator('rt-app input#open-files').setInputFiles({ name: 'chips-for-shares.story.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => stepCount(fresh)).toBe('Step 1 of 2');
    await fresh.keyboard.press('ArrowRight');
    await expect.poll(() => param(fresh, 'loop')).toBe('amd>openai');
    expect(await fresh.locator('rt-story [data-step-title]').innerText()).toBe('AMD pays in shares <b>for</b> a customer');
    await fresh.close();
  });

  it('a bad story file or a tampered story link is refused with what is wrong, and the app keeps working', async () => {
    await openApp(page, inject('baseUrl'));
    const bad = JSON.stringify({ title: 'Bad', steps: [{ title: 'One', caption: 'fine', view: 'loop=amd>openai' }, { title: 'Two', caption: 'x', view: 'min=lots' }] });
    await page.locator('rt-app input#open-files').setInputFiles({ name: 'bad.story.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const alert = page.locator('rt-story section[role="alert"]');
    await expect.poll(() => alert.innerText()).toContain('bad.story.json, steps[1] "Two", view: min');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => alert.count()).toBe(0);

    // A story made with other data: the bar says so, and a step naming a firm this data lacks is
    // shown without it, with the same notice a link gets.
    const other = JSON.stringify({ title: 'Mine', data: 'mine-1a2b3c4d', steps: [{ title: 'One', caption: '', view: '' }, { title: 'Two', caption: '', view: 'firm=acme-robotics' }] });
    await page.locator('rt-app input#open-files').setInputFiles({ name: 'mine.story.json', mimeType: 'application/json', buffer: Buffer.from(other) });
    await expect.poll(() => stepCount(page)).toBe('Step 1 of 2');
    expect(await page.locator('rt-story [data-story-note]').innerText()).toContain('made with an imported data set (mine-1a2b3c4d) and the shipped data is shown');
    await page.locator('rt-story [data-next]').click();
    await expect.poll(() => page.locator('rt-app section.notice').innerText()).toContain('acme-robotics');
    expect(await param(page, 'firm')).toBeNull();
    expect(await stepCount(page)).toBe('Step 2 of 2');

    await openApp(page, inject('baseUrl'), '?firm=nvidia&story=~AAAAtampered');
    await expect.poll(() => page.locator('rt-story section[role="alert"]').innerText()).toContain("the link's story");
    expect(await param(page, 'story')).toBeNull();
    expect(await param(page, 'firm')).toBe('nvidia');
    await openApp(page, inject('baseUrl'), '?story=no-such-story');
    await expect.poll(() => page.locator('rt-story section[role="alert"]').innerText()).toContain('no-such-story.story.json: no story of that name is shipped');
    expect((await graphState(page)).nodes.length).toBeGreaterThan(20);
  });
});

describe('the embedded view', () => {
  it('shows the graph, the caption and the way to the full app inside another site\'s frame, with no policy violation', async () => {
    const target = `${inject('baseUrl')}?story=five-loops&step=3&loop=amd%3Eopenai&embed=1`;
    const blocked = `${inject('baseUrl')}?loop=amd%3Eopenai`;
    // Another site's page (another origin: a server on another port) with two frames: the embedded
    // view, and the full app (which may not be framed).
    const newsroom = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>Article</title><p>Article text</p><iframe id="embed" src="${target}" width="900" height="560"></iframe><iframe id="full" src="${blocked}" width="400" height="300"></iframe>`);
    });
    await new Promise<void>((resolve) => newsroom.listen(0, '127.0.0.1', resolve));
    const address = newsroom.address() as AddressInfo;
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(`http://127.0.0.1:${address.port}/article`);
    const frame = page.frameLocator('#embed');
    await expect.poll(() => frame.locator('rt-story [data-caption]').innerText(), { timeout: 30_000 }).toMatch(/^AMD granted OpenAI warrants/);
    const embedded = page.frames().find((f) => f.url().includes('embed=1'))!;
    await embedded.waitForFunction(() => performance.getEntriesByName('roundtrip:graph-drawn').length > 0, null, { timeout: 30_000 });
    const shown = await embedded.evaluate(() => {
      const app = document.querySelector('rt-app')!.shadowRoot!;
      const cy = app.querySelector('rt-graph')!.cy!;
      const box = app.querySelector('rt-graph')!.getBoundingClientRect();
      return {
        header: app.querySelectorAll('rt-header, rt-filters, rt-panels, rt-timeline').length,
        highlighted: cy.$('.highlighted').map((e) => e.id()).sort(),
        graph: { width: box.width, height: box.height },
        open: app.querySelector('rt-embedded')!.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-open-full]')!.href,
        editing: app.querySelector('rt-story')!.shadowRoot!.querySelectorAll('[data-edit], [data-save]').length,
      };
    });
    expect(await embedded.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(shown.header).toBe(0);
    expect(shown.editing).toBe(0);
    expect(shown.highlighted).toEqual(expect.arrayContaining(['amd', 'openai']));
    expect(shown.graph.width).toBeGreaterThan(850);
    expect(shown.graph.height).toBeGreaterThan(300);
    expect(shown.open).not.toContain('embed=');
    expect(shown.open).toContain('story=five-loops');
    // The full app refused to be framed by another site.
    expect(page.frames().some((f) => f.url() === blocked)).toBe(false);
    expect(errors.some((e) => e.includes(`Framing '${inject('baseUrl')}' violates the following Content Security Policy directive: "frame-ancestors 'self'"`))).toBe(true);
    await screenshot(page, 'embedded-view');
    // Chromium reports the refused frame as a console error; that refusal is the point of the test.
    errors.splice(0, errors.length, ...errors.filter((e) => !/frame-ancestors/.test(e)));
    newsroom.close();
  });

  it('Copy embed code gives an iframe of the same view, embedded', async () => {
    await openApp(page, inject('baseUrl'), '?firm=nvidia');
    await page.locator('rt-header summary', { hasText: 'Share' }).click();
    await page.locator('rt-header [data-embed-code]').click();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?firm=nvidia&amp;embed=1" title="Roundtrip: circular financing in the AI boom" /);
    const src = /src="([^"]*)"/.exec(code)![1]!.replace(/&amp;/g, '&');
    await openApp(page, src, '');
    expect(await page.locator('rt-app main.embedded').count()).toBe(1);
    expect(await param(page, 'firm')).toBe('nvidia');
    // Outside a story, an embedded loop is captioned by its sentence.
    await openApp(page, inject('baseUrl'), '?loop=amd>openai&embed=1');
    await expect.poll(() => page.locator('rt-app main.embedded [data-caption]').innerText()).toBe(
      'AMD granted OpenAI warrants worth an undisclosed amount (Oct 2025, confirmed); OpenAI is buying an undisclosed amount of AMD chips (Oct 2025, confirmed).',
    );
  });
});
