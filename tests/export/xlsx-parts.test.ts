/**
 * The parts engine (the browser's: exceljs writes a template, the matrix rows are streamed into
 * the zip as XML) writes the workbook the in-memory engine writes: every cell's value and style on
 * every sheet, the links, the status list, the autofilter, the frozen header and the print setup,
 * read back with exceljs and from the parts' XML.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { WORKBOOK_COLUMNS } from '@/domain/matrix/workbook-columns';
import { type FlowRow, flowsToRows } from '@/domain/rows';
import { writeWorkbook } from '@/export/xlsx';
import { ROWS_PER_SLICE } from '@/export/xlsx/matrix-sheet';
import { rowWords } from '@/i18n/row-words';
import {
  documentWithLabels,
  FORMULA_LABELS,
  ODD_LABELS,
  readWorkbook,
  TINY_PNG,
  unzip,
  ZONED_ESTATE,
  zipText,
} from './support';

const document = ZONED_ESTATE;
const exportedAt = new Date('2026-11-25T09:30:00Z');
const rowsOf = (doc: TopologyDocument) =>
  flowsToRows(deriveFlows(doc, catalogue).flows, doc, rowWords(catalogue, 'en'));
const rows = rowsOf(document);
const col = (key: string) => WORKBOOK_COLUMNS.findIndex((c) => c.key === key) + 1;

async function both(input: { rows: FlowRow[]; document: TopologyDocument; diagramPng?: Uint8Array }) {
  const write = (engine: 'memory' | 'parts') =>
    writeWorkbook({ ...input, catalogue, exportedAt }, { engine });
  const memory = await write('memory');
  const parts = await write('parts');
  return { memory, parts, a: await readWorkbook(memory), b: await readWorkbook(parts) };
}

/** Every cell of a sheet: its address, value and style, as exceljs reads them. */
function cellsOf(sheet: Worksheet) {
  const cells: unknown[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells.push({ at: `${r}:${c}`, value: cell.value, style: cell.style });
    });
  });
  return cells;
}

function expectSameSheets(a: Workbook, b: Workbook) {
  expect(b.worksheets.map((s) => s.name)).toEqual(a.worksheets.map((s) => s.name));
  for (const sheet of a.worksheets) {
    const other = b.getWorksheet(sheet.name)!;
    expect(other.rowCount, sheet.name).toBe(sheet.rowCount);
    expect(cellsOf(other), sheet.name).toEqual(cellsOf(sheet));
    expect(other.views, sheet.name).toEqual(sheet.views);
    expect(other.pageSetup, sheet.name).toEqual(sheet.pageSetup);
    expect(other.headerFooter, sheet.name).toEqual(sheet.headerFooter);
    expect(other.autoFilter, sheet.name).toEqual(sheet.autoFilter);
    expect(
      other.columns.map((c) => c.width),
      sheet.name,
    ).toEqual(sheet.columns.map((c) => c.width));
  }
}

describe('the parts engine', () => {
  const written = both({ rows, document });

  it('covers a host without an IP, a high-risk row and linked sections', () => {
    expect(rows.some((r) => r.sourceIpMissing || r.targetIpMissing)).toBe(true);
    expect(rows.some((r) => r.highRisk)).toBe(true);
    expect(rows.every((r) => r.sectionUrl !== '')).toBe(true);
  });

  it('writes every cell of every sheet as the in-memory engine does: values, styles, links', async () => {
    const { a, b } = await written;
    expectSameSheets(a, b);
    const matrix = b.getWorksheet('Flow matrix')!;
    expect(matrix.rowCount).toBe(rows.length + 1);
    const risky = rows.findIndex((r) => r.highRisk) + 2;
    expect(matrix.getRow(risky).getCell(col('port')).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    const missing = rows.findIndex((r) => r.sourceIpMissing) + 2;
    expect(matrix.getRow(missing).getCell(col('sourceIp')).value).toBe('IP missing');
    expect(matrix.getRow(missing).getCell(col('sourceIp')).font?.color?.argb).toBe('FFB45309');
    const last = matrix.getRow(rows.length + 1).getCell(col('sectionTitle')).value;
    expect(last).toEqual({ text: rows.at(-1)!.sectionTitles.join('; '), hyperlink: rows.at(-1)!.sectionUrl });
  });

  it('gives the strip cell alone the service colour', async () => {
    const { b } = await written;
    const row = b.getWorksheet('Flow matrix')!.getRow(2);
    const colour = catalogue.serviceById.get(rows[0]!.serviceId)!.color.replace('#', '').toUpperCase();
    expect(row.getCell(col('strip')).fill).toMatchObject({ fgColor: { argb: `FF${colour}` } });
    expect(row.getCell(col('id')).fill).toBeUndefined();
  });

  it('sets the status list, the autofilter, the filter name and the print titles for every row', async () => {
    const { memory, parts, b } = await written;
    const last = rows.length + 1;
    const matrix = b.getWorksheet('Flow matrix')!;
    expect(matrix.autoFilter).toBe(`A1:AE${last}`);
    const sheetXml = zipText(unzip(parts), 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain(`sqref="AB2:AB${last}"`);
    expect(sheetXml).toContain('&quot;requested,approved,implemented,verified,blocked&quot;');
    expect(sheetXml).toContain(`<dimension ref="A1:AE${last}"/>`);
    expect(sheetXml.match(/<hyperlink /g)).toHaveLength(rows.length);
    expect(sheetXml).not.toContain(`<row r="${last + 1}"`);
    const workbookXml = zipText(unzip(parts), 'xl/workbook.xml');
    expect(workbookXml).toBe(zipText(unzip(memory), 'xl/workbook.xml'));
    expect(workbookXml).toContain(
      `"_xlnm._FilterDatabase" localSheetId="0">&apos;Flow matrix&apos;!$A$1:$AE$${last}<`,
    );
    expect(workbookXml).toContain('"_xlnm.Print_Titles" localSheetId="0">&apos;Flow matrix&apos;!$1:$1<');
    expect(matrix.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(matrix.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
  });

  it('keeps formula-like and odd labels exactly as the in-memory engine does', async () => {
    const doc = documentWithLabels([...FORMULA_LABELS, ...ODD_LABELS]);
    const { a, b } = await both({ rows: rowsOf(doc), document: doc });
    expectSameSheets(a, b);
  });

  it('embeds the diagram picture as the in-memory engine does', async () => {
    const { a, b, parts } = await both({ rows, document, diagramPng: TINY_PNG });
    expectSameSheets(a, b);
    expect(b.model.media).toHaveLength(1);
    expect(Buffer.from(unzip(parts).get('xl/media/image1.png')!)).toEqual(Buffer.from(TINY_PNG));
  });

  it('writes a workbook without rows', async () => {
    const { a, b } = await both({ rows: [], document });
    expectSameSheets(a, b);
  });

  it('reports rows slice by slice, then packing', async () => {
    const many = Array.from({ length: ROWS_PER_SLICE * 2 + 1 }, (_, i) => ({
      ...rows[i % rows.length]!,
      id: `F-${i}`,
    }));
    const calls: [number, number, string | undefined][] = [];
    const onProgress = (d: number, t: number, phase?: string) => calls.push([d, t, phase]);
    await writeWorkbook({ rows: many, document, catalogue, onProgress }, { engine: 'parts' });
    expect(calls).toEqual([
      [0, many.length, 'rows'],
      [ROWS_PER_SLICE, many.length, 'rows'],
      [ROWS_PER_SLICE * 2, many.length, 'rows'],
      [many.length, many.length, 'packing'],
    ]);
  });
});

describe('the parts engine on a large matrix', () => {
  it('writes 50,000 rows that read back in order, the last one whole', async () => {
    const count = 50_000;
    const many = Array.from({ length: count }, (_, i) => ({ ...rows[i % rows.length]!, id: `F-${i + 1}` }));
    const bytes = await writeWorkbook({ rows: many, document, catalogue, exportedAt }, { engine: 'parts' });
    const matrix = (await readWorkbook(bytes)).getWorksheet('Flow matrix')!;
    expect(matrix.rowCount).toBe(count + 1);
    const last = matrix.getRow(count + 1);
    const source = many.at(-1)!;
    expect(last.getCell(col('id')).value).toBe(`F-${count}`);
    expect(last.getCell(col('source')).value).toBe(source.source);
    expect(last.getCell(col('sectionTitle')).value).toEqual({
      text: source.sectionTitles.join('; '),
      hyperlink: source.sectionUrl,
    });
    expect(last.getCell(col('strip')).fill).toEqual(
      matrix.getRow(2 + ((count - 1) % rows.length)).getCell(1).fill,
    );
    expect(matrix.autoFilter).toBe(`A1:AE${count + 1}`);
  }, 240_000);
});
