/** The "Flow matrix" sheet: the matrix rows, service-coloured, sections linked to the document. */
import { cellText, FLOW_COLUMNS, portValue } from '@/domain/rows';
import type { I18n } from '@/i18n/create-i18n';
import { languageOf } from '@/i18n/format-message';
import { yesNo } from '@/i18n/row-words';
import { cellString } from '../cell-safety';
import type { ExportInput } from '../export-format';
import { type Engine, SheetWriter, yieldToEventLoop } from './sheet-writer';
import type { ServiceStyles } from './styles';

/** The sheet's English name (`export:sheets.matrix` names it in the workbook's language). */
export const MATRIX_SHEET = 'Flow matrix';

/** Excel's limit of hyperlinks on one sheet; later section cells stay plain text. */
export const HYPERLINK_LIMIT = 65_530;
/** Rows written between two yields to the event loop (and progress reports). */
export const ROWS_PER_SLICE = 2_000;

const columnOf = (key: string) => FLOW_COLUMNS.findIndex((c) => c.key === key) + 1;

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
  const columns = FLOW_COLUMNS.map((c) => ({ header: i18n.t(c.header), width: c.width }));
  const writer = new SheetWriter(engine, { name: i18n.t('export:sheets.matrix'), columns, table: true });
  const words = yesNo(languageOf(i18n));
  const { rows, onProgress } = input;
  const portCol = columnOf('port');
  const notesCol = columnOf('notes');
  const serviceCol = columnOf('service');
  const sectionCol = columnOf('section');
  let linked = 0;
  onProgress?.(0, rows.length, 'rows');
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const styles = styleFor(row.serviceId);
    const values = FLOW_COLUMNS.map((c) =>
      c.key === 'port' ? portValue(row.port) : cellText(row, c.key, words),
    );
    const link = row.sectionUrl !== '' && linked < HYPERLINK_LIMIT;
    if (link) linked += 1;
    writer.addRow(values, styles.row, (cell) => {
      cell(serviceCol).style = styles.service;
      if (link) {
        const section = cell(sectionCol);
        const text = cellString(String(values[sectionCol - 1]));
        section.value = { text, hyperlink: row.sectionUrl, tooltip: row.sectionUrl };
        section.style = styles.link;
      }
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
  return { writer, linked };
}
