/**
 * The Excel export. In a browser the workbook is built in a worker (xlsx-worker.ts, which carries
 * exceljs), so the page stays responsive; without workers (Node, jsdom) the writer is imported
 * lazily and runs here. This file stays light: the registry, and so the page, imports it.
 */
import type { ExportFormat, ExportInput } from './export-format';

/**
 * Writes the workbook in a worker where the platform has them, so exceljs' long final packing
 * step runs off the page's thread; in this thread otherwise (Node, jsdom, or a page that may not
 * start workers).
 */
async function writeXlsx(input: ExportInput): Promise<Uint8Array> {
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
    // The page's side of the worker's protocol loads with the first workbook, not the page.
    const { buildInWorker } = await import('./xlsx-worker-protocol');
    return await buildInWorker(worker, input);
  } finally {
    worker.terminate();
  }
}

/** The Excel export: the styled matrix, host pairs, hosts, notes and, from the app, the diagram. */
export const xlsxFormat: ExportFormat<'xlsx'> = {
  id: 'xlsx',
  label: 'Excel workbook (.xlsx)',
  hint: 'Flow matrix, styled, with the diagram',
  noun: 'Excel workbook',
  words: {
    label: 'export:formats.xlsx.label',
    hint: 'export:formats.xlsx.hint',
    noun: 'export:formats.xlsx.noun',
  },
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  binary: true,
  build: writeXlsx,
};
