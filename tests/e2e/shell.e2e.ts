import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostNode, matrix, openHierarchy } from './support/app';
import { appPerTest } from './support/browser';

/** The window at 1366×768 and on a projector (issue 12), as a person sees it. */
const session = appPerTest();

const SHOTS = '/tmp/shots-z3';

async function heightOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  return box?.height ?? 0;
}

const toolbar = (page: Page) => page.getByRole('banner');

describe('the window at 1366×768', () => {
  it('gives the canvas most of the window: the matrix starts as its bar with the flow count', async () => {
    const { page } = session();
    await page.locator('.react-flow__node-host').first().waitFor();
    const canvas = await heightOf(page, '.diagram');
    expect(canvas / 768).toBeGreaterThanOrEqual(0.6);
    await expect
      .poll(() =>
        matrix(page)
          .getByText(/^\d+ flows?$/)
          .isVisible(),
      )
      .toBe(true);
    expect(await matrix(page).getByRole('table').count()).toBe(0);

    // The user raises it with the size buttons; the canvas gives up the room.
    await matrix(page).getByRole('button', { name: 'Flow matrix at normal size' }).click();
    await matrix(page).getByRole('table').waitFor();
    expect(await heightOf(page, '.diagram')).toBeLessThan(canvas);
  });

  it('draws every host of the sample on the overview map as it first shows, each in its role colour', async () => {
    const { page } = session();
    await page.locator('.react-flow__node-host').first().waitFor();
    const hosts = await page.locator('.react-flow__node-host').count();
    // Zones are drawn clear on the map; hosts in the colour of their first role.
    const coloured = () =>
      page.$$eval(
        '.react-flow__minimap-node',
        (rects) => rects.filter((r) => (r as SVGElement).style.fill !== 'transparent').length,
      );
    await expect.poll(coloured).toBe(hosts);
    expect(hosts).toBeGreaterThan(5);
  });

  it('folds the side columns to rails and remembers it after a reload', async () => {
    const { page } = session();
    await page.locator('.react-flow__node-host').first().waitFor();
    const wide = (await page.locator('.diagram').boundingBox())?.width ?? 0;
    await page.getByRole('button', { name: 'Roles panel', expanded: true }).click();
    await page.getByRole('button', { name: 'Right panel', expanded: true }).click();
    await expect
      .poll(async () => (await page.locator('.diagram').boundingBox())?.width ?? 0)
      .toBeGreaterThan(wide + 400);
    await page.reload();
    await page.locator('.react-flow__node-host').first().waitFor();
    expect(await page.getByRole('button', { name: 'Roles panel', expanded: false }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Right panel', expanded: false }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Roles panel', expanded: false }).click();
    await page.getByRole('button', { name: 'Add Management point' }).waitFor();
  });

  it('presents with P (the canvas alone, hosts larger) and leaves with Escape', async () => {
    const { page } = session();
    await openHierarchy(page);
    const hostWidth = (await hostNode(page, 'CAS-SITE').boundingBox())?.width ?? 0;
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    await toolbar(page).waitFor({ state: 'hidden' });
    expect(await matrix(page).isVisible()).toBe(false);
    expect(await page.locator('.react-flow__minimap').isVisible()).toBe(false);
    expect(await heightOf(page, '.diagram')).toBe(768);
    // Fitted to the whole window, with hosts drawn larger: each host is bigger on screen.
    await expect
      .poll(async () => (await hostNode(page, 'CAS-SITE').boundingBox())?.width ?? 0)
      .toBeGreaterThan(hostWidth);
    await page.keyboard.press('Escape');
    await toolbar(page).waitFor();
    expect(await page.locator('.app--presenting').count()).toBe(0);
  });

  it('prints the diagram alone: the canvas shows, the toolbar and the matrix do not', async () => {
    const { page } = session();
    await openHierarchy(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.diagram').isVisible()).toBe(true);
    expect(await toolbar(page).isVisible()).toBe(false);
    expect(await matrix(page).isVisible()).toBe(false);
    expect(await page.locator('.react-flow__controls').isVisible()).toBe(false);
    expect(await hostNode(page, 'CAS-SITE').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await toolbar(page).waitFor();
  });

  it('Print diagram fits the diagram into the page box and calls the browser print', async () => {
    const { page } = session();
    await openHierarchy(page);
    // The print dialog cannot be driven headless: record what the page looked like when it opened.
    await page.evaluate(() => {
      const w = window as unknown as { printed?: unknown };
      window.print = () => {
        const diagram = document.querySelector('.diagram')?.getBoundingClientRect();
        const hosts = [...document.querySelectorAll('.react-flow__node-host')].map((n) =>
          n.getBoundingClientRect(),
        );
        w.printed = {
          theme: document.documentElement.dataset.theme,
          width: diagram?.width,
          height: diagram?.height,
          inside: hosts.every(
            (h) =>
              diagram &&
              h.left >= diagram.left &&
              h.right <= diagram.right &&
              h.top >= diagram.top &&
              h.bottom <= diagram.bottom,
          ),
        };
      };
    });
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Print diagram/ }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed?: unknown }).printed))
      .toEqual({ theme: 'light', width: 960, height: 680, inside: true });
    await toolbar(page).waitFor();
  });

  it('Ctrl+P fits the diagram into the page box too, and puts the view back afterwards', async () => {
    const { page } = session();
    await openHierarchy(page);
    const viewport = page.locator('.react-flow__viewport');
    const transform = () => viewport.evaluate((e) => (e as HTMLElement).style.transform);
    // The view as it is once the template's fit (an animation) has ended.
    let before = '';
    await expect
      .poll(async () => {
        const last = before;
        before = await transform();
        await page.waitForTimeout(400);
        return last === before && before === (await transform());
      })
      .toBe(true);
    // Listening after the app, so this sees the view the page is printed with.
    await page.evaluate(() => {
      addEventListener('beforeprint', () => {
        const diagram = document.querySelector('.diagram')!.getBoundingClientRect();
        const hosts = [...document.querySelectorAll('.react-flow__node-host')].map((n) =>
          n.getBoundingClientRect(),
        );
        const left = Math.min(...hosts.map((h) => h.left)) - diagram.left;
        const top = Math.min(...hosts.map((h) => h.top)) - diagram.top;
        const right = Math.max(...hosts.map((h) => h.right)) - diagram.left;
        const bottom = Math.max(...hosts.map((h) => h.bottom)) - diagram.top;
        (window as unknown as { printed?: unknown }).printed = { left, top, right, bottom };
      });
    });
    // page.pdf() prints as the browser's menu does (beforeprint, print layout, afterprint).
    await page.pdf({ landscape: true, format: 'A4', printBackground: true });
    const printed = (await page.evaluate(() => (window as unknown as { printed?: unknown }).printed)) as {
      left: number;
      top: number;
      right: number;
      bottom: number;
    };
    // Inside the paper's box (960 × 680) and filling it one way or the other, within the padding.
    expect(printed.left).toBeGreaterThanOrEqual(0);
    expect(printed.top).toBeGreaterThanOrEqual(0);
    expect(printed.right).toBeLessThanOrEqual(960);
    expect(printed.bottom).toBeLessThanOrEqual(680);
    const filled = Math.max((printed.right - printed.left) / 960, (printed.bottom - printed.top) / 680);
    expect(filled).toBeGreaterThan(0.75);
    expect(await transform()).toBe(before);
  });

  it.each([
    [1366, 768],
    [1920, 1080],
  ])('screenshots at %ix%i, light and dark, designing and presenting', async (width, height) => {
    const { page } = session();
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height });
    await openHierarchy(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${SHOTS}/design-${width}-${scheme}.png` });
      await page.keyboard.press('p');
      await toolbar(page).waitFor({ state: 'hidden' });
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${SHOTS}/present-${width}-${scheme}.png` });
      await page.keyboard.press('Escape');
      await toolbar(page).waitFor();
    }
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.screenshot({ path: `${SHOTS}/print-${width}.png` });
  });
});
