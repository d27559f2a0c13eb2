/**
 * Engine-neutral sheet writing: the API exceljs' in-memory Workbook and its streaming
 * WorkbookWriter share, so every sheet is written once for both engines.
 */
import type { Cell, Style, Workbook, Worksheet } from 'exceljs';
import { cellString } from '../cell-safety';
import type { ExportProgress } from '../export-format';
import { HEADER_STYLE } from './styles';

export type ExcelJsModule = typeof import('exceljs');

/**
 * The page header and footer every sheet prints, in Excel's header codes (`&L`, `&C`, `&R` for
 * left, centre and right; `&P` and `&N` for the page and the page count; `&&` for an ampersand).
 */
export interface PrintSetup {
  readonly header: string;
  readonly footer: string;
}

/**
 * One cell of a row: its value (strings made safe when written), its style (none: the sheet's
 * default) and a link target. Every engine writes a row from the same cells.
 */
export interface SheetCell {
  readonly value: string | number;
  readonly style?: Partial<Style>;
  readonly hyperlink?: string;
}

/**
 * A sheet's data rows handed to the parts engine instead of exceljs: exceljs writes the header
 * and the sample rows (one per style the rows use, so styles.xml holds them); the rows are written
 * as XML at `finish`, slice by slice, in place of the samples.
 */
export interface DeferredRows {
  /** exceljs' worksheet id (its file is `xl/worksheets/sheet<id>.xml`). */
  readonly sheetId: number;
  /** The sample rows' cells, as written after the header. */
  readonly samples: readonly (readonly SheetCell[])[];
  readonly count: number;
  /** The cells of every row, in order; called once per row, first to last. */
  rows(): Iterator<readonly SheetCell[]>;
  readonly rowsPerSlice: number;
}

/** A workbook being written and the one call that packs it into the file's bytes. */
export interface Engine {
  readonly workbook: Workbook;
  /** What every sheet prints above and below its rows; none when not given. */
  readonly print?: PrintSetup;
  /**
   * The parts engine only: takes a sheet's rows to write at `finish`; its `finish` reports the
   * rows' progress and the packing phase itself.
   */
  readonly defer?: (rows: DeferredRows) => void;
  finish(onProgress?: ExportProgress): Promise<Uint8Array>;
}

/**
 * Text for a page header: `&` starts a header code, so a name's ampersand is doubled, and Excel
 * refuses headers over 255 characters, so long texts are cut.
 *
 * @example
 * headerText('R&D lab'); // 'R&&D lab'
 */
export function headerText(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return cut.replace(/&/g, '&&');
}

/** Margins in inches: narrower than Excel's default, with room for the page header and footer. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 };

export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  /** Freeze the header row and put an autofilter on it. */
  readonly table: boolean;
}

/** Excel's paper size codes (ECMA-376 §18.3.1.63): A4 and A3. */
const PAPER = { a4: 9, a3: 8 } as const;
/** Column widths (characters) above which a sheet goes on A3: its print scale is then still legible. */
const A3_ABOVE = 180;

/**
 * The paper a sheet prints on: A4, or A3 for a wide sheet (the 31 columns of the matrix), whose
 * one-page-wide scale on A4 would be too small to read.
 */
export function paperFor(columns: readonly { readonly width: number }[]): number {
  return columns.reduce((sum, c) => sum + c.width, 0) > A3_ABOVE ? PAPER.a3 : PAPER.a4;
}

/** Rows of a sheet, header included. */
const SHEET_ROW_LIMIT = 1_048_576;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The letters of a column number (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Sheet-local defined names (`_xlnm._FilterDatabase`) that exceljs' DefinedNames cannot hold. */
export interface LocalName {
  readonly name: string;
  readonly localSheetId: number;
  readonly ranges: string[];
}

/**
 * LibreOffice only shows an autofilter when the workbook defines the sheet-local
 * `_xlnm._FilterDatabase` name (Excel reads `<autoFilter>` alone). exceljs' DefinedNames drops
 * `localSheetId`, but both writers read the list from `definedNames.model`, so this adds the
 * entries there; exceljs renders `localSheetId` when present.
 */
export function addLocalNames(workbook: Workbook, names: readonly LocalName[]): void {
  const definedNames = workbook.definedNames as unknown as { model: unknown[] };
  const proto = Object.getPrototypeOf(definedNames) as object;
  const base = Object.getOwnPropertyDescriptor(proto, 'model');
  const { get, set } = base ?? {};
  if (!get || !set) throw new Error('exceljs changed: definedNames.model is no accessor');
  Object.defineProperty(definedNames, 'model', {
    configurable: true,
    get: () => [...(get.call(definedNames) as unknown[]), ...names],
    set: (value: unknown) => set.call(definedNames, value),
  });
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Writes one sheet row by row; strings go through `cellString`, so no cell is ever a formula. */
export class SheetWriter {
  readonly sheet: Worksheet;
  private rowNumber = 0;

  constructor(
    engine: Engine,
    readonly spec: SheetSpec,
  ) {
    // Print setup goes in with the sheet: the streaming writer decides `fitToPage` from these
    // options when the sheet is made, not from later changes. Landscape, one page wide, as many
    // pages tall as it takes (fitToHeight 0), the header row on every page.
    this.sheet = engine.workbook.addWorksheet(spec.name, {
      views: spec.table
        ? [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }]
        : [],
      pageSetup: {
        orientation: 'landscape',
        paperSize: paperFor(spec.columns),
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: MARGINS,
        ...(spec.table ? { printTitlesRow: '1:1' } : {}),
      },
      ...(engine.print
        ? { headerFooter: { oddHeader: engine.print.header, oddFooter: engine.print.footer } }
        : {}),
    });
    // exceljs leaves out a width of exactly 9 (its default), and Excel would then use 8.43.
    this.sheet.columns = spec.columns.map((c) => ({ width: c.width === 9 ? 9.14 : c.width }));
    if (spec.table)
      this.addRow(
        spec.columns.map((c) => c.header),
        HEADER_STYLE,
      );
  }

  get rows(): number {
    return this.rowNumber;
  }

  /** Adds a row of values (strings are made safe here), every cell in `style`, and commits it. */
  addRow(
    values: readonly (string | number | undefined)[],
    style?: Partial<Style>,
    dress?: (cell: (col: number) => Cell) => void,
  ): void {
    if (this.rowNumber >= SHEET_ROW_LIMIT) {
      throw new Error(`the "${this.spec.name}" sheet would exceed Excel's ${SHEET_ROW_LIMIT} rows`);
    }
    this.rowNumber += 1;
    const row = this.sheet.getRow(this.rowNumber);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      if (value !== undefined) cell.value = typeof value === 'string' ? cellString(value) : value;
      if (style) cell.style = style;
    });
    dress?.((col) => row.getCell(col));
    row.commit();
  }

  /** Adds a row of cells: values as {@link addRow}, then each cell's style and link. */
  addCells(cells: readonly SheetCell[]): void {
    this.addRow(
      cells.map((c) => c.value),
      undefined,
      (cell) => {
        cells.forEach((c, i) => {
          if (c.hyperlink) {
            const text = cellString(String(c.value));
            cell(i + 1).value = { text, hyperlink: c.hyperlink, tooltip: c.hyperlink };
          }
          if (c.style) cell(i + 1).style = c.style;
        });
      },
    );
  }

  /**
   * Counts rows another writer adds later (the parts engine), so the autofilter and the ranges
   * set from {@link rows} cover them.
   */
  declareRows(total: number): void {
    if (total < this.rowNumber || total > SHEET_ROW_LIMIT) {
      throw new Error(`the "${this.spec.name}" sheet cannot hold ${total} rows`);
    }
    this.rowNumber = total;
  }

  /** Autofilter over the header and the rows written so far; call after the last row. */
  filterName(localSheetId: number): LocalName | undefined {
    if (!this.spec.table) return undefined;
    const last = columnLetter(this.spec.columns.length);
    const bottom = Math.max(this.rowNumber, 1);
    this.sheet.autoFilter = `A1:${last}${bottom}`;
    return {
      name: '_xlnm._FilterDatabase',
      localSheetId,
      ranges: [`${quoteSheet(this.spec.name)}!$A$1:$${last}$${bottom}`],
    };
  }
}

export function toUint8Array(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * Node's streaming writer (fast and light: 100,000 rows in a few seconds) or the in-memory
 * workbook, the only one in exceljs' browser build and the only one that can embed a picture.
 */
export function createEngine(ExcelJS: ExcelJsModule, streaming: boolean, print?: PrintSetup): Engine {
  if (streaming) {
    const WorkbookWriter = ExcelJS.stream?.xlsx?.WorkbookWriter;
    if (!WorkbookWriter) throw new Error('the streaming xlsx writer is only available in Node');
    // No `stream` option: the writer collects the file in its own memory buffer.
    const writer = new WorkbookWriter({ useStyles: true, useSharedStrings: true });
    return {
      workbook: writer,
      print,
      async finish() {
        await writer.commit();
        const buffer = (writer as unknown as { stream: { read(): ArrayBufferView } }).stream.read();
        return toUint8Array(buffer);
      },
    };
  }
  const workbook = new ExcelJS.Workbook();
  return {
    workbook,
    print,
    async finish() {
      return toUint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true }));
    },
  };
}
