import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { loopWordsIn } from '../../src/analysis/loop-words.js';
import { loopsThrough } from '../../src/analysis/loops.js';
import { DEFAULT_FLOWS } from '../../src/data/types.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { shippedGraph } from '../fixtures/shipped.js';
import { openApp } from './app-page.js';
import { useAppSession } from './session.js';

let page: Page;
let errors: string[];

useAppSession({ open: false, permissions: ['clipboard-read', 'clipboard-write'] }, (session) => {
  ({ page, errors } = session);
});

// The explorer opens on the money that moves.
const graph = filterFirmGraph(shippedGraph(), { flows: DEFAULT_FLOWS });
const loopId = 'nvidia>openai>oracle';

describe('a loop told in words', () => {
  it('the chosen loop reads as a sentence in its details and in the loops list; Copy puts it on the clipboard', async () => {
    const loop = loopsThrough(graph, 'nvidia').loops.find((l) => l.id === loopId)!;
    const words = loopWordsIn(graph)(loop);
    expect(words).toMatch(/^Nvidia invested \$30B in OpenAI/);
    await openApp(page, inject('baseUrl'), `?loop=${loopId}`);
    await expect(page.locator('rt-inspector [data-words]').innerText()).resolves.toBe(words);
    await page.locator('rt-inspector button.copy-words').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(words);
    await page.locator('[role="tab"]#tab-loops').click();
    await expect(page.locator(`rt-cycles li[data-loop="${loopId}"] [data-words]`).innerText()).resolves.toBe(words);
    // Only the chosen loop carries its sentence in the list.
    expect(await page.locator('rt-cycles [data-words]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
