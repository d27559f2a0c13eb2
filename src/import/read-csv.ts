/**
 * Reads an estate CSV as ConfigMgr's `Export-Csv` writes it: an optional `#TYPE` line, quoted
 * cells, CRLF, `,` or `;` (a German locale's `-UseCulture`), quoted newlines. papaparse parses;
 * this file keeps line numbers as an editor counts them, so every report can name its line.
 */
import Papa from 'papaparse';
import type { ImportError, ImportRow, ImportTable } from '@/domain/import/import-types';
import { message } from '@/domain/message';

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter of the header line: the candidate seen most often outside quotes. papaparse's own
 * guess averages over rows and misses `;` in a two-column file that ends with a newline.
 */
function headerDelimiter(text: string): string {
  const end = text.search(/\r?\n(?=[^\r\n])/);
  const line = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = line.split(delimiter).length - 1;
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

/** Newlines in `text` between `from` and `to` (a CRLF counts once: its LF). */
function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/**
 * Parses the text of a CSV file into a table: the first non-blank row is the header, blank rows
 * are skipped, each row keeps the line it starts on. A quoted cell that never ends is an error
 * naming its line; nothing throws.
 *
 * @param file - the file name, for messages
 * @param text - the decoded text (a byte order mark is dropped here)
 * @returns the table, or an error naming the file and line
 * @example
 * parseCsv('roles.csv', '#TYPE IResultObject#SMS_SCI_SysResUse\r\n"NetworkOSPath","RoleName"\r\n');
 * // { file: 'roles.csv', headerLine: 2, header: ['NetworkOSPath', 'RoleName'], rows: [] }
 */
export function parseCsv(file: string, text: string): ImportTable | ImportError {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let skipped = 0;
  // Export-Csv without -NoTypeInformation starts with `#TYPE <class>`; it is no row.
  if (/^#TYPE\b/i.test(body)) {
    const end = body.indexOf('\n');
    body = end < 0 ? '' : body.slice(end + 1);
    skipped = 1;
  }
  let header: string[] | undefined;
  let headerLine = 0;
  const rows: ImportRow[] = [];
  let error: ImportError | undefined;
  let start = 0;
  let line = 1 + skipped;
  Papa.parse<string[]>(body, {
    delimiter: headerDelimiter(body.replace(/^(?:[ \t]*\r?\n)+/, '')),
    step: (result, parser) => {
      const cells = result.data;
      const quote = result.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        // Papa Parse's own words for the quote error (a library message, not ours to translate).
        error = { file, line, message: message('import:error.quoteOpen', { reason: quote.message }) };
        parser.abort();
        return;
      }
      const rowLine = line;
      const end = result.meta.cursor;
      line += newlines(body, start, end);
      start = end;
      if (cells.every((c) => c.trim() === '')) return;
      if (!header) {
        header = cells.map((c) => c.trim());
        headerLine = rowLine;
      } else rows.push({ line: rowLine, cells });
    },
  });
  if (error) return error;
  if (!header) return { file, line: 1 + skipped, message: message('import:error.emptyCsv') };
  return { file, headerLine, header, rows };
}
