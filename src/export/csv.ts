import { CSV_COLUMNS, fileCellValue } from '@/domain/matrix/file-columns';
import type { FlowRow } from '@/domain/rows';
import { DEFAULT_LANGUAGE, type Language } from '@/i18n/languages';
import { i18nFor } from '@/i18n/row-words';
import { neutraliseCell, csvQuote as quote } from './cell-safety';
import type { ExportFormat } from './export-format';
import { fileWords } from './file-words';

/**
 * The flow matrix as CSV: UTF-8 with BOM (so Excel reads umlauts), CRLF line ends, every field
 * quoted, formula-looking text neutralised. Ranges such as `49152-65535` are left as they are:
 * they are port text we wrote, not user input, and start with a digit. Headers, yes/no and the
 * test result are in `language` (the rows come in it already). The columns are the workbook's
 * (`CSV_COLUMNS`: FQDN and IP apart, zone ranges, section heading and anchor, verified) without
 * its colour strip and workflow columns; the IP of a host without one stays empty, as tools read it.
 */
export function rowsToCsv(rows: readonly FlowRow[], language: Language = DEFAULT_LANGUAGE): string {
  const i18n = i18nFor(language);
  const words = fileWords(i18n, false);
  const lines = [CSV_COLUMNS.map((c) => quote(c.header ? i18n.t(c.header) : '')).join(',')];
  for (const row of rows) {
    lines.push(
      CSV_COLUMNS.map((c) => quote(neutraliseCell(String(fileCellValue(row, c.key, words))))).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV export: the matrix as the panel shows it, for any tool. */
export const csvFormat: ExportFormat<'csv'> = {
  id: 'csv',
  label: 'CSV (.csv)',
  hint: 'Flow matrix for any tool',
  noun: 'CSV file',
  words: {
    label: 'export:formats.csv.label',
    hint: 'export:formats.csv.hint',
    noun: 'export:formats.csv.noun',
  },
  mime: 'text/csv;charset=utf-8',
  extension: 'csv',
  binary: false,
  async build({ rows, language, onProgress }) {
    const text = rowsToCsv(rows, language);
    onProgress?.(rows.length, rows.length);
    return text;
  },
};
