/**
 * Issue 15 in a real browser, under the app's Content-Security-Policy: whatever is stored, the app
 * starts with a banner and a download of the stored text (never a blank page); copies do not pile
 * up across reloads; two tabs never lose an edit; no CSP violation anywhere.
 */
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { keepScreenshot } from './support/browser';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
/** The autosave: a link whose source has a hostile toString (it used to blank the page). */
const HOSTILE =
  '{"format":"cm-port-planner","version":2,"links":[{"id":"x","source":{"toString":null},"target":"site"}]}';

let browser: Browser | undefined;
let context: BrowserContext | undefined;
/** CSP violations and page errors from every page of the test. */
let problems: string[] = [];

beforeEach(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found: install Debian's chromium or set CHROME_PATH");
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  problems = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
});

afterEach(async () => {
  await context?.close();
  await browser?.close();
  // Every scenario runs under the policy: not one violation, not one uncaught error.
  expect(problems).toEqual([]);
});

async function openPage(): Promise<Page> {
  if (!context) throw new Error('no browser context');
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /CSP violation|Content Security Policy/.test(m.text()))
      problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(inject('baseUrl'));
  return page;
}

/** Stores `text` as the autosave and reloads, as a user with that autosave would open the app. */
async function reloadWith(page: Page, text: string): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [AUTOSAVE_KEY, text] as const);
  await page.reload();
}

const storedKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('cm-port-planner/'))
      .sort(),
  );

async function download(page: Page, button: ReturnType<Page['getByRole']>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync(await file.path(), 'utf8');
}

describe('boot never blanks', () => {
  it('starts the issue’s hostile autosave with a banner and a download of the text as stored', async () => {
    const page = await openPage();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'self'; script-src 'self';/);
    await reloadWith(page, HOSTILE);
    await page.locator('.app').waitFor();
    const kept = page.getByRole('region', { name: 'Kept copies' });
    await kept.waitFor();
    expect(await kept.textContent()).toMatch(/The autosave before it was repaired/);
    expect(await page.getByText(/problems?; (it was|they were) repaired/).count()).toBeGreaterThan(0);
    expect(await download(page, kept.getByRole('button', { name: /Download/ }))).toBe(HOSTILE);
    await keepScreenshot(page, 'r1-hostile-autosave');
  });

  it('starts an unreadable autosave, keeps one copy however often it reloads, and offers it', async () => {
    const page = await openPage();
    await reloadWith(page, '{bad');
    await page.reload();
    await page.reload();
    const kept = page.getByRole('region', { name: 'Kept copies' });
    await kept.waitFor();
    expect(await page.getByText(/The autosaved diagram could not be read/).count()).toBe(1);
    const copies = (await storedKeys(page)).filter((k) => k.includes('autosave-corrupt-'));
    expect(copies).toHaveLength(1);
    expect(await download(page, kept.getByRole('button', { name: /Download/ }))).toBe('{bad');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(0);
  });
});

describe('two tabs never lose an edit', () => {
  // Zones are React Flow nodes too: count hosts, as the stored copies do.
  const hostsIn = (page: Page) => page.locator('.react-flow__node-host').count();
  const hostNames = (page: Page) =>
    page
      .locator('.react-flow__node-host .host-node__name')
      .allTextContents()
      .then((names) => names.sort());
  const storedHosts = (page: Page) =>
    page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').hosts?.length, AUTOSAVE_KEY);

  it('merges both tabs’ edits into one diagram, saved once, with undo taking back only the tab’s own', async () => {
    const a = await openPage();
    await a.locator('.react-flow__node-host').first().waitFor();
    const start = await hostsIn(a);
    await a.getByRole('textbox', { name: 'Diagram name' }).fill('Renamed in A');
    await a.getByRole('textbox', { name: 'Diagram name' }).press('Enter');
    // B opens on A's diagram, even though A's last edit may not be saved yet.
    const b = await openPage();
    await expect
      .poll(() => b.getByRole('textbox', { name: 'Diagram name' }).inputValue())
      .toBe('Renamed in A');

    await a.getByRole('button', { name: 'Add Windows client' }).click();
    await expect.poll(() => hostsIn(b)).toBe(start + 1);
    // Both add at the same moment: both hosts are kept, in both tabs.
    await Promise.all([
      a.getByRole('button', { name: 'Add Management point' }).click(),
      b.getByRole('button', { name: 'Add Distribution point' }).click(),
    ]);
    await expect.poll(() => hostsIn(a)).toBe(start + 3);
    await expect.poll(() => hostsIn(b)).toBe(start + 3);
    expect(await hostNames(a)).toEqual(await hostNames(b));
    await expect.poll(() => storedHosts(a)).toBe(start + 3);

    // Undo in B takes back B's distribution point only.
    await b.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => hostsIn(a)).toBe(start + 2);
    expect(await hostNames(a)).toEqual(await hostNames(b));
    expect((await hostNames(a)).some((n) => /^DP/.test(n))).toBe(false);
    expect((await hostNames(a)).some((n) => /^MP/.test(n))).toBe(true);
    await expect.poll(() => storedHosts(b)).toBe(start + 2);

    // Neither tab thinks the other's save a rival copy; a reloaded tab has every edit.
    expect(await a.getByRole('alert').filter({ hasText: 'another tab' }).count()).toBe(0);
    expect(await b.getByRole('alert').filter({ hasText: 'another tab' }).count()).toBe(0);
    await b.reload();
    await expect.poll(() => hostsIn(b)).toBe(start + 2);
    await b.getByRole('button', { name: 'Add Software update point' }).click();
    await expect.poll(() => hostsIn(a)).toBe(start + 3);
    await keepScreenshot(a, 'r3-two-tabs-merged');
  });

  it('without Web Locks (a plain-http page): keeps the losing tab’s edits, asks before it closes, and says Keep overwrites before it does', async () => {
    // A page not served over https (or localhost) has no navigator.locks: the tabs are not linked.
    await context?.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });
    });
    const a = await openPage();
    const b = await openPage();
    await a.locator('.react-flow__node').first().waitFor();
    await b.locator('.react-flow__node').first().waitFor();
    const start = await hostsIn(a);

    // Tab A edits and autosaves: tab B now holds an older copy.
    await a.getByRole('button', { name: 'Add Windows client' }).click();
    const bannerB = b.getByRole('alert').filter({ hasText: 'another tab' });
    await bannerB.waitFor();

    // Tab B edits anyway: its edits go to a copy of its own, and the banner says so.
    await b.getByRole('button', { name: 'Add Windows client' }).click();
    await b.getByRole('button', { name: 'Add Windows client' }).click();
    await expect.poll(() => bannerB.textContent()).toMatch(/This tab’s edits are kept as a copy under/);
    await expect.poll(() => hostsIn(b)).toBe(start + 2);
    const tabCopies = (await storedKeys(b)).filter((k) => k.includes('autosave-this-tab-'));
    expect(tabCopies).toHaveLength(1);
    const copyHosts = () =>
      b.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').hosts?.length, tabCopies[0] ?? '');
    await expect.poll(copyHosts).toBe(start + 2);

    // Closing tab B asks first.
    const asked = new Promise<string>((resolve) =>
      b.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await b.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(b.isClosed()).toBe(false);

    // Keep says it overwrites the other tab's save before it does.
    await bannerB.getByRole('button', { name: 'Keep this tab’s copy' }).click();
    const dialog = b.getByRole('dialog');
    expect(await dialog.textContent()).toMatch(/overwrites the diagram the other tab saved/);
    const stored = () =>
      b.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').hosts?.length, AUTOSAVE_KEY);
    expect(await stored()).toBe(start + 1);
    await dialog.getByRole('button', { name: 'Overwrite the other tab’s copy' }).click();
    await expect.poll(stored).toBe(start + 2);
    const keys = await storedKeys(b);
    expect(keys.filter((k) => k.includes('autosave-other-tab-'))).toHaveLength(1);
    // Tab A is told in turn.
    await a.getByRole('alert').filter({ hasText: 'another tab' }).waitFor();
    await keepScreenshot(b, 'r3-two-tabs');
  });
});
