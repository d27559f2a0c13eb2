import type { Cell, CellHyperlinkValue, FillPattern, Worksheet } from 'exceljs';
import { catalogue } from '@/domain/default-catalogue';
import { consolidateHostPairs } from '@/domain/host-pairs';
import { WORKBOOK_COLUMNS, workbookCellValue } from '@/domain/matrix/workbook-columns';
import type { FlowRow } from '@/domain/rows';
import { CELL_TEXT_LIMIT, cellString } from '@/export/cell-safety';
import { SHEET_NAMES, writeWorkbook } from '@/export/xlsx';
import { colourArgb, tintArgb } from '@/export/xlsx/colours';
import { pngSize } from '@/export/xlsx/diagram-sheet';
import { HYPERLINK_LIMIT, ROWS_PER_SLICE } from '@/export/xlsx/matrix-sheet';
import { columnLetter } from '@/export/xlsx/sheet-writer';
import { workbookWords } from '@/export/xlsx/workbook-words';
import { i18nFor } from '@/i18n/row-words';
import {
  ENGLISH_WORKBOOK_HEADERS,
  loadExample,
  readWorkbook,
  rowsOf,
  TINY_PNG,
  unzip,
  zipText,
} from './support';

const document = loadExample('standalone-primary');
const rows = rowsOf(document);
const exportedAt = new Date('2026-11-25T09:30:00Z');
const col = (key: string) => WORKBOOK_COLUMNS.findIndex((c) => c.key === key) + 1;
const lastColumn = columnLetter(WORKBOOK_COLUMNS.length);
const sectionColumn = columnLetter(col('sectionTitle'));
const words = workbookWords(i18nFor('en'));

function fillOf(cell: Cell): string | undefined {
  return (cell.fill as FillPattern | undefined)?.fgColor?.argb;
}

describe('colours', () => {
  it('turns catalogue colours into ARGB and light tints of them', () => {
    expect(colourArgb('#2563eb')).toBe('FF2563EB');
    // 0x25 + (255 - 0x25) * 0.8 = 211.4 → D3; 0x63 → 223.8 → E0; 0xeb → 251 → FB
    expect(tintArgb('#2563eb')).toBe('FFD3E0FB');
    expect(tintArgb('#000000', 0.5)).toBe('FF808080');
    expect(colourArgb('not a colour')).toBe('FF94A3B8');
  });
});

describe('cellString', () => {
  it('leaves ordinary and formula-looking text alone (a string cell is never a formula)', () => {
    for (const text of ['P01-SITE', '=1+1', '＝1', 'שרת', 'a\u202Eb', '🖥️ 👩‍💻', 'tab\there', 'line\nbreak']) {
      expect(cellString(text)).toBe(text);
    }
  });
  it('escapes characters XML cannot carry, CR, and _xHHHH_ look-alikes the readers would decode', () => {
    expect(cellString('a\u0001b')).toBe('a_x0001_b');
    expect(cellString('a\rb')).toBe('a_x000D_b');
    expect(cellString('a\u007Fb\uFFFE')).toBe('a_x007F_b_xFFFE_');
    expect(cellString('_x0041_')).toBe('_x005F_x0041_');
    expect(cellString('_x0041\u0001')).toBe('_x005F_x0041_x0001_');
  });
  it('cuts text over 32,767 characters with a marker, never splitting a surrogate pair', () => {
    const cut = cellString('y'.repeat(40_000));
    expect(cut).toHaveLength(CELL_TEXT_LIMIT);
    expect(cut).toMatch(/… \[cut: [\d,]+ more characters\]$/);
    expect(cut.startsWith('y'.repeat(32_000))).toBe(true);
    const emoji = cellString('😀'.repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(cellString('z'.repeat(CELL_TEXT_LIMIT))).toBe('z'.repeat(CELL_TEXT_LIMIT));
  });
});

describe('pngSize', () => {
  it('reads width and height from the IHDR chunk', () => {
    expect(pngSize(TINY_PNG)).toEqual({ width: 1, height: 1 });
    const wide = TINY_PNG.slice();
    new DataView(wide.buffer).setUint32(16, 4000);
    new DataView(wide.buffer).setUint32(20, 1000);
    expect(pngSize(wide)).toEqual({ width: 4000, height: 1000 });
  });
  it('refuses what is not a PNG', () => {
    expect(pngSize(new TextEncoder().encode('GIF89a, not a png at all, nope'))).toBeUndefined();
    expect(pngSize(new Uint8Array(0))).toBeUndefined();
  });
});

describe.each(['stream', 'memory', 'parts'] as const)('workbook written by the %s engine', (engine) => {
  let bytes: Uint8Array;
  let matrix: Worksheet;
  let workbookSheets: string[];
  let workbook: Awaited<ReturnType<typeof readWorkbook>>;

  beforeAll(async () => {
    bytes = await writeWorkbook({ rows, document, catalogue, appVersion: '9.8.7', exportedAt }, { engine });
    workbook = await readWorkbook(bytes);
    workbookSheets = workbook.worksheets.map((s) => s.name);
    matrix = workbook.getWorksheet(SHEET_NAMES.matrix)!;
  });

  it('has the five sheets, no Diagram without a picture', () => {
    expect(workbookSheets).toEqual(['Flow matrix', 'Host pairs', 'Zone pairs', 'Hosts', 'Notes and legend']);
    expect(workbook.model.media ?? []).toHaveLength(0);
  });

  it('writes a bold header and one row per derived flow', () => {
    const header = matrix.getRow(1);
    expect(WORKBOOK_COLUMNS.map((_, i) => header.getCell(i + 1).text)).toEqual(ENGLISH_WORKBOOK_HEADERS);
    expect(header.getCell(2).font?.bold).toBe(true);
    expect(matrix.rowCount).toBe(rows.length + 1);
    expect(rows.length).toBeGreaterThan(20);
  });

  it('writes the same cells as the matrix rows: ports as numbers, ranges as text', () => {
    rows.forEach((row, i) => {
      const sheetRow = matrix.getRow(i + 2);
      for (const [index, column] of WORKBOOK_COLUMNS.entries()) {
        const cell = sheetRow.getCell(index + 1);
        if (column.key === 'port') {
          expect(cell.value).toBe(
            row.port.kind === 'single' ? row.port.port : `${row.port.from}-${row.port.to}`,
          );
        } else if (column.key === 'sectionTitle') {
          expect((cell.value as CellHyperlinkValue).text).toBe(row.sectionTitles.join('; '));
        } else {
          expect(cell.text).toBe(workbookCellValue(row, column.key, words));
        }
      }
    });
    const single = rows.findIndex((r) => r.port.kind === 'single');
    const range = rows.findIndex(
      (r) => r.port.kind === 'range' && r.port.from === 49152 && r.port.to === 65535,
    );
    expect(single).toBeGreaterThanOrEqual(0);
    expect(range).toBeGreaterThanOrEqual(0);
    expect(typeof matrix.getRow(single + 2).getCell(col('port')).value).toBe('number');
    expect(matrix.getRow(range + 2).getCell(col('port')).value).toBe('49152-65535');
  });

  it('links every section cell to its place in the port document', () => {
    rows.forEach((row, i) => {
      const value = matrix.getRow(i + 2).getCell(col('sectionTitle')).value as CellHyperlinkValue;
      expect(value.hyperlink).toBe(row.sectionUrl);
      expect(value.text).not.toMatch(/^BKMK_/);
      expect(matrix.getRow(i + 2).getCell(col('sectionAnchor')).value).toBe(row.sections.join(';'));
    });
  });

  it('colours a narrow strip cell per row with its service colour and fills no other cell', () => {
    const services = new Set<string>();
    rows.forEach((row, i) => {
      const colour = catalogue.serviceById.get(row.serviceId)?.color;
      expect(colour).toBeDefined();
      const sheetRow = matrix.getRow(i + 2);
      expect(fillOf(sheetRow.getCell(col('strip')))).toBe(colourArgb(colour!));
      expect(sheetRow.getCell(col('strip')).text).toBe('');
      WORKBOOK_COLUMNS.forEach((c, index) => {
        if (c.key === 'strip' || (row.highRisk && (c.key === 'port' || c.key === 'notes'))) return;
        expect(fillOf(sheetRow.getCell(index + 1)), `${c.key} of ${row.id}`).toBeUndefined();
      });
      services.add(row.serviceId);
    });
    expect(services.size).toBeGreaterThan(3);
    expect(matrix.getColumn(col('strip')).width).toBeLessThanOrEqual(3);
    const web = rows.findIndex((r) => r.serviceId === 'web');
    expect(fillOf(matrix.getRow(web + 2).getCell(col('strip')))).toBe('FF2563EB');
    expect(fillOf(matrix.getRow(web + 2).getCell(col('id')))).not.toBe(tintArgb('#2563eb'));
  });

  it('marks RPC dynamic-range flows as high risk in the notes and port cells', () => {
    const risky = rows.map((r, i) => [r, i] as const).filter(([r]) => r.highRisk);
    expect(risky.length).toBeGreaterThan(0);
    for (const [row, i] of risky) {
      const notes = matrix.getRow(i + 2).getCell(col('notes'));
      expect(notes.value).toMatch(/^HIGH RISK: RPC dynamic range/);
      expect(fillOf(notes)).toBe('FFFFC7CE');
      expect(notes.font?.bold).toBe(true);
      expect(fillOf(matrix.getRow(i + 2).getCell(col('port')))).toBe('FFFFC7CE');
      expect(row.port).toEqual({ kind: 'range', from: 49152, to: 65535 });
    }
    const safe = rows.findIndex((r) => !r.highRisk);
    expect(fillOf(matrix.getRow(safe + 2).getCell(col('notes')))).not.toBe('FFFFC7CE');
  });

  it('freezes the header and sets an autofilter Excel and LibreOffice both show', () => {
    expect(matrix.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const last = rows.length + 1;
    expect(matrix.autoFilter).toBe(`A1:${lastColumn}${last}`);
    const files = unzip(bytes);
    const book = zipText(files, 'xl/workbook.xml');
    expect(book).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;Flow matrix&apos;!$A$1:$${lastColumn}$${last}</definedName>`,
    );
    expect(zipText(files, 'xl/worksheets/sheet1.xml')).toContain(
      `<autoFilter ref="A1:${lastColumn}${last}"/>`,
    );
    expect(book).toMatch(/_xlnm\._FilterDatabase" localSheetId="1">&apos;Host pairs&apos;!\$A\$1:\$L\$\d+</);
    expect(book).toMatch(/_xlnm\._FilterDatabase" localSheetId="2">&apos;Zone pairs&apos;!\$A\$1:\$H\$\d+</);
    expect(book).toMatch(/_xlnm\._FilterDatabase" localSheetId="3">&apos;Hosts&apos;!\$A\$1:\$F\$\d+</);
  });

  it('sets the column widths of the matrix', () => {
    WORKBOOK_COLUMNS.forEach((c, i) => {
      expect(Math.floor(matrix.getColumn(i + 1).width ?? 0)).toBe(c.width);
    });
  });

  it('writes no formula anywhere', () => {
    for (const [name, content] of unzip(bytes)) {
      if (name.startsWith('xl/worksheets/sheet')) expect(content.toString('utf8')).not.toContain('<f>');
    }
  });

  it('consolidates host pairs for a change request', () => {
    const sheet = workbook.getWorksheet(SHEET_NAMES.pairs)!;
    const pairs = consolidateHostPairs(rows);
    expect(sheet.rowCount).toBe(pairs.length + 1);
    expect(sheet.getRow(1).getCell(9).value).toBe('Ports');
    expect([2, 3, 6, 7].map((c) => sheet.getRow(1).getCell(c).value)).toEqual([
      'Source FQDN',
      'Source IP',
      'Destination FQDN',
      'Destination IP',
    ]);
    const found = pairs.findIndex((p) => p.sourceId === 'clients' && p.targetId === 'mp');
    const row = sheet.getRow(found + 2);
    expect(row.getCell(1).value).toBe('Clients HQ');
    expect(row.getCell(5).value).toBe('P01-MP01');
    expect(row.getCell(9).value).toBe('TCP 80, 443, 10123');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('lists the host inventory', () => {
    const sheet = workbook.getWorksheet(SHEET_NAMES.hosts)!;
    expect(sheet.rowCount).toBe(document.hosts.length + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'FQDN', 'IP', 'Site', 'Zone', 'Roles']);
    const site = sheet.getRow(2);
    expect(site.getCell(1).value).toBe('P01-SITE');
    expect(site.getCell(2).value).toBe('p01-site.corp.example');
    expect(site.getCell(3).value).toBe('10.1.0.10');
    expect(site.getCell(4).value).toBe('P01');
    expect(String(site.getCell(6).value)).toContain(catalogue.roleById.get('site-server')!.name);
  });

  it('explains notes 1–6, the colours, the document edition, the app version and the date', () => {
    const sheet = workbook.getWorksheet(SHEET_NAMES.notes)!;
    const cells: Cell[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell);
      });
    });
    const texts = cells.map((c) => (typeof c.value === 'object' ? c.text : String(c.value)));
    for (const note of catalogue.notes) {
      expect(texts).toContain(note.text);
      expect(texts).toContain(note.title);
    }
    expect(catalogue.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const service of catalogue.services) {
      const swatch = cells.find((c) => c.value === service.color.toUpperCase());
      expect(swatch && fillOf(swatch)).toBe(colourArgb(service.color));
      expect(texts).toContain(service.name);
    }
    expect(texts).toContain('9.8.7');
    expect(texts).toContain('2026-11-25 09:30 UTC');
    expect(texts.some((t) => t.includes(catalogue.source.edition))).toBe(true);
    expect(texts).toContain(catalogue.source.url);
    expect(texts).toContain(document.name);
  });
});

describe('the Diagram sheet', () => {
  it('holds the picture when one is given', async () => {
    const bytes = await writeWorkbook({ rows, document, catalogue, diagramPng: TINY_PNG });
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toContain('Diagram');
    const sheet = workbook.getWorksheet(SHEET_NAMES.diagram)!;
    const images = sheet.getImages();
    expect(images).toHaveLength(1);
    const image = workbook.getImage(Number(images[0]!.imageId));
    expect(image.extension).toBe('png');
    expect(Uint8Array.from(image.buffer as unknown as Uint8Array)).toEqual(TINY_PNG);
    expect(workbook.getWorksheet(SHEET_NAMES.matrix)!.rowCount).toBe(rows.length + 1);
  });

  it('says so in text when the bytes are not a PNG', async () => {
    const bytes = await writeWorkbook({
      rows,
      document,
      catalogue,
      diagramPng: new TextEncoder().encode('<svg/> is not a png'),
    });
    const workbook = await readWorkbook(bytes);
    const sheet = workbook.getWorksheet(SHEET_NAMES.diagram)!;
    expect(sheet.getImages()).toHaveLength(0);
    expect(String(sheet.getCell('A1').value)).toMatch(/not a PNG/);
  });

  it('refuses a picture on the streaming engine rather than dropping it', async () => {
    await expect(
      writeWorkbook({ rows, document, catalogue, diagramPng: TINY_PNG }, { engine: 'stream' }),
    ).rejects.toThrow(/cannot embed/);
  });
});

describe('writeWorkbook edges', () => {
  it('writes headers and a note for a topology without flows', async () => {
    const workbook = await readWorkbook(await writeWorkbook({ rows: [], document, catalogue }));
    const matrix = workbook.getWorksheet(SHEET_NAMES.matrix)!;
    expect(matrix.rowCount).toBe(1);
    expect(matrix.autoFilter).toBe(`A1:${lastColumn}1`);
    const notes: string[] = [];
    workbook.getWorksheet(SHEET_NAMES.notes)!.eachRow((row) => {
      notes.push(String(row.getCell(2).value));
    });
    expect(notes.some((t) => t.includes('yields no flows'))).toBe(true);
  });

  it('cuts a cell over 32,767 characters with a marker and stays readable', async () => {
    const long: FlowRow = { ...rows[0]!, justification: `start ${'j'.repeat(50_000)} end` };
    const bytes = await writeWorkbook({ rows: [long], document, catalogue });
    const workbook = await readWorkbook(bytes);
    const cell = workbook.getWorksheet(SHEET_NAMES.matrix)!.getRow(2).getCell(col('justification'));
    const text = String(cell.value);
    expect(text).toHaveLength(CELL_TEXT_LIMIT);
    expect(text.startsWith('start jjj')).toBe(true);
    expect(text).toMatch(/cut: [\d,]+ more characters\]$/);
  });

  it('reports progress every slice and once at the end', async () => {
    const many = Array.from({ length: ROWS_PER_SLICE * 2 + 5 }, (_, i) => ({
      ...rows[i % rows.length]!,
      id: `F-${i + 1}`,
    }));
    const calls: [number, number][] = [];
    await writeWorkbook({ rows: many, document, catalogue, onProgress: (d, t) => calls.push([d, t]) });
    const total = many.length;
    expect(calls).toEqual([
      [0, total],
      [ROWS_PER_SLICE, total],
      [ROWS_PER_SLICE * 2, total],
      [total, total],
    ]);
  });

  it.each(['stream', 'memory'] as const)(
    'names the phase (%s): rows while writing, packing once every row is written',
    async (engine) => {
      const many = Array.from({ length: ROWS_PER_SLICE + 1 }, (_, i) => ({
        ...rows[i % rows.length]!,
        id: `F-${i + 1}`,
      }));
      const calls: [number, number, string | undefined][] = [];
      const onProgress = (d: number, t: number, phase?: string) => calls.push([d, t, phase]);
      await writeWorkbook({ rows: many, document, catalogue, onProgress }, { engine });
      expect(calls).toEqual([
        [0, many.length, 'rows'],
        [ROWS_PER_SLICE, many.length, 'rows'],
        [many.length, many.length, 'packing'],
      ]);
    },
  );
});

describe('Excel limits on large matrices', () => {
  it(`links at most ${HYPERLINK_LIMIT.toLocaleString('en-US')} section cells per sheet and says so`, async () => {
    const many = Array.from({ length: HYPERLINK_LIMIT + 10 }, (_, i) => ({
      ...rows[i % rows.length]!,
      id: `F-${i + 1}`,
    }));
    const files = unzip(await writeWorkbook({ rows: many, document, catalogue }, { engine: 'stream' }));
    const sheet = zipText(files, 'xl/worksheets/sheet1.xml');
    expect(sheet.match(/<hyperlink /g)).toHaveLength(HYPERLINK_LIMIT);
    expect(sheet).toContain(`<hyperlink ref="${sectionColumn}${HYPERLINK_LIMIT + 1}"`);
    expect(sheet).not.toContain(`<hyperlink ref="${sectionColumn}${HYPERLINK_LIMIT + 2}"`);
    expect(zipText(files, 'xl/sharedStrings.xml')).toContain('Excel allows 65,530 links per sheet');
  }, 30_000);
});
