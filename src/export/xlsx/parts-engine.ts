/**
 * The browser's workbook engine ("template + stream"). exceljs' in-memory workbook holds every
 * cell as an object (2.9 GB of renderer memory at 100,000 rows) and its streaming writer needs
 * Node, so exceljs writes a template: every sheet as usual but the big sheet's data rows, of which
 * it writes one sample per style (styles.xml then holds them all). `finish` unzips that small file
 * and writes the final one with fflate's streaming zip: every entry as it was, the big sheet's XML
 * made and deflated slice by slice from the rows, then its hyperlinks, their relationships and the
 * shared strings table. Memory grows with the compressed file and the distinct strings, not with
 * cells, and the engine yields to the event loop between slices.
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, type ZipInputFile, ZipPassThrough } from 'fflate';
import type { ExportProgress } from '../export-format';
import {
  columnLetter,
  type DeferredRows,
  type Engine,
  type ExcelJsModule,
  type PrintSetup,
  type SheetCell,
  toUint8Array,
  yieldToEventLoop,
} from './sheet-writer';
import { type CellLink, hyperlinksXml, rowXml, SharedStrings, sheetRelsXml } from './sheet-xml';
import { cutSheetTemplate } from './template-zip';

const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** Entries already compressed (pictures) are stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif)$/i;

/** A zip being written: entries one after the other, the output collected in chunks. */
class ZipOut {
  private readonly chunks: Uint8Array[] = [];
  private failure: Error | null = null;
  private ended = false;
  private readonly zip = new Zip((error, chunk, final) => {
    if (error) this.failure = error;
    else this.chunks.push(chunk);
    if (final) this.ended = true;
  });

  /** Starts an entry; push its parts, the last with `final`. */
  entry(name: string): (text: string | Uint8Array, final?: boolean) => void {
    const file: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = STORED.test(name)
      ? new ZipPassThrough(name)
      : new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    return (text, final = false) => {
      file.push(typeof text === 'string' ? strToU8(text) : text, final);
      this.check();
    };
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Ends the zip and returns its bytes. */
  bytes(): Uint8Array {
    this.zip.end();
    this.check();
    if (!this.ended) throw new Error('the zip writer did not finish');
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** Pushes every part a generator makes, then ends the entry. */
function pushAll(push: (text: string, final?: boolean) => void, parts: Iterable<string>): void {
  for (const part of parts) push(part);
  push('', true);
}

/** Writes the deferred sheet's XML into `out`, slice by slice; returns its links. */
async function writeDeferredSheet(
  out: ZipOut,
  name: string,
  templateXml: string,
  deferred: DeferredRows,
  strings: SharedStrings,
  onProgress?: ExportProgress,
): Promise<CellLink[]> {
  const width = deferred.samples[0]?.length ?? 1;
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  const template = cutSheetTemplate(templateXml, deferred.samples, deferred.count + 1, letters[width - 1]!);
  const styleId = (cell: SheetCell) => {
    if (!template.styleIds.has(cell.style)) throw new Error('a row uses a style no sample row has');
    return template.styleIds.get(cell.style);
  };
  const push = out.entry(name);
  push(template.head);
  const links: CellLink[] = [];
  const rows = deferred.rows();
  let done = 0;
  for (let next = rows.next(); !next.done; ) {
    let slice = '';
    for (let k = 0; k < deferred.rowsPerSlice && !next.done; k += 1, next = rows.next()) {
      done += 1;
      slice += rowXml(done + 1, next.value, letters, styleId, strings, links);
    }
    push(slice);
    if (!next.done) {
      onProgress?.(done, deferred.count, 'rows');
      await yieldToEventLoop();
    }
  }
  push(template.beforeLinks);
  for (const part of hyperlinksXml(links)) push(part);
  push(template.afterLinks, true);
  return links;
}

/**
 * Builds the final file from the template's bytes and the deferred rows (see the module's note).
 * Progress: `rows` after each slice but the last, then `packing` once every row is written.
 */
export async function fillTemplate(
  templateBytes: Uint8Array,
  deferred: DeferredRows,
  onProgress?: ExportProgress,
): Promise<Uint8Array> {
  const files = unzipSync(templateBytes);
  const sheetName = `xl/worksheets/sheet${deferred.sheetId}.xml`;
  const relsName = `xl/worksheets/_rels/sheet${deferred.sheetId}.xml.rels`;
  const sheetXml = files[sheetName];
  if (!sheetXml) throw new Error(`the template has no ${sheetName}`);
  const sst = files[SHARED_STRINGS];
  const strings = new SharedStrings(sst ? strFromU8(sst) : undefined);
  const out = new ZipOut();
  let links: CellLink[] = [];
  for (const [name, data] of Object.entries(files)) {
    // Folders (JSZip lists them) are no parts; the strings and the sheet's links come last.
    if (name.endsWith('/') || name === SHARED_STRINGS || name === relsName) continue;
    if (name === sheetName) {
      links = await writeDeferredSheet(out, name, strFromU8(sheetXml), deferred, strings, onProgress);
      onProgress?.(deferred.count, deferred.count, 'packing');
      await yieldToEventLoop();
    } else out.entry(name)(data, true);
  }
  if (links.length > 0) pushAll(out.entry(relsName), sheetRelsXml(links));
  pushAll(out.entry(SHARED_STRINGS), strings.xml());
  return out.bytes();
}

/**
 * The parts engine: exceljs' in-memory workbook for the template, a sheet's rows taken by
 * `defer` and written by {@link fillTemplate} at `finish`. Without deferred rows it packs the
 * workbook as the in-memory engine does.
 */
export function createPartsEngine(ExcelJS: ExcelJsModule, print?: PrintSetup): Engine {
  const workbook = new ExcelJS.Workbook();
  let deferred: DeferredRows | undefined;
  return {
    workbook,
    print,
    defer(rows) {
      if (deferred) throw new Error('the parts engine streams one sheet');
      deferred = rows;
    },
    async finish(onProgress) {
      const template = toUint8Array(
        await workbook.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true }),
      );
      if (!deferred) {
        onProgress?.(0, 0, 'packing');
        return template;
      }
      return fillTemplate(template, deferred, onProgress);
    },
  };
}
