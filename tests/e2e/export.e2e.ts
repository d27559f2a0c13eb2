import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FLOW_COLUMNS } from '@/domain/rows';
import { ENGLISH_HEADERS, parseCsv } from '../export/support';
import { matrixRows } from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

const session = appPerTest();

async function download(page: Page, item: RegExp) {
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('exporting the flow matrix in a real browser', () => {
  it('5a. downloads an Excel workbook whose flow matrix rows equal the panel rows', async () => {
    const { page } = session();
    const panel = await matrixRows(page);
    const { name, bytes } = await download(page, /Excel workbook/);
    expect(name).toMatch(/^standalone-primary-site-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Flow matrix')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(ENGLISH_HEADERS);
    const rows: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = FLOW_COLUMNS.map((_, i) => {
        const v = row.getCell(i + 1).value;
        if (v && typeof v === 'object' && 'text' in v) return String(v.text);
        return typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v ?? '');
      });
      rows.push(cells.join(' | '));
    });
    expect(rows).toEqual(panel);
    expect(typeof sheet.getRow(2).getCell(FLOW_COLUMNS.findIndex((c) => c.key === 'port') + 1).value).toBe(
      'number',
    );
    await keepScreenshot(page, '5a-export-excel');
  });

  it('5b. downloads a CSV whose rows equal the panel rows', async () => {
    const { page } = session();
    const panel = await matrixRows(page);
    const { name, bytes } = await download(page, /CSV/);
    expect(name).toMatch(/\.csv$/);
    const text = bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(ENGLISH_HEADERS);
    expect(rows.map((r) => r.join(' | '))).toEqual(panel);
    await keepScreenshot(page, '5b-export-csv');
  });
});
