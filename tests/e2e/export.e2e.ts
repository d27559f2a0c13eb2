import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WORKBOOK_COLUMNS } from '@/domain/matrix/workbook-columns';
import { FLOW_COLUMNS } from '@/domain/rows';
import { ENGLISH_HEADERS, ENGLISH_WORKBOOK_HEADERS, parseCsv } from '../export/support';
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
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => v ?? '');
    expect(header).toEqual(ENGLISH_WORKBOOK_HEADERS);
    // The panel's columns, read from the workbook's: it writes FQDN and IP apart (not compared
    // here: the panel joins them) and the anchors beside the linked heading.
    const joined = new Set(['sourceAddress', 'targetAddress']);
    const compared = FLOW_COLUMNS.filter((c) => !joined.has(c.key));
    const at = (key: string) =>
      WORKBOOK_COLUMNS.findIndex((c) => c.key === (key === 'section' ? 'sectionAnchor' : key)) + 1;
    const rows: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = compared.map((c) => {
        const v = row.getCell(at(c.key)).value;
        if (v && typeof v === 'object' && 'text' in v) return String(v.text);
        return typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v ?? '');
      });
      rows.push(cells.join(' | '));
    });
    const keep = FLOW_COLUMNS.map((c) => !joined.has(c.key));
    expect(rows).toEqual(
      panel.map((line) =>
        line
          .split(' | ')
          .filter((_, i) => keep[i])
          .join(' | '),
      ),
    );
    expect(typeof sheet.getRow(2).getCell(at('port')).value).toBe('number');
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
