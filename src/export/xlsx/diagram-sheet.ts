/** The "Diagram" sheet: the picture of the diagram, scaled to fit, when the app sends one. */
import type { Workbook } from 'exceljs';
import type { I18n } from '@/i18n/create-i18n';
import { type Engine, SheetWriter } from './sheet-writer';

/** The sheet's English name (`export:sheets.diagram` names it in the workbook's language). */
export const DIAGRAM_SHEET = 'Diagram';

/** The `Buffer` exceljs' typings declare for image data. */
type ExcelBuffer = NonNullable<Parameters<Workbook['addImage']>[0]['buffer']>;

/** Largest picture size on the sheet, in pixels; bigger diagrams are scaled down (the file keeps every pixel). */
const DIAGRAM_MAX = { width: 1800, height: 1800 };

/** Width and height of a PNG, from its IHDR chunk; undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Embeds the PNG under a title; bytes that are not a PNG get a line of text instead. */
export function writeDiagramSheet(engine: Engine, documentName: string, png: Uint8Array, i18n: I18n): void {
  const writer = new SheetWriter(engine, {
    name: i18n.t('export:sheets.diagram'),
    columns: [{ header: '', width: 12 }],
    table: false,
  });
  const size = pngSize(png);
  if (!size) {
    writer.addRow([i18n.t('export:diagram.notPng')]);
    return;
  }
  writer.addRow([i18n.t('export:diagram.title', { name: documentName })], { font: { bold: true, size: 13 } });
  const scale = Math.min(1, DIAGRAM_MAX.width / size.width, DIAGRAM_MAX.height / size.height);
  // exceljs' typings want a Node Buffer; its zip writers (JSZip, archiver) take any Uint8Array.
  const imageId = engine.workbook.addImage({ buffer: png as unknown as ExcelBuffer, extension: 'png' });
  writer.sheet.addImage(imageId, {
    tl: { col: 0, row: 1 },
    ext: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
  });
}
