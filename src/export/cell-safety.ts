/**
 * Cell safety for every spreadsheet the app writes: text a spreadsheet could run as a formula
 * (CSV) and text the workbook's XML cannot carry or would cut (xlsx).
 */

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), including
 * the full-width forms Excel also honours.
 */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/** Neutralises a CSV cell a spreadsheet could take for a formula by prefixing `'`. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Excel's limit of characters in one cell. */
export const CELL_TEXT_LIMIT = 32_767;

/**
 * Characters XML 1.0 cannot carry (exceljs would drop them) and CR (an XML reader turns it into
 * LF): written as Excel's `_xHHHH_` escape, as Excel itself writes them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot carry
const XML_INVALID = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/g;
/** A literal `_` that a reader could take for the start of an `_xHHHH_` escape. */
const ESCAPE_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4})/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as XML_INVALID
const NEEDS_WORK = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}/;

function cutMarker(removed: number): string {
  return `… [cut: ${removed.toLocaleString('en-US')} more characters]`;
}

/**
 * Text as a workbook string cell keeps it: cut to Excel's 32,767 characters with a marker (never
 * splitting a surrogate pair), control characters and `_xHHHH_` look-alikes escaped so Excel and
 * LibreOffice read back exactly the text we had. Always a plain string; never a formula.
 */
export function cellString(text: string): string {
  let value = text;
  if (value.length > CELL_TEXT_LIMIT) {
    let keep = CELL_TEXT_LIMIT - cutMarker(value.length).length;
    while (keep + 1 + cutMarker(value.length - keep - 1).length <= CELL_TEXT_LIMIT) keep += 1;
    const last = value.charCodeAt(keep - 1);
    if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
    value = value.slice(0, keep) + cutMarker(value.length - keep);
  }
  if (!NEEDS_WORK.test(value)) return value;
  return value
    .replace(ESCAPE_LOOKALIKE, '_x005F_')
    .replace(XML_INVALID, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/**
 * One CSV field as RFC 4180 quotes it: always in double quotes, inner quotes doubled. Every CSV we
 * write quotes every field, so a value never needs a decision.
 *
 * @example
 * csvQuote('say "hi"'); // '"say ""hi"""'
 */
export function csvQuote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
