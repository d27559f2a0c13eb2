/**
 * Export of the flow matrix from the app: builds the file and hands it to the browser as a
 * download. The app loads this module with `import('@/export/download')`. In a browser the
 * workbook is built in a worker (xlsx-worker.ts, which carries exceljs), so the page stays
 * responsive; without workers (Node, jsdom) the writer is imported lazily and runs here.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import type { FlowRow } from '@/domain/rows';
import { version as APP_VERSION } from '../../package.json';
import { rowsToCsv } from './csv';
import { rowsToJson } from './json';
import type { WorkbookInput, WorkbookProgress } from './xlsx';
import { buildInWorker } from './xlsx-worker-protocol';

export type ExportFormat = 'xlsx' | 'csv' | 'json';

export interface ExportInput {
  readonly document: TopologyDocument;
  readonly catalogue: Catalogue;
  readonly rows: readonly FlowRow[];
  /**
   * A PNG of the current diagram, for the workbook's "Diagram" sheet. In a browser its buffer is
   * handed to the export worker (transferred), which leaves this array empty.
   */
  readonly diagramPng?: Uint8Array;
  /**
   * xlsx: rows written (phase `rows`), then once `done === total` with phase `packing` while the
   * file is packed. CSV and JSON: once, when the text is ready.
   */
  readonly onProgress?: WorkbookProgress;
}

export const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

/** Why an empty diagram cannot be exported (BAD-INPUTS 21); the UI may show it on a disabled button. */
export const EMPTY_EXPORT_REASON =
  'Nothing to export: the diagram yields no flows yet. Link hosts that hold roles, then export.';

const NAME_LIMIT = 80;

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A safe file name from the diagram's name and the (local) date:
 * `Standalone primary site` → `standalone-primary-site-2026-11-25.xlsx`. Letters and digits of
 * any script are kept, accents dropped; everything else (slashes, dots, control and bidi
 * characters) becomes a dash.
 */
export function exportFileName(documentName: string, format: ExportFormat, date: Date): string {
  const slug =
    documentName
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+/, '')
      .slice(0, NAME_LIMIT)
      .replace(/-+$/, '') || 'flow-matrix';
  return `${slug}-${isoDay(date)}.${format}`;
}

/**
 * Writes the workbook in a worker where the platform has them, so exceljs' long final packing
 * step runs off the page's thread; in this thread otherwise (Node, jsdom, or a page that may not
 * start workers).
 */
async function writeXlsx(input: WorkbookInput): Promise<Uint8Array> {
  let worker: Worker | undefined;
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = undefined;
    }
  }
  if (!worker) {
    const { writeWorkbook } = await import('./xlsx');
    return writeWorkbook(input);
  }
  try {
    return await buildInWorker(worker, input);
  } finally {
    worker.terminate();
  }
}

/** Builds the export file without touching the DOM. Throws for an empty diagram or unknown format. */
export async function buildExport(
  format: ExportFormat,
  input: ExportInput,
  now: Date = new Date(),
): Promise<{ blob: Blob; fileName: string }> {
  if (!Object.hasOwn(MIME_TYPES, format))
    throw new Error(`Unknown export format "${String(format)}" (use xlsx, csv or json)`);
  if (input.rows.length === 0) throw new Error(EMPTY_EXPORT_REASON);
  const fileName = exportFileName(input.document.name, format, now);
  const type = MIME_TYPES[format];
  const total = input.rows.length;
  if (format === 'xlsx') {
    const bytes = await writeXlsx({
      rows: input.rows,
      document: input.document,
      catalogue: input.catalogue,
      appVersion: APP_VERSION,
      exportedAt: now,
      diagramPng: input.diagramPng,
      onProgress: input.onProgress,
    });
    return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName };
  }
  const text = format === 'csv' ? rowsToCsv(input.rows) : rowsToJson(input.rows);
  input.onProgress?.(total, total);
  return { blob: new Blob([text], { type }), fileName };
}

/** Hands a file to the browser as a download. The one function here that touches the DOM. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = globalThis.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  globalThis.document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers read the URL after click() returns; free it once the download has started.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/**
 * Builds the flow matrix as xlsx, CSV or JSON and downloads it, named after the diagram and the
 * date. Rejects with a clear reason for an empty diagram instead of writing an empty file.
 */
export async function exportFlowMatrix(format: ExportFormat, input: ExportInput): Promise<void> {
  const { blob, fileName } = await buildExport(format, input);
  downloadBlob(blob, fileName);
}
