import { cellText, FLOW_COLUMNS, type FlowRow } from '@/domain/rows';
import { DEFAULT_LANGUAGE, type Language } from '@/i18n/languages';
import { cellWords, i18nFor } from '@/i18n/row-words';
import { neutraliseCell, csvQuote as quote } from './cell-safety';
import type { ExportFormat } from './export-format';

/**
 * The flow matrix as CSV: UTF-8 with BOM (so Excel reads umlauts), CRLF line ends, every field
 * quoted, formula-looking text neutralised. Ranges such as `49152-65535` are left as they are:
 * they are port text we wrote, not user input, and start with a digit. Headers, yes/no and test results are in
 * `language` (the rows come in it already).
 */
export function rowsToCsv(rows: readonly FlowRow[], language: Language = DEFAULT_LANGUAGE): string {
  const i18n = i18nFor(language);
  const words = cellWords(language);
  const lines = [FLOW_COLUMNS.map((c) => quote(i18n.t(c.header))).join(',')];
  for (const row of rows) {
    lines.push(FLOW_COLUMNS.map((c) => quote(neutraliseCell(cellText(row, c.key, words)))).join(','));
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
