import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostNode, openHierarchy } from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

/** "Tidy" (issue 12) on the hierarchy example, with the mouse, as a person would. */
const session = appPerTest();

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxOf(page: Page, name: string): Promise<Box> {
  const b = await hostNode(page, name).boundingBox();
  if (!b) throw new Error(`${name} is not on screen`);
  return b;
}

/** Every host box on screen, by node id. */
function hostBoxes(page: Page): Promise<Record<string, Box>> {
  return page.locator('.react-flow__node-host').evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return [n.getAttribute('data-id') ?? '', { x: r.x, y: r.y, width: r.width, height: r.height }];
      }),
    ),
  );
}

/** Where each host sits in the diagram (its transform), unaffected by the view's pan and zoom. */
function hostPlaces(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.react-flow__node-host')
    .evaluateAll((nodes) =>
      Object.fromEntries(
        nodes.map((n) => [n.getAttribute('data-id') ?? '', (n as HTMLElement).style.transform]),
      ),
    );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Clicks Tidy and waits until the hosts moved and the view has settled on the new layout. */
async function tidy(page: Page): Promise<void> {
  const before = await hostPlaces(page);
  await page.getByRole('button', { name: 'Tidy' }).click();
  await expect.poll(() => hostPlaces(page), { timeout: 20_000 }).not.toEqual(before);
  await expect.poll(() => page.getByRole('button', { name: 'Tidy' }).isEnabled()).toBe(true);
  // The fit animates for 300 ms.
  await page.waitForTimeout(600);
}

/** Closes the messages (the welcome stays until closed), as a person would before showing the diagram. */
async function closeMessages(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss message' });
  while ((await close.count()) > 0) await close.first().click();
}

describe('Tidy', () => {
  it('puts the CAS above both primaries, no host on another, and one Undo puts them back', async () => {
    const { page } = session();
    await openHierarchy(page);
    // The Tidy button keeps the toolbar on one line at 1366 px: nothing runs past its end.
    const toolbar = page.locator('.toolbar');
    const fits = () => toolbar.evaluate((t) => t.scrollWidth <= t.clientWidth);
    expect(await fits()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tidy' }).isVisible()).toBe(true);
    const before = await hostPlaces(page);
    await tidy(page);

    const cas = await boxOf(page, 'CAS-SITE');
    for (const primary of ['P01-SITE', 'P02-SITE']) {
      const p = await boxOf(page, primary);
      expect(cas.y + cas.height, `CAS-SITE above ${primary}`).toBeLessThanOrEqual(p.y);
    }
    const boxes = Object.entries(await hostBoxes(page));
    expect(boxes).toHaveLength(12);
    for (const [i, [idA, a]] of boxes.entries()) {
      for (const [idB, b] of boxes.slice(i + 1)) expect(overlap(a, b), `${idA} on ${idB}`).toBe(false);
    }
    // The view fits the laid-out diagram: every host is inside the canvas.
    const pane = await page.locator('.react-flow').boundingBox();
    if (!pane) throw new Error('no canvas');
    for (const [id, b] of boxes) {
      expect(b.x >= pane.x - 1 && b.x + b.width <= pane.x + pane.width + 1, `${id} in view`).toBe(true);
      expect(b.y >= pane.y - 1 && b.y + b.height <= pane.y + pane.height + 1, `${id} in view`).toBe(true);
    }

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => hostPlaces(page)).toEqual(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => hostNode(page, 'CAS-SITE').count()).toBe(0);
  });

  it.each([
    [1366, 768],
    [1920, 1080],
  ])('screenshots of the tidied hierarchy at %ix%i, light and dark', async (width, height) => {
    const { page } = session();
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      await openHierarchy(page);
      await tidy(page);
      await closeMessages(page);
      await keepScreenshot(page, `tidy-hierarchy-${scheme}-${width}`);
    }
  });
});
