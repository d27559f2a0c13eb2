import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GERMAN_WORKBOOK_HEADERS } from '../export/support';
import { appPerTest, keepScreenshot } from './support/browser';

/** Issue 13: a German browser gets the German app, the switch works both ways, exports follow it. */
const german = appPerTest({ locale: 'de-DE' });

const toolbar = (page: Page) => page.getByRole('banner');

describe('a German browser', () => {
  it('shows the German app on the first visit; English and back, remembered over a reload', async () => {
    const { page } = german();
    await page.locator('.react-flow__node-host').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await toolbar(page).getByRole('button', { name: 'Exportieren' }).waitFor();
    await page.getByRole('button', { name: 'Verwaltungspunkt hinzufügen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Export', exact: true }).count()).toBe(0);
    await keepScreenshot(page, 'i18n-german-first-visit');

    await toolbar(page).getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await toolbar(page).getByRole('button', { name: 'Export', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Add Management point' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The choice is remembered: a reload stays English although the browser is German.
    await page.reload();
    await toolbar(page).getByRole('button', { name: 'Export', exact: true }).waitFor();

    await toolbar(page).getByRole('combobox', { name: 'Language' }).selectOption('de');
    await toolbar(page).getByRole('button', { name: 'Exportieren' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  });

  it('exports a workbook with German sheet names, headers and justifications, read back from the file', async () => {
    const { page } = german();
    await page.locator('.react-flow__node-host').first().waitFor();
    await toolbar(page).getByRole('button', { name: 'Exportieren' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /Excel-Arbeitsmappe/ }).click(),
    ]);
    const bytes = readFileSync(await file.path());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toContain('Portmatrix');
    expect(names).toContain('Hinweise und Legende');
    expect(names).not.toContain('Flow matrix');
    const sheet = workbook.getWorksheet('Portmatrix');
    if (!sheet) throw new Error('no sheet "Portmatrix"');
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => v ?? '');
    expect(header).toEqual(GERMAN_WORKBOOK_HEADERS);
    const justification = String(
      sheet.getRow(2).getCell(GERMAN_WORKBOOK_HEADERS.indexOf('Begründung') + 1).value,
    );
    expect(justification).toMatch(/ öffnet (TCP|UDP) .* wie im Portdokument unter /);
    expect(justification).not.toMatch(/ opens | as the port document lists /);
  });
});
