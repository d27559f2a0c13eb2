import { cellText, FLOW_COLUMNS, type FlowRow } from '@/domain/rows';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), including
 * the full-width forms Excel also honours.
 */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/** Neutralises a cell a spreadsheet could take for a formula by prefixing `'`. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * The flow matrix as CSV: UTF-8 with BOM (so Excel reads umlauts), CRLF line ends, every field
 * quoted, formula-looking text neutralised. Ranges such as `49152-65535` are left as they are:
 * they are port text we wrote, not user input, and start with a digit.
 */
export function rowsToCsv(rows: readonly FlowRow[]): string {
  const lines = [FLOW_COLUMNS.map((c) => quote(c.header)).join(',')];
  for (const row of rows) {
    lines.push(FLOW_COLUMNS.map((c) => quote(neutraliseCell(cellText(row, c.key)))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
