import standalone from '@data/examples/standalone-primary.json';
import { describe, expect, it } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { restoreDocument } from '@/domain/restore';
import {
  connect,
  dragRole,
  flowCount,
  hostNode,
  hostNodes,
  matrixReady,
  matrixRows,
  newDiagram,
  rgb,
  serviceColour,
} from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

const restored = restoreDocument(standalone, catalogue);
if (!restored.ok) throw new Error(JSON.stringify(restored.error));
/** The standalone primary example, which a first visit shows. */
const sample = restored.document;

const session = appPerTest();

describe('a planner in a real browser', () => {
  it('1. sees the sample hierarchy on a first visit, with coloured links and a legend', async () => {
    const { page } = session();
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length);
    // Its zones are React Flow nodes too, each drawn once.
    for (const zone of sample.zones) {
      await expect
        .poll(() => page.locator(`.react-flow__node-zone[aria-label="Zone ${zone.name}"]`).count())
        .toBe(1);
    }
    await expect.poll(() => page.locator('.link-edge__stroke').count()).toBeGreaterThan(sample.links.length);
    const strokes = await page
      .locator('.link-edge__stroke')
      .evaluateAll((paths) => paths.map((p) => getComputedStyle(p).stroke));
    expect(strokes).toContain(rgb(serviceColour('web')));
    expect(new Set(strokes).size).toBeGreaterThan(3);
    const legend = page.getByRole('region', { name: 'Legend' });
    await expect.poll(() => legend.isVisible()).toBe(true);
    for (const service of catalogue.services.slice(0, 3)) {
      await expect.poll(() => legend.getByText(service.name).isVisible()).toBe(true);
    }
    expect(await flowCount(page)).toBe(deriveFlows(sample, catalogue).flows.length);
    await keepScreenshot(page, '1-first-visit');
  });

  it('2. drags a management point and a client onto the canvas and links them', async () => {
    const { page } = session();
    await newDiagram(page);
    const pane = page.locator('.react-flow__pane');
    await dragRole(page, 'Management point', pane, { x: 520, y: 140 });
    await dragRole(page, 'Windows client', pane, { x: 160, y: 320 });
    const mp = hostNode(page, 'MP01');
    const client = hostNode(page, 'CL01');
    await mp.waitFor();
    await client.waitFor();
    await connect(page, client, mp);
    // One stroke per service class on the link: web (80, 443) and client notification (10123).
    await expect.poll(() => page.locator('.link-edge__stroke').count()).toBe(2);
    const strokes = await page
      .locator('.link-edge__stroke')
      .evaluateAll((p) => p.map((x) => getComputedStyle(x).stroke));
    expect(strokes).toContain(rgb(serviceColour('web')));
    expect(strokes).toContain(rgb(serviceColour('notification')));
    const rows = await matrixRows(page);
    expect(rows).toHaveLength(3);
    for (const port of ['80', '443', '10123']) {
      expect(
        rows.some((r) => r.includes('CL01') && r.includes('MP01') && r.includes(`| TCP | ${port} |`)),
      ).toBe(true);
    }
    expect(rows.every((r) => r.indexOf('CL01') < r.indexOf('MP01'))).toBe(true);
    await keepScreenshot(page, '2-drag-and-connect');
  });

  it('3. adds a role to an existing host by dropping it on the host; colours and matrix change', async () => {
    const { page } = session();
    const dp = hostNode(page, 'P01-DP01');
    await dp.waitFor();
    const before = await flowCount(page);
    const colours = async () =>
      new Set(
        await page.locator('.link-edge__stroke').evaluateAll((p) => p.map((x) => getComputedStyle(x).stroke)),
      );
    const coloursBefore = await colours();
    await dragRole(page, 'State migration point', dp);
    await expect.poll(() => dp.locator('.role-badge', { hasText: 'SMP' }).count()).toBe(1);
    await expect.poll(() => flowCount(page)).toBeGreaterThan(before);
    const rows = await matrixRows(page);
    expect(
      rows.some((r) => r.includes('Clients HQ') && r.includes('P01-DP01') && r.includes('| TCP | 445 |')),
    ).toBe(true);
    expect((await colours()).size).toBeGreaterThanOrEqual(coloursBefore.size);
    await keepScreenshot(page, '3-role-dropped-on-host');
  });

  it('4. changes the client HTTP port in site settings to 8080: the matrix shows 8080 instead of 80', async () => {
    const { page } = session();
    const clientToMp = async () =>
      (await matrixRows(page)).filter((r) => r.includes('Clients HQ') && r.includes('P01-MP01'));
    expect((await clientToMp()).some((r) => r.includes('| TCP | 80 |'))).toBe(true);
    await page.getByRole('button', { name: 'Site settings' }).first().click();
    const field = page.getByLabel('Client HTTP port', { exact: true });
    await field.fill('8080');
    await field.press('Enter');
    await expect.poll(async () => (await clientToMp()).some((r) => r.includes('| TCP | 8080 |'))).toBe(true);
    expect((await clientToMp()).some((r) => r.includes('| TCP | 80 |'))).toBe(false);
    await field.fill('0');
    await field.press('Enter');
    await expect.poll(() => page.getByText(/outside 1–65535/).isVisible()).toBe(true);
    expect(await field.inputValue()).toBe('8080');
    await keepScreenshot(page, '4-site-settings');
  });

  it('6. comes back from autosave after a reload; a deletion can be undone and redone', async () => {
    const { page } = session();
    await hostNode(page, 'P01-SUP01').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length - 1);
    await page.waitForTimeout(800);
    await page.reload();
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length - 1);
    expect(await hostNode(page, 'P01-SUP01').count()).toBe(0);
    await page.getByRole('button', { name: 'Add Fallback status point' }).click();
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length - 1);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length);
    await hostNode(page, 'FSP01').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => hostNodes(page).count()).toBe(sample.hosts.length - 1);
    await keepScreenshot(page, '6-reload-undo-redo');
  });

  it('7. opens a corrupt file: an error is shown and the diagram is unchanged', async () => {
    const { page } = session();
    const before = await matrixRows(page);
    await page.getByTestId('open-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"cm-port-planner","version":2,"hosts":[{"id":"a"'),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toMatch(/not valid JSON/);
    expect(await matrixRows(page)).toEqual(before);
    expect(await hostNodes(page).count()).toBe(sample.hosts.length);
    await keepScreenshot(page, '7-corrupt-file');
  });

  it('moves a host with the mouse: it and its links follow the pointer, one Undo puts it back, it stays after a reload', async () => {
    const { page } = session();
    const host = hostNode(page, 'P01-SUP01');
    const box = async () => (await host.boundingBox())!;
    const start = await box();
    const paths = () =>
      page.locator('.link-edge__stroke').evaluateAll((list) => list.map((p) => p.getAttribute('d')).join());
    const pathsBefore = await paths();
    const from = { x: start.x + start.width / 2, y: start.y + 12 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i += 1) await page.mouse.move(from.x - 12 * i, from.y + 8 * i);
    // Mid-drag: the host and the links at it have moved already, before the drop.
    await expect.poll(async () => (await box()).x).toBeLessThan(start.x - 60);
    expect(await paths()).not.toBe(pathsBefore);
    await page.mouse.up();
    const dropped = await box();
    expect(dropped.y).toBeGreaterThan(start.y + 40);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => Math.round((await box()).x)).toBe(Math.round(start.x));
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(async () => Math.round((await box()).x)).toBe(Math.round(dropped.x));
    await page.waitForTimeout(800);
    await page.reload();
    await expect.poll(async () => Math.round((await box()).x)).toBe(Math.round(dropped.x));
    await keepScreenshot(page, 'move-host');
  });

  it('shows the matrix panel with the same columns the export writes', async () => {
    const { page } = session();
    const headers = await (await matrixReady(page)).locator('thead th').allTextContents();
    expect(headers.join(' ')).toMatch(/Rule.*Source host.*Destination host.*Protocol.*Port.*Justification/);
  });
});
