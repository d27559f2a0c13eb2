/**
 * SpreadsheetML written by hand for the parts engine (parts-engine.ts): data rows of a sheet, the
 * shared strings table they index into, the sheet's hyperlinks and their relationships. Strings go
 * through `cellString` as in exceljs' writers, and are shared (`t="s"`) as exceljs writes them, so
 * the cells read back alike (exceljs decodes `_xHHHH_` in shared strings only).
 */
import { cellString } from '../cell-safety';
import type { SheetCell } from './sheet-writer';

const XML_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text or an attribute value escaped for XML (the five entities, as exceljs' xmlEncode does). */
export function xmlEscape(text: string): string {
  return text.replace(XML_SPECIAL, (c) => ENTITIES[c] ?? c);
}

/** A `<t>` element; leading or trailing space and line breaks are kept with xml:space, as exceljs does. */
function textElement(escaped: string): string {
  return /^\s|\n|\s$/.test(escaped) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

/**
 * The shared strings table: the template's entries as they were, then the strings the rows add,
 * each once. Only the new strings are held (escaped), never the table as one text.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly opening: string;
  private readonly body: string;
  private readonly templateCount: number;

  /** `templateXml`: the template's xl/sharedStrings.xml, or none when it has no strings. */
  constructor(templateXml?: string) {
    const xml = templateXml ?? '';
    const open = /<sst\b[^>]*>/.exec(xml);
    const close = xml.lastIndexOf('</sst>');
    this.opening = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    this.body = open && close > 0 ? xml.slice(open.index + open[0].length, close) : '';
    let n = 0;
    // Plain entries as exceljs writes them are reused; any other form only takes its place.
    for (const si of this.body.matchAll(/<si>(?:<t>([^<]*)<\/t>|<t xml:space="preserve">([^<]*)<\/t>)?/g)) {
      const text = si[1] ?? si[2];
      if (text !== undefined && !this.index.has(text)) this.index.set(text, n);
      n += 1;
    }
    this.templateCount = n;
  }

  /** The index of a cell's text (made safe and escaped), added when new. */
  indexOf(value: string): number {
    const escaped = xmlEscape(cellString(value));
    let at = this.index.get(escaped);
    if (at === undefined) {
      at = this.templateCount + this.added.length;
      this.index.set(escaped, at);
      this.added.push(escaped);
    }
    return at;
  }

  /** xl/sharedStrings.xml in parts of about `size` entries. */
  *xml(size = 5_000): Generator<string> {
    const unique = this.templateCount + this.added.length;
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${this.opening} uniqueCount="${unique}">${this.body}`;
    for (let start = 0; start < this.added.length; start += size) {
      let part = '';
      for (const text of this.added.slice(start, start + size)) part += `<si>${textElement(text)}</si>`;
      yield part;
    }
    yield '</sst>';
  }
}

/** A link of a cell: its reference (`X2`) and target. */
export interface CellLink {
  readonly ref: string;
  readonly target: string;
}

/**
 * One `<row>` of cells: strings shared, numbers as `<v>`, each cell with the style id its style has
 * in styles.xml (`styleId`); links are pushed to `links`.
 */
export function rowXml(
  rowNumber: number,
  cells: readonly SheetCell[],
  letters: readonly string[],
  styleId: (cell: SheetCell) => string | undefined,
  strings: SharedStrings,
  links: CellLink[],
): string {
  let xml = `<row r="${rowNumber}">`;
  cells.forEach((cell, i) => {
    const ref = `${letters[i]}${rowNumber}`;
    const s = styleId(cell);
    const style = s === undefined ? '' : ` s="${s}"`;
    if (typeof cell.value === 'number') xml += `<c r="${ref}"${style}><v>${cell.value}</v></c>`;
    else xml += `<c r="${ref}"${style} t="s"><v>${strings.indexOf(cell.value)}</v></c>`;
    if (cell.hyperlink) links.push({ ref, target: cell.hyperlink });
  });
  return `${xml}</row>`;
}

const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** The sheet's `<hyperlinks>` element, link `n` pointing at relationship `rId<n+1>`, in parts. */
export function* hyperlinksXml(links: readonly CellLink[], size = 5_000): Generator<string> {
  if (links.length === 0) return;
  yield '<hyperlinks>';
  for (let start = 0; start < links.length; start += size) {
    let part = '';
    links.slice(start, start + size).forEach((link, k) => {
      const target = xmlEscape(link.target);
      part += `<hyperlink ref="${link.ref}" r:id="rId${start + k + 1}" tooltip="${target}"/>`;
    });
    yield part;
  }
  yield '</hyperlinks>';
}

/** The sheet's relationships file: one external hyperlink target per link, in parts. */
export function* sheetRelsXml(links: readonly CellLink[], size = 5_000): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
  for (let start = 0; start < links.length; start += size) {
    let part = '';
    links.slice(start, start + size).forEach((link, k) => {
      const target = xmlEscape(link.target);
      part += `<Relationship Id="rId${start + k + 1}" Type="${HYPERLINK_TYPE}" Target="${target}" TargetMode="External"/>`;
    });
    yield part;
  }
  yield '</Relationships>';
}
