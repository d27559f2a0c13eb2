/**
 * Reads the "Flow matrix" sheet of a workbook this app wrote back into rows, for "Compare with...".
 * exceljs is loaded with `import()` (lazy chunk); ports and protocols are parsed here, at the edge,
 * so the comparison only sees values. Columns are found by their header text, as the writer names
 * them (WORKBOOK_COLUMNS, and FLOW_COLUMNS in workbooks written before) in any language the app
 * writes, so a reordered or widened sheet, one written in German, or an older one still reads.
 */
import type { Cell, Worksheet } from 'exceljs';
import type { DeltaRow } from '@/domain/delta/delta-types';
import { parsePortCell, parseProtocolCell, parseSectionsCell } from '@/domain/delta/port-text';
import { WORKBOOK_COLUMNS } from '@/domain/matrix/workbook-columns';
import { type Message, type MessageParam, message } from '@/domain/message';
import { FLOW_COLUMNS } from '@/domain/rows';
// A workbook in either language is read: its headers are looked up in both.
import '@/i18n/german-now';
import { LANGUAGES } from '@/i18n/languages';
import { i18nFor } from '@/i18n/row-words';
import { MATRIX_SHEET } from './xlsx/matrix-sheet';
import type { ExcelJsModule } from './xlsx/sheet-writer';

/** Larger files are refused before exceljs inflates them (a 100,000-row workbook is ~10 MB). */
export const WORKBOOK_MAX_BYTES = 64 * 1024 * 1024;

/** A matrix row read back: what the comparison needs, plus the addresses and the row's id. */
export interface WorkbookRow extends DeltaRow {
  /** The `Rule` cell (F-0001), or empty. */
  readonly id: string;
  readonly sourceAddress: string;
  readonly targetAddress: string;
  /** The sheet's row number, for messages. */
  readonly sheetRow: number;
}

export type ReadWorkbookResult =
  | {
      readonly ok: true;
      readonly rows: WorkbookRow[];
      /** Rows left out, each with its row number and why (never guessed), worded at the edge. */
      readonly problems: Message[];
    }
  | { readonly ok: false; readonly error: Message };

/** The columns read back: today's (WORKBOOK_COLUMNS) and those of our older workbooks (FLOW_COLUMNS). */
type ReadKey =
  | 'source'
  | 'target'
  | 'protocol'
  | 'port'
  | 'service'
  | 'id'
  | 'sourceAddress'
  | 'targetAddress'
  | 'sourceFqdn'
  | 'sourceIp'
  | 'targetFqdn'
  | 'targetIp'
  | 'sectionAnchor'
  | 'section';

const REQUIRED: readonly ReadKey[] = ['source', 'target', 'protocol', 'port', 'service'];
const OPTIONAL: readonly ReadKey[] = [
  'id',
  'sourceAddress',
  'targetAddress',
  'sourceFqdn',
  'sourceIp',
  'targetFqdn',
  'targetIp',
  'sectionAnchor',
  'section',
];

const normal = (text: string) => text.trim().toLowerCase();

/** A column's header key (today's workbook first, then the older matrix), if a matrix of ours had it. */
function headerKey(key: ReadKey) {
  return (WORKBOOK_COLUMNS.find((c) => c.key === key) ?? FLOW_COLUMNS.find((c) => c.key === key))?.header;
}

/** The headers the writer gives a column, English first; empty when no matrix of ours had that column. */
function headersOf(key: ReadKey): string[] {
  const header = headerKey(key);
  return header ? LANGUAGES.map((language) => i18nFor(language).t(header)) : [];
}

/** A column as a message value: its header, said in the reader's language. */
function headerParam(key: ReadKey): MessageParam {
  const header = headerKey(key);
  return header ? { message: message(header) } : key;
}

/** What an IP cell says for a host without an IP, in every language we write: no address. */
const IP_MISSING = new Set(LANGUAGES.map((language) => normal(i18nFor(language).t('matrix:file.ipMissing'))));

/** A host's address as older workbooks wrote it (`fqdn / ip`), from today's two cells. */
function joinAddress(fqdn: string, ip: string): string {
  const address = IP_MISSING.has(normal(ip)) ? '' : ip.trim();
  return [fqdn.trim(), address].filter((v) => v !== '').join(' / ');
}

/** The matrix sheet's names, English first: the workbook is written in one of these languages. */
const MATRIX_SHEETS = LANGUAGES.map((language) => i18nFor(language).t('export:sheets.matrix'));

/** Rows searched for the header: row 1 as we write it, a few more should a title row come first. */
const HEADER_ROWS = 5;

interface Columns {
  readonly columns: Map<ReadKey, number>;
  /** The required columns not found, each named by its header in the reader's language. */
  readonly missing: MessageParam[];
  /** The header's row number. */
  readonly headerRow: number;
}

function columnsIn(sheet: Worksheet, headerRow: number): Columns {
  const byHeader = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const text = normal(cell.text);
    if (text !== '' && !byHeader.has(text)) byHeader.set(text, col);
  });
  const columns = new Map<ReadKey, number>();
  const missing: MessageParam[] = [];
  for (const key of [...REQUIRED, ...OPTIONAL]) {
    const headers = headersOf(key);
    const col = headers.map((h) => byHeader.get(normal(h))).find((c) => c !== undefined);
    if (col !== undefined) columns.set(key, col);
    else if (REQUIRED.includes(key)) missing.push(headerParam(key));
  }
  return { columns, missing, headerRow };
}

/** Column numbers by key from the first row that has every required header (else row 1's report). */
function findColumns(sheet: Worksheet): Columns {
  const first = columnsIn(sheet, 1);
  for (let n = 2; first.missing.length > 0 && n <= Math.min(HEADER_ROWS, sheet.rowCount); n += 1) {
    const found = columnsIn(sheet, n);
    if (found.missing.length === 0) return found;
  }
  return first;
}

/** A port cell's value: a number as the writer writes single ports, else the cell's text. */
function portValueOf(cell: Cell): number | string {
  return typeof cell.value === 'number' ? cell.value : cell.text;
}

function readRow(
  sheet: Worksheet,
  rowNumber: number,
  columns: Map<ReadKey, number>,
): WorkbookRow | Message | undefined {
  const row = sheet.getRow(rowNumber);
  const text = (key: ReadKey) => {
    const col = columns.get(key);
    return col === undefined ? '' : row.getCell(col).text;
  };
  if (!row.hasValues) return undefined;
  const portCell = row.getCell(columns.get('port')!);
  const port = parsePortCell(portValueOf(portCell));
  const protocol = parseProtocolCell(text('protocol'));
  const source = text('source');
  const target = text('target');
  const at = { row: rowNumber };
  if (source.trim() === '' || target.trim() === '') return message('compare:workbook.row.noHost', at);
  if (!protocol)
    return message('compare:workbook.row.protocol', { ...at, value: text('protocol').slice(0, 40) });
  if (!port) return message('compare:workbook.row.port', { ...at, value: portCell.text.slice(0, 40) });
  return {
    id: text('id'),
    source,
    target,
    sourceAddress: columns.has('sourceAddress')
      ? text('sourceAddress')
      : joinAddress(text('sourceFqdn'), text('sourceIp')),
    targetAddress: columns.has('targetAddress')
      ? text('targetAddress')
      : joinAddress(text('targetFqdn'), text('targetIp')),
    protocol,
    port,
    service: text('service'),
    // Today's anchor column; the section column of older workbooks held the anchors.
    sections: parseSectionsCell(text(columns.has('sectionAnchor') ? 'sectionAnchor' : 'section')),
    sheetRow: rowNumber,
  };
}

/**
 * Reads the "Flow matrix" sheet of one of our workbooks into rows to compare with. A file that is
 * not a workbook, has no such sheet, or lacks a column the comparison needs is refused with a
 * one-line reason naming the sheet or the columns; single rows that cannot be read are left out
 * and listed in `problems`.
 *
 * @param bytes - The .xlsx file's bytes.
 * @returns The rows in sheet order (with their problems), or why the file cannot be read.
 * @example
 * const read = await readOurWorkbook(new Uint8Array(await file.arrayBuffer()));
 * if (read.ok) compareFlows(read.rows, rows);
 */
export async function readOurWorkbook(bytes: Uint8Array): Promise<ReadWorkbookResult> {
  if (bytes.byteLength > WORKBOOK_MAX_BYTES) {
    return {
      ok: false,
      error: message('compare:failed.tooLarge', { limit: WORKBOOK_MAX_BYTES / 1024 / 1024 }),
    };
  }
  const imported = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  const ExcelJS = imported.default ?? imported;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message('compare:workbook.notWorkbook', { reason: reason.slice(0, 200) }) };
  }
  const found = MATRIX_SHEETS.map((name) => workbook.getWorksheet(name)).find((s) => s !== undefined);
  const sheet = found ?? workbook.getWorksheet(MATRIX_SHEET);
  if (!sheet) {
    const names = workbook.worksheets.map((s) => s.name);
    return {
      ok: false,
      error: message(names.length > 0 ? 'compare:workbook.noSheet' : 'compare:workbook.noSheets', {
        sheet: { message: message('export:sheets.matrix') },
        sheets: { list: names, join: 'and' },
      }),
    };
  }
  const { columns, missing, headerRow } = findColumns(sheet);
  if (missing.length > 0) {
    return {
      ok: false,
      error: message('compare:workbook.noColumns', {
        sheet: sheet.name,
        columns: { list: missing, join: 'and' },
        count: missing.length,
      }),
    };
  }
  const rows: WorkbookRow[] = [];
  const problems: Message[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n += 1) {
    const read = readRow(sheet, n, columns);
    if (read && 'key' in read) problems.push(read);
    else if (read) rows.push(read);
  }
  return { ok: true, rows, problems };
}
