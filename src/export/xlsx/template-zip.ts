/**
 * The template sheet the parts engine fills: exceljs wrote its header row and one sample row per
 * style the data rows use. This reads the samples' style ids and cuts the sheet's XML into the part
 * before the data rows and the part after them, where the hyperlinks go.
 */
import type { Style } from 'exceljs';
import type { SheetCell } from './sheet-writer';

/** The template sheet cut around its data rows. */
export interface SheetTemplate {
  /** Up to and including the header row, `<dimension>` covering `rows` rows. */
  readonly head: string;
  /** From `</sheetData>` to the place of `<hyperlinks>` (the template's own links left out). */
  readonly beforeLinks: string;
  /** The rest of the sheet. */
  readonly afterLinks: string;
  /** The style id (`s`) exceljs gave each style object; undefined for the default style. */
  readonly styleIds: ReadonlyMap<Partial<Style> | undefined, string | undefined>;
}

/** Elements that follow `<hyperlinks>` in a worksheet (CT_Worksheet's sequence). */
const AFTER_HYPERLINKS = [
  '<printOptions',
  '<pageMargins',
  '<pageSetup',
  '<headerFooter',
  '<rowBreaks',
  '<colBreaks',
  '<customProperties',
  '<cellWatches',
  '<ignoredErrors',
  '<smartTags',
  '<drawing',
  '<legacyDrawing',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Reads which style id each sample cell got; a style object that got two ids would make the rows'
 * styles a guess, so that throws.
 */
function readStyleIds(
  sampleXml: string,
  samples: readonly (readonly SheetCell[])[],
): Map<Partial<Style> | undefined, string | undefined> {
  const ids = new Map<Partial<Style> | undefined, string | undefined>();
  const rows = [...sampleXml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)];
  if (rows.length !== samples.length) {
    throw new Error(`the template has ${rows.length} sample rows, ${samples.length} were written`);
  }
  rows.forEach((row, r) => {
    for (const cell of (row[1] ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*?)\/?>/g)) {
      const style = samples[r]?.[columnIndex(cell[1] ?? 'A')]?.style;
      const id = /\bs="(\d+)"/.exec(cell[2] ?? '')?.[1];
      if (ids.has(style) && ids.get(style) !== id) throw new Error('exceljs gave one cell style two ids');
      ids.set(style, id);
    }
  });
  return ids;
}

/**
 * Cuts the template sheet: the header row stays, the sample rows go (their style ids kept), the
 * dimension covers `rows` rows of `lastColumn`, and the template's hyperlinks (the samples') are
 * left out; the caller writes the real ones between `beforeLinks` and `afterLinks`.
 */
export function cutSheetTemplate(
  xml: string,
  samples: readonly (readonly SheetCell[])[],
  rows: number,
  lastColumn: string,
): SheetTemplate {
  const open = xml.indexOf('<sheetData>');
  const close = xml.indexOf('</sheetData>');
  const headerEnd = xml.indexOf('</row>', open);
  if (open < 0 || close < 0 || headerEnd < 0 || headerEnd > close) {
    throw new Error('the template sheet has no header row');
  }
  const head = xml
    .slice(0, headerEnd + '</row>'.length)
    .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${lastColumn}${rows}"/>`);
  const styleIds = readStyleIds(xml.slice(headerEnd + '</row>'.length, close), samples);
  const tail = xml.slice(close).replace(/<hyperlinks>[\s\S]*?<\/hyperlinks>/, '');
  const at = Math.min(
    ...AFTER_HYPERLINKS.map((tag) => tail.indexOf(tag)).filter((index) => index >= 0),
    tail.length,
  );
  return { head, beforeLinks: tail.slice(0, at), afterLinks: tail.slice(at), styleIds };
}
