/**
 * The flow matrix as an Excel workbook. exceljs is loaded with `import()` inside `writeWorkbook`, so
 * the spreadsheet library only lands in a lazy chunk of the app (and in the export worker).
 *
 * Three engines write the same sheets (xlsx/sheet-writer.ts): exceljs' streaming writer (Node),
 * its in-memory workbook, and the parts engine (xlsx/parts-engine.ts: exceljs writes all but the
 * matrix's rows, which are streamed into the zip as XML), the browser's. Each sheet has its own
 * file in xlsx/, cell safety is in cell-safety.ts and the colours in xlsx/colours.ts.
 */
import { localizeCatalogue } from '@/i18n/localize-catalogue';
import { i18nFor } from '@/i18n/row-words';
import { cellString } from './cell-safety';
import type { ExportInput } from './export-format';
import { DIAGRAM_SHEET, writeDiagramSheet } from './xlsx/diagram-sheet';
import { HOST_PAIRS_SHEET, writeHostPairsSheet } from './xlsx/host-pairs-sheet';
import { HOSTS_SHEET, writeHostsSheet } from './xlsx/hosts-sheet';
import { MATRIX_SHEET, writeMatrixSheet } from './xlsx/matrix-sheet';
import { NOTES_SHEET, writeNotesSheet } from './xlsx/notes-sheet';
import { createPartsEngine } from './xlsx/parts-engine';
import {
  addLocalNames,
  createEngine,
  type ExcelJsModule,
  headerText,
  type LocalName,
  type PrintSetup,
  yieldToEventLoop,
} from './xlsx/sheet-writer';
import { serviceStyles } from './xlsx/styles';
import { writeZonePairsSheet, ZONE_PAIRS_SHEET } from './xlsx/zone-pairs-sheet';

/** The sheets' English names, in workbook order (`export:sheets.*` names them in other languages). */
export const SHEET_NAMES = {
  matrix: MATRIX_SHEET,
  pairs: HOST_PAIRS_SHEET,
  zonePairs: ZONE_PAIRS_SHEET,
  hosts: HOSTS_SHEET,
  notes: NOTES_SHEET,
  diagram: DIAGRAM_SHEET,
} as const;

export interface WorkbookOptions {
  /**
   * `auto` (default) streams in Node when there is no picture and writes in parts otherwise (the
   * browser, a picture); the other values force one engine (tests and benchmarks).
   */
  readonly engine?: 'auto' | 'stream' | 'memory' | 'parts';
}

/**
 * The page header and footer of every sheet: the diagram's name on the left, the edition in the
 * middle, the export's date on the right; the page and the page count below.
 */
function printSetup(input: ExportInput, i18n: ReturnType<typeof i18nFor>, date: Date): PrintSetup {
  const edition = i18n.t('export:print.edition', { edition: input.catalogue.edition.id });
  const day = date.toISOString().slice(0, 10);
  const page = i18n.t('export:print.page', { page: '\u0001', pages: '\u0002' });
  return {
    header: `&L${headerText(input.document.name)}&C${headerText(edition)}&R${day}`,
    footer: `&C${headerText(page).replace('\u0001', '&P').replace('\u0002', '&N')}`,
  };
}

/**
 * Builds the workbook: "Flow matrix", "Host pairs", "Zone pairs", "Hosts", "Notes and legend"
 * and, with a picture, "Diagram", in `input.language` (sheet names, headers, notes and legend; the catalogue's
 * names through `localizeCatalogue`; the rows come in that language). Works in Node, in a browser and in a worker; yields to the event loop every
 * `ROWS_PER_SLICE` rows. exceljs' packing is one long step (seconds for 100,000 rows in
 * memory; the parts engine packs only the small sheets in one step), so the app runs this in a
 * worker (xlsx-worker.ts).
 */
export async function writeWorkbook(input: ExportInput, options: WorkbookOptions = {}): Promise<Uint8Array> {
  const imported = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  const ExcelJS = imported.default ?? imported;
  const canStream = Boolean(ExcelJS.stream?.xlsx?.WorkbookWriter);
  const engineName = options.engine ?? 'auto';
  const streaming = engineName === 'stream' || (engineName === 'auto' && canStream && !input.diagramPng);
  if (streaming && input.diagramPng) throw new Error('the streaming writer cannot embed the diagram picture');
  const language = input.language ?? 'en';
  const i18n = i18nFor(language);
  const exportedAt = input.exportedAt ?? new Date();
  const print = printSetup(input, i18n, exportedAt);
  const engine =
    streaming || engineName === 'memory'
      ? createEngine(ExcelJS, streaming, print)
      : createPartsEngine(ExcelJS, print);
  const { workbook } = engine;
  workbook.creator = 'CM Port Planner';
  workbook.title = cellString(input.document.name);
  workbook.created = exportedAt;

  const words = { ...input, catalogue: localizeCatalogue(input.catalogue, language) };
  const styleFor = serviceStyles(input.catalogue);
  const matrix = await writeMatrixSheet(engine, input, styleFor, i18n);
  const pairs = writeHostPairsSheet(engine, input.rows, i18n);
  const zonePairs = writeZonePairsSheet(engine, input.rows, i18n);
  const hosts = writeHostsSheet(engine, input.document, words.catalogue, i18n);
  const counts = { flows: input.rows.length, pairs: pairs.pairs, linked: matrix.linked };
  writeNotesSheet(engine, words, counts, styleFor, i18n);
  if (input.diagramPng) writeDiagramSheet(engine, input.document.name, input.diagramPng, i18n);

  const names = [matrix.writer, pairs.writer, zonePairs.writer, hosts].map((sheet, index) =>
    sheet.filterName(index),
  );
  addLocalNames(
    workbook,
    names.filter((n): n is LocalName => n !== undefined),
  );
  // The parts engine reports its rows and packing as it writes them.
  if (engine.defer) return engine.finish(input.onProgress);
  input.onProgress?.(input.rows.length, input.rows.length, 'packing');
  // Lets a page paint the packing state before the one long step.
  await yieldToEventLoop();
  return engine.finish();
}
