import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot } from './support/browser';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { type Served, serveApp } from './support/serve';

/**
 * Issue 16 in real browsers: two people (two browser contexts, two profiles) on one room of
 * `npm run serve`, as in a meeting. One scenario, in order, because each step builds on the last.
 */
let served: Served;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function person(url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.react-flow__node-host').first().waitFor();
  return { context, page };
}

const names = (page: Page) =>
  page
    .locator('.react-flow__node-host .host-node__name')
    .evaluateAll((els) => els.map((e) => e.textContent ?? '').sort());

const add = (page: Page, role: string) => page.getByRole('button', { name: `Add ${role}` }).click();

async function sameDiagram(a: Page, b: Page, count: number): Promise<string[]> {
  await expect.poll(() => names(a), { timeout: 15_000 }).toHaveLength(count);
  await expect.poll(() => names(b), { timeout: 15_000 }).toEqual(await names(a));
  return names(a);
}

beforeAll(async () => {
  served = await serveApp();
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await served?.stop();
});

describe('editing one diagram together', () => {
  it('shares, shows edits both ways, merges, undoes own changes only, survives offline and a restart', async () => {
    const { page: ana } = await person(served.url);
    await ana.getByRole('button', { name: 'Share' }).click();
    await ana.getByLabel('Your name').fill('Ana');
    await ana.getByRole('button', { name: 'Start sharing' }).click();
    const editLink = ana.getByRole('textbox', { name: 'Edit link' });
    await editLink.waitFor();
    const link = await editLink.inputValue();
    expect(link).toMatch(/#edit=[A-Za-z0-9_-]{43}$/);
    await ana.getByRole('button', { name: 'Close' }).click();
    const start = (await names(ana)).length;

    // Ben opens the link: he sees Ana's diagram, and each sees the other in the room.
    const { context: benContext, page: ben } = await person(link);
    await sameDiagram(ana, ben, start);
    await ana
      .getByRole('status')
      .filter({ hasText: /Live · 2 people/ })
      .waitFor();

    // A adds a host and B sees it.
    await add(ana, 'Management point');
    await sameDiagram(ana, ben, start + 1);

    // Both add at once: both end with both hosts.
    await Promise.all([add(ana, 'Distribution point'), add(ben, 'Software update point')]);
    const both = await sameDiagram(ana, ben, start + 3);

    // Ben undoes: only his own last change goes (on both screens), Ana's stay.
    await ben.locator('.react-flow__pane').click();
    await ben.keyboard.press('Control+z');
    const afterUndo = await sameDiagram(ana, ben, start + 2);
    expect(both.filter((n) => !afterUndo.includes(n))).toHaveLength(1);
    expect(afterUndo.some((n) => /^DP/.test(n))).toBe(true);

    // Ben goes offline, edits; Ana edits too; back online, both edits are in both diagrams.
    await benContext.setOffline(true);
    await ben
      .getByRole('status')
      .filter({ hasText: /Offline/ })
      .waitFor({ timeout: 20_000 });
    await add(ben, 'Fallback status point');
    await add(ana, 'Management point');
    await expect.poll(() => names(ben)).toHaveLength(start + 3);
    await benContext.setOffline(false);
    const merged = await sameDiagram(ana, ben, start + 4);
    await keepScreenshot(ana, 'live-two-people');

    // The server restarts: nothing is lost; who opens the link afterwards sees everything.
    await served.restart();
    const { page: carl } = await person(link);
    await expect.poll(() => names(carl), { timeout: 20_000 }).toEqual(merged);
  });
});
