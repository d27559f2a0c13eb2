import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { serializeDocument } from '@/domain/restore';
import { flowsToRows } from '@/domain/rows';
import { diagramScene } from '@/export/diagram-scene';
import { pngSize } from '@/export/xlsx/diagram-sheet';
import { rowWords } from '@/i18n/row-words';
import { syntheticHierarchy } from '../../bench/synthetic';
import { loadExample } from '../export/support';
import { appPerTest, keepScreenshot } from './support/browser';

const session = appPerTest();

/** Opens `document` through the toolbar's Open input (the app starts with an example, so it asks). */
async function open(page: Page, doc: TopologyDocument, name: string): Promise<void> {
  mkdirSync('test-results/e2e', { recursive: true });
  const file = resolve(`test-results/e2e/${name}.cmports.json`);
  writeFileSync(file, serializeDocument(doc));
  await page.getByTestId('open-file').setInputFiles(file);
  // The page is busy right after the click (it reads and draws the file): do not wait on it here.
  await page.getByRole('button', { name: 'Open file' }).click({ noWaitAfter: true, timeout: 60_000 });
  // Opened when the new document's hosts are on the canvas (as nodes, or in the far layer).
  await page.waitForFunction(
    (e) => {
      const far = document.querySelector('[data-testid="far-layer"]');
      return Boolean(
        document.querySelector(`.react-flow__node-host[data-id="${e.id}"]`) ||
          Number(far ? far.getAttribute('data-hosts') : 0) === e.count,
      );
    },
    { id: doc.hosts[0]!.id, count: doc.hosts.length },
    { timeout: 120_000, polling: 250 },
  );
}

async function exportExcel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: /Excel workbook/ }).click();
  // A diagram with check errors asks first; the planner exports anyway.
  const anyway = page.getByRole('button', { name: 'Export anyway' });
  if (await anyway.isVisible({ timeout: 1000 }).catch(() => false)) await anyway.click();
}

describe('exporting a big diagram', () => {
  it('shows the export’s phase, and Cancel stops it: no download, a notice says so', async () => {
    const { page } = session();
    const big = { ...syntheticHierarchy(1000, catalogue), name: 'Big estate' };
    await open(page, big, 'export-big');
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));

    await exportExcel(page);
    const panel = page.getByRole('region', { name: 'Export in progress' });
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain('Exporting the Excel workbook');
    // A phase: getting the rows ready, drawing the picture, rows n of N, or packing.
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toMatch(
        /Getting the rows ready|Drawing the diagram picture|Writing rows: [\d,]+ of [\d,]+|Packing the file/,
      );
    expect(await panel.getByRole('progressbar', { name: 'Export progress' }).isVisible()).toBe(true);
    await keepScreenshot(page, 'export-big-progress');

    await panel.getByRole('button', { name: 'Cancel export' }).click();
    await page.getByText('The Excel workbook export was cancelled; no file was made.').waitFor();
    await panel.waitFor({ state: 'detached' });
    // Long enough for the workbook of this estate to have come out had it not been stopped.
    await page.waitForTimeout(8000);
    expect(downloads).toEqual([]);
    // The menu works again: the next export is not blocked by the cancelled one.
    await page.getByRole('button', { name: 'Export' }).click();
    expect(await page.getByRole('menuitem', { name: /Excel workbook/ }).isEnabled()).toBe(true);
    await page.keyboard.press('Escape');
  }, 180_000);

  it('downloads a workbook whose Diagram sheet holds the picture drawn from the model', async () => {
    const { page } = session();
    const document = loadExample('hierarchy');
    await open(page, document, 'export-hierarchy');
    await exportExcel(page);
    const download = await page.waitForEvent('download', { timeout: 60_000 });
    const bytes = readFileSync(await download.path());
    await page.getByText('Exported the flow matrix as a Excel workbook.', { exact: false }).first().waitFor();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Diagram');
    expect(sheet).toBeDefined();
    const images = sheet!.getImages();
    expect(images).toHaveLength(1);
    const media = workbook.model.media as unknown as {
      index?: number;
      buffer: Uint8Array;
      extension: string;
    }[];
    const png = new Uint8Array(media[0]!.buffer);
    expect(media[0]!.extension).toBe('png');
    // The model's drawing has the scene's size (the page's DOM capture was at least 640×400 and
    // twice the on-screen size); its longest side is capped at 4,096 pixels.
    const rows = flowsToRows(deriveFlows(document, catalogue).flows, document, rowWords(catalogue, 'en'));
    const scene = diagramScene({ document, catalogue, rows })!;
    expect(pngSize(png)).toEqual({ width: scene.width, height: scene.height });
    expect(Math.max(scene.width, scene.height)).toBeLessThanOrEqual(4096);
    // Not blank: a PNG of a white picture compresses to almost nothing.
    expect(png.byteLength).toBeGreaterThan(5_000);
  }, 120_000);
});
