/**
 * The "Flow matrix" sheet: the matrix rows in WORKBOOK_COLUMNS, a service-coloured strip in the first
 * column, section headings linked to the edition's page, "IP missing" where a host has no IP and
 * the change workflow's empty columns, status with a drop-down list.
 */
import type { DataValidation, Worksheet } from 'exceljs';
import {
  WORKBOOK_COLUMNS,
  WORKFLOW_STATUSES,
  type WorkbookColumnKey,
  type WorkflowStatus,
  workbookCellValue,
} from '@/domain/matrix/workbook-columns';
import type { I18n } from '@/i18n/create-i18n';
import { cellString } from '../cell-safety';
import type { ExportInput } from '../export-format';
import { columnLetter, type Engine, SheetWriter, yieldToEventLoop } from './sheet-writer';
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
 * Writes the matrix, ports as numbers (ranges as text), yielding every {@link ROWS_PER_SLICE}
 * rows. Returns the sheet and how many section cells got a link.
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
  const stripCol = matrixColumn('strip');
  const portCol = matrixColumn('port');
  const notesCol = matrixColumn('notes');
  const sectionCol = matrixColumn('sectionTitle');
  const sourceIpCol = matrixColumn('sourceIp');
  const targetIpCol = matrixColumn('targetIp');
  let linked = 0;
  onProgress?.(0, rows.length, 'rows');
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const styles = styleFor(row.serviceId);
    const values = WORKBOOK_COLUMNS.map((c) => workbookCellValue(row, c.key, words));
    const link = row.sectionUrl !== '' && linked < HYPERLINK_LIMIT;
    if (link) linked += 1;
    writer.addRow(values, undefined, (cell) => {
      cell(stripCol).style = styles.strip;
      if (link) {
        const section = cell(sectionCol);
        const text = cellString(String(values[sectionCol - 1]));
        section.value = { text, hyperlink: row.sectionUrl, tooltip: row.sectionUrl };
        section.style = styles.link;
      }
      if (row.sourceIpMissing) cell(sourceIpCol).style = MISSING_STYLE;
      if (row.targetIpMissing) cell(targetIpCol).style = MISSING_STYLE;
      if (row.highRisk) {
        cell(portCol).style = styles.risk;
        cell(notesCol).style = styles.risk;
      }
    });
    if ((i + 1) % ROWS_PER_SLICE === 0 && i + 1 < rows.length) {
      onProgress?.(i + 1, rows.length, 'rows');
      await yieldToEventLoop();
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
