import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, beforeEach, inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium';

export const SCREENSHOT_DIR = 'test-results/e2e';

export interface Session {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
}

/**
 * A fresh browser profile at 1366×768 (a laptop screen) on the served app, with downloads allowed.
 * `locale` sets the browser's language (`navigator.languages`, Accept-Language), as a German
 * Windows would.
 */
export async function openApp(options: { readonly locale?: string } = {}): Promise<Session> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found: install Debian's chromium or set CHROME_PATH");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const page = await context.newPage();
  const baseUrl = inject('baseUrl');
  await page.goto(baseUrl);
  return { browser, context, page, baseUrl };
}

/** Keeps a screenshot of a scenario's end state under test-results/e2e (a CI artifact). */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path });
  return path;
}

export async function closeApp(session: Session | undefined): Promise<void> {
  await session?.context.close();
  await session?.browser.close();
}

/**
 * A fresh browser on the app for every test of the calling file: registers the hooks and returns
 * a getter for the current session.
 */
export function appPerTest(options: { readonly locale?: string } = {}): () => Session {
  let session: Session | undefined;
  beforeEach(async () => {
    session = await openApp(options);
  });
  afterEach(async () => {
    await closeApp(session);
    session = undefined;
  });
  return () => {
    if (!session) throw new Error('no browser session: call inside a test');
    return session;
  };
}
