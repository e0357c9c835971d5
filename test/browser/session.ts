/**
 * The usual set-up of a browser test file: one Chromium for the file, a fresh context and page for
 * each test (optionally with the app opened), and no console error allowed by the end of a test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { openApp } from './app-page.js';
import { collectPageErrors, launchChromium } from './chromium.js';

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions; push other pages' here to check them too. */
  errors: string[];
}

export interface SessionOptions {
  /** Open the app before each test (default true). */
  open?: boolean;
  viewport?: { width: number; height: number };
  permissions?: string[];
}

/** Registers the hooks; `use` receives the session before each test. */
export function useAppSession(options: SessionOptions, use: (session: Session) => void): void {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true });
    if (options.permissions) await context.grantPermissions(options.permissions, { origin: new URL(inject('baseUrl')).origin });
    const page = await context.newPage();
    errors = collectPageErrors(page);
    use({ browser, context, page, errors });
    if (options.open ?? true) await openApp(page, inject('baseUrl'));
  });

  afterEach(async () => {
    expect(errors).toEqual([]);
    await context?.close();
  });
}
