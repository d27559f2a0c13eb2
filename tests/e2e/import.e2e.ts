import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flowCount, hostNode, matrixRows, newDiagram } from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

/** The estate import (issue 14): ConfigMgr's CSV exports dropped on the canvas, as a person would. */
const session = appPerTest();

const DIR = 'tests/fixtures/import';
const FILES = ['site-roles.csv', 'sites.csv'] as const;

/**
 * Drops files on the canvas with real drag events: a DataTransfer made in the page holds File
 * objects built from the fixtures' bytes (Playwright cannot drag files from the desktop).
 */
async function dropFiles(page: Page, names: readonly string[]): Promise<void> {
  const files = names.map((name) => ({ name, bytes: [...readFileSync(`${DIR}/${name}`)] }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/csv' }));
    return dt;
  }, files);
  const pane = page.locator('.react-flow__pane');
  for (const type of ['dragenter', 'dragover', 'drop'])
    await pane.dispatchEvent(type, { dataTransfer: transfer });
}

async function topOf(page: Page, name: string): Promise<{ top: number; bottom: number }> {
  const b = await hostNode(page, name).boundingBox();
  if (!b) throw new Error(`${name} is not on screen`);
  return { top: b.y, bottom: b.y + b.height };
}

describe('import', () => {
  it('drops the ConfigMgr exports on the canvas, previews, imports a laid-out hierarchy with its flows; Undo empties it', async () => {
    const { page } = session();
    await page.locator('.react-flow__node-host').first().waitFor();
    await newDiagram(page);

    await dropFiles(page, FILES);
    const dialog = page.getByRole('dialog', { name: 'Import the estate' });
    await dialog.waitFor();
    const stat = (term: string) =>
      dialog.locator('.stats div', { hasText: term }).locator('dd').textContent();
    expect(await stat('Hosts')).toBe('30');
    // A new diagram is on the current edition: its rules infer one link more than 2018-de's (37).
    expect(await stat('Links (inferred)')).toBe('38');
    // The preview changes nothing: the empty diagram is still empty behind it.
    expect(await page.locator('.react-flow__node-host').count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: 'Replace the diagram' }).isChecked()).toBe(true);
    await keepScreenshot(page, 'import-preview');

    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await hostNode(page, 'C01-SITE').waitFor();
    expect(await page.locator('.react-flow__node-host').count()).toBe(30);
    // Laid out: the CAS above both primaries, the primary above its secondary.
    await page.waitForTimeout(600); // the fit animates for 300 ms
    const cas = await topOf(page, 'C01-SITE');
    for (const primary of ['P01-SITE', 'P02-SITE'])
      expect(cas.bottom, `C01-SITE above ${primary}`).toBeLessThanOrEqual((await topOf(page, primary)).top);
    expect((await topOf(page, 'P01-SITE')).bottom).toBeLessThanOrEqual((await topOf(page, 'S01-SITE')).top);
    // Every imported link is inferred and drawn as such (dashed).
    const links = await page.locator('.react-flow__edge-link').count();
    expect(links).toBeGreaterThan(30);
    expect(await page.locator('.react-flow__edge-link.is-inferred').count()).toBe(links);
    // Its flows are in the matrix.
    expect(await flowCount(page)).toBeGreaterThan(0);
    const rows = await matrixRows(page);
    expect(rows.some((r) => r.includes('P01-SITE') && r.includes('P01-SQL'))).toBe(true);
    await keepScreenshot(page, 'import-result');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.react-flow__node-host').count()).toBe(0);
  });

  it('Cancel leaves the diagram as it was', async () => {
    const { page } = session();
    await page.locator('.react-flow__node-host').first().waitFor();
    const names = () => page.locator('.host-node__name').allTextContents();
    const before = await names();
    await dropFiles(page, ['site-roles.csv']);
    const dialog = page.getByRole('dialog', { name: 'Import the estate' });
    await dialog.getByRole('button', { name: 'Import' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await names()).toEqual(before);
  });
});
