/** One record of a CSV file and the line it starts on (1 = the header's line). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvRead =
  | { readonly ok: true; readonly delimiter: ',' | ';'; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly error: 'unclosed-quote'; readonly line: number };

/** The header's delimiter: whichever of `;` and `,` occurs more often outside quotes (`,` on a tie). */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas += 1;
    else if (!quoted && c === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Splits CSV text into records (RFC 4180 with the usual leniency): a leading BOM is dropped, the
 * delimiter is `,` or `;` (as the header uses it, so a German Excel's files read too), lines end
 * in CRLF, LF or CR, quoted fields may hold delimiters, doubled quotes and line breaks. Blank
 * lines are skipped. Fields are not trimmed here.
 *
 * @param text - The file's text.
 * @returns The records with the line each starts on, or the line of a quote never closed.
 * @example
 * readCsv('\uFEFFa;b\r\n"x;1";2\r\n');
 * // { ok: true, delimiter: ';', records: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x;1', '2'] }] }
 */
export function readCsv(text: string): CsvRead {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let blank = true;
  const endRecord = () => {
    fields.push(field);
    if (!(blank && fields.length === 1 && field === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
    blank = true;
  };
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && body[i + 1] !== '\n')) line += 1;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      blank = false;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      blank = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else {
      field += c;
      blank = false;
    }
  }
  if (quoted) return { ok: false, error: 'unclosed-quote', line: start };
  if (!blank || field !== '' || fields.length > 0) endRecord();
  return { ok: true, delimiter, records };
}
