import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connect, dragRole, hostNode, matrixReady, newDiagram } from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

/** Zones you draw (issue 12), with real mouse and keys: around hosts, by drop, by dragging hosts in and out. */
const session = appPerTest();

const zones = (page: Page) => page.locator('.react-flow__node-zone');
const rows = async (page: Page) => (await matrixReady(page)).locator('tbody tr');

/** Drags a node by its middle with the mouse, in steps, as a person does. */
async function dragBy(page: Page, node: Locator, dx: number, dy: number): Promise<void> {
  const b = await node.boundingBox();
  if (!b) throw new Error('node not on screen');
  const x = b.x + b.width / 2;
  const y = b.y + 12;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(x + (dx * i) / 10, y + (dy * i) / 10);
  await page.mouse.up();
}

describe('zones on the canvas', () => {
  it('a zone drawn around two hosts makes their flows inside the zone; dragging one out makes them cross', async () => {
    const { page } = session();
    await newDiagram(page);
    const pane = page.locator('.react-flow__pane');
    await dragRole(page, 'Site server', pane, { x: 160, y: 140 });
    await dragRole(page, 'Management point', pane, { x: 460, y: 140 });
    await connect(page, hostNode(page, 'SS01'), hostNode(page, 'MP01'));
    const all = await (await rows(page)).count();
    expect(all).toBeGreaterThan(0);

    await pane.click({ position: { x: 600, y: 400 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+g');
    await expect.poll(() => zones(page).count()).toBe(1);
    await expect.poll(() => zones(page).first().textContent()).toContain('2 hosts');
    expect(await (await rows(page)).first().textContent()).toContain('inside zone');

    const onlyCrossing = page.getByRole('checkbox', { name: 'Only flows that cross a zone boundary' });
    await onlyCrossing.check();
    await expect.poll(async () => (await rows(page)).count()).toBe(0);
    await keepScreenshot(page, 'zones-around-two-hosts');

    // Out of the zone: the flows cross its border now and come back under the filter.
    await dragBy(page, hostNode(page, 'MP01'), 0, 300);
    await expect.poll(() => zones(page).first().textContent()).toContain('1 host');
    await expect.poll(async () => (await rows(page)).count()).toBe(all);
    // One Undo puts the host back into the zone (the drag and its zone are one step).
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => zones(page).first().textContent()).toContain('2 hosts');
  });

  it('a zone dropped from the palette takes a host dragged into it, and moving the zone moves the host', async () => {
    const { page } = session();
    await newDiagram(page);
    const pane = page.locator('.react-flow__pane');
    await dragRole(page, 'Distribution point', pane, { x: 160, y: 380 });
    await page
      .getByRole('button', { name: 'Draw zone DMZ' })
      .dragTo(pane, { targetPosition: { x: 480, y: 140 } });
    await expect.poll(() => zones(page).count()).toBe(1);
    const zone = zones(page).first();
    await expect.poll(() => zone.textContent()).toContain('0 hosts');

    const dp = hostNode(page, 'DP01');
    const z = await zone.boundingBox();
    const h = await dp.boundingBox();
    if (!z || !h) throw new Error('not on screen');
    await dragBy(page, dp, z.x + z.width / 2 - (h.x + h.width / 2), z.y + z.height / 2 - (h.y + 12));
    await expect.poll(() => zone.textContent()).toContain('1 host');

    const before = await dp.boundingBox();
    await dragBy(page, zone.locator('.zone-node__title'), -120, 60);
    await expect.poll(async () => (await dp.boundingBox())?.x).toBeLessThan((before?.x ?? 0) - 60);
    await expect.poll(() => zone.textContent()).toContain('1 host');

    // Deleting the zone keeps the host.
    await zone.locator('.zone-node__title').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => zones(page).count()).toBe(0);
    expect(await dp.count()).toBe(1);
  });
});

describe('right-click menus and arrange', () => {
  it('a right-click on a host puts it in a new zone; on the zone, deletes it keeping the host; align works on a selection', async () => {
    const { page } = session();
    await newDiagram(page);
    const pane = page.locator('.react-flow__pane');
    await dragRole(page, 'Management point', pane, { x: 160, y: 120 });
    await dragRole(page, 'Distribution point', pane, { x: 460, y: 220 });
    const mp = hostNode(page, 'MP01');
    const dp = hostNode(page, 'DP01');
    await mp.click({ button: 'right' });
    await page.getByRole('menu', { name: 'Host menu' }).waitFor();
    await page.getByRole('menuitem', { name: 'Put in a new zone' }).click();
    await expect.poll(() => zones(page).count()).toBe(1);
    await expect.poll(() => zones(page).first().textContent()).toContain('1 host');

    await zones(page).first().locator('.zone-node__title').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete zone (hosts stay)' }).click();
    await expect.poll(() => zones(page).count()).toBe(0);
    expect(await mp.count()).toBe(1);

    // Align top edges from the menu of a two-host selection (Ctrl+A, then a right-click on one).
    await pane.click({ position: { x: 600, y: 380 } });
    await page.keyboard.press('Control+a');
    await dp.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Align top edges' }).click();
    await expect
      .poll(async () => Math.round((await mp.boundingBox())?.y ?? 0))
      .toBe(Math.round((await dp.boundingBox())?.y ?? -1));
    await page.keyboard.press('Escape');
  });
});
