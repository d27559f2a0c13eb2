/**
 * The "Flow matrix" sheet: the matrix rows in WORKBOOK_COLUMNS, a service-coloured strip in the first
 * column, section headings linked to the edition's page, "IP missing" where a host has no IP and
 * the change workflow's empty columns, status with a drop-down list.
 */
import type { DataValidation, Style, Worksheet } from 'exceljs';
import {
  WORKBOOK_COLUMNS,
  WORKFLOW_STATUSES,
  type WorkbookColumnKey,
  type WorkbookWords,
  type WorkflowStatus,
  workbookCellValue,
} from '@/domain/matrix/workbook-columns';
import type { FlowRow } from '@/domain/rows';
import type { I18n } from '@/i18n/create-i18n';
import type { ExportInput } from '../export-format';
import { columnLetter, type Engine, type SheetCell, SheetWriter, yieldToEventLoop } from './sheet-writer';
import { MISSING_STYLE, type ServiceStyles } from './styles';
import { workbookWords } from './workbook-words';

/** The sheet's English name (`export:sheets.matrix` names it in the workbook's language). */
export const MATRIX_SHEET = 'Flow matrix';

/** Excel's limit of hyperlinks on one sheet; later section cells stay plain text. */
export const HYPERLINK_LIMIT = 65_530;
/** Rows written between two yields to the event loop (and progress reports). */
export const ROWS_PER_SLICE = 2_000;

/** The column number (1-based) of a file column on the matrix sheet. */
export const matrixColumn = (key: WorkbookColumnKey) => WORKBOOK_COLUMNS.findIndex((c) => c.key === key) + 1;

/**
 * The status list as a data validation formula: the workflow's states in the workbook's language,
 * quoted and comma-separated (Excel's inline list; a state's own comma would split it, so none has one).
 */
function statusList(i18n: I18n): string {
  const states = WORKFLOW_STATUSES.map((s) => i18n.t(STATUS_WORDS[s]).replace(/[",]/g, ' '));
  return `"${states.join(',')}"`;
}

const STATUS_WORDS = {
  requested: 'export:workflow.statuses.requested',
  approved: 'export:workflow.statuses.approved',
  implemented: 'export:workflow.statuses.implemented',
  verified: 'export:workflow.statuses.verified',
  blocked: 'export:workflow.statuses.blocked',
} as const satisfies Record<WorkflowStatus, string>;

/**
 * exceljs' typings leave out the sheet's data validations, which both its writers have (a range
 * address holds one validation for every cell in it).
 */
type WithValidations = Worksheet & {
  readonly dataValidations: { add(range: string, validation: DataValidation): void };
};

/**
 * A matrix row's cells, the one source every engine writes: values from `workbookCellValue`, the
 * service's strip, the section heading's link and style when `link`, amber "IP missing", high risk.
 */
export function matrixRowCells(
  row: FlowRow,
  styles: ServiceStyles,
  words: WorkbookWords,
  link: boolean,
): SheetCell[] {
  return WORKBOOK_COLUMNS.map((c): SheetCell => {
    const value = workbookCellValue(row, c.key, words);
    const style = cellStyle(row, c.key, styles, link);
    if (c.key === 'sectionTitle' && link) return { value, style, hyperlink: row.sectionUrl };
    return style ? { value, style } : { value };
  });
}

function cellStyle(
  row: FlowRow,
  key: WorkbookColumnKey,
  styles: ServiceStyles,
  link: boolean,
): Partial<Style> | undefined {
  if (key === 'strip') return styles.strip;
  if (key === 'sectionTitle' && link) return styles.link;
  if (key === 'sourceIp' && row.sourceIpMissing) return MISSING_STYLE;
  if (key === 'targetIp' && row.targetIpMissing) return MISSING_STYLE;
  if ((key === 'port' || key === 'notes') && row.highRisk) return styles.risk;
  return undefined;
}

/** Whether each row's section heading gets its link: the first {@link HYPERLINK_LIMIT} with a page do. */
function linkCounter(): (row: FlowRow) => boolean {
  let linked = 0;
  return (row) => {
    const link = row.sectionUrl !== '' && linked < HYPERLINK_LIMIT;
    if (link) linked += 1;
    return link;
  };
}

/**
 * The rows whose cells use a style no earlier row used: written into the parts engine's template,
 * they make exceljs put every style the sheet needs into styles.xml.
 */
function styleSamples(
  rows: readonly FlowRow[],
  styleFor: (serviceId: string) => ServiceStyles,
  words: WorkbookWords,
): { samples: SheetCell[][]; linked: number } {
  const seen = new Set<Partial<Style>>();
  const samples: SheetCell[][] = [];
  const linkOf = linkCounter();
  let linked = 0;
  for (const row of rows) {
    const styles = styleFor(row.serviceId);
    const link = linkOf(row);
    if (link) linked += 1;
    const used = [styles.strip, link ? styles.link : undefined];
    if (row.sourceIpMissing || row.targetIpMissing) used.push(MISSING_STYLE);
    if (row.highRisk) used.push(styles.risk);
    if (used.every((style) => style === undefined || seen.has(style))) continue;
    for (const style of used) if (style) seen.add(style);
    samples.push(matrixRowCells(row, styles, words, link));
  }
  return { samples, linked };
}

/**
 * Writes the matrix, ports as numbers (ranges as text), yielding every {@link ROWS_PER_SLICE}
 * rows. On the parts engine only the header and the style samples go into exceljs; the rows are
 * handed to `engine.defer` and the ranges cover them. Returns the sheet and how many section
 * cells got a link.
 */
export async function writeMatrixSheet(
  engine: Engine,
  input: ExportInput,
  styleFor: (serviceId: string) => ServiceStyles,
  i18n: I18n,
): Promise<{ writer: SheetWriter; linked: number }> {
  const columns = WORKBOOK_COLUMNS.map((c) => ({ header: c.header ? i18n.t(c.header) : '', width: c.width }));
  const writer = new SheetWriter(engine, { name: i18n.t('export:sheets.matrix'), columns, table: true });
  const words = workbookWords(i18n);
  const { rows, onProgress } = input;
  let linked = 0;
  onProgress?.(0, rows.length, 'rows');
  if (engine.defer && rows.length > 0) {
    const sampled = styleSamples(rows, styleFor, words);
    for (const cells of sampled.samples) writer.addCells(cells);
    writer.declareRows(1 + rows.length);
    linked = sampled.linked;
    engine.defer({
      sheetId: writer.sheet.id,
      samples: sampled.samples,
      count: rows.length,
      rowsPerSlice: ROWS_PER_SLICE,
      *rows() {
        const linkOf = linkCounter();
        for (const row of rows) yield matrixRowCells(row, styleFor(row.serviceId), words, linkOf(row));
      },
    });
  } else {
    const linkOf = linkCounter();
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i]!;
      const link = linkOf(row);
      if (link) linked += 1;
      writer.addCells(matrixRowCells(row, styleFor(row.serviceId), words, link));
      if ((i + 1) % ROWS_PER_SLICE === 0 && i + 1 < rows.length) {
        onProgress?.(i + 1, rows.length, 'rows');
        await yieldToEventLoop();
      }
    }
  }
  // One validation over the status column's rows (not one per cell: 100,000 rows stay one range).
  const status = columnLetter(matrixColumn('status'));
  (writer.sheet as WithValidations).dataValidations.add(`${status}2:${status}${Math.max(writer.rows, 2)}`, {
    type: 'list',
    allowBlank: true,
    formulae: [statusList(i18n)],
    showErrorMessage: true,
    errorStyle: 'warning',
    error: i18n.t('export:workflow.error'),
  });
  return { writer, linked };
}
