/**
 * The Excel export. In a browser the workbook is built in a worker (xlsx-worker.ts, which carries
 * exceljs), so the page stays responsive; without workers (Node, jsdom) the writer is imported
 * lazily and runs here. This file stays light: the registry, and so the page, imports it.
 */
import { abortError, type ControlledInput } from './export-control';
import type { ExportFormat } from './export-format';

/** Rejects as soon as `signal` aborts (never settles otherwise). */
function aborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(abortError());
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

/** Here, without a worker: draws the picture in this thread when it can (Node and jsdom cannot). */
async function writeHere(input: ControlledInput): Promise<Uint8Array> {
  const { signal, picture, onPictureLeftOut, ...rest } = input;
  let diagramPng = rest.diagramPng;
  let pictureLeftOut: string | undefined;
  if (picture && !diagramPng) {
    rest.onProgress?.(0, 1, 'drawing');
    try {
      const { drawDiagramPng } = await import('./diagram-paint');
      diagramPng = await drawDiagramPng(rest);
    } catch (error) {
      pictureLeftOut = error instanceof Error ? error.message : String(error);
      onPictureLeftOut?.(pictureLeftOut);
    }
  }
  if (signal?.aborted) throw abortError();
  const { writeWorkbook } = await import('./xlsx');
  const bytes = await Promise.race([
    writeWorkbook({
      ...rest,
      ...(diagramPng ? { diagramPng } : {}),
      ...(pictureLeftOut !== undefined ? { pictureLeftOut } : {}),
    }),
    aborted(signal),
  ]);
  if (signal?.aborted) throw abortError();
  return bytes;
}

/**
 * Writes the workbook in a worker where the platform has them, so drawing the picture and
 * exceljs' long final packing step run off the page's thread; in this thread otherwise (Node,
 * jsdom, or a page that may not start workers). `input.signal` aborting terminates the worker at
 * once: no bytes come back, so no file is made.
 */
async function writeXlsx(input: ControlledInput): Promise<Uint8Array> {
  if (input.signal?.aborted) throw abortError();
  let worker: Worker | undefined;
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = undefined;
    }
  }
  if (!worker) return writeHere(input);
  const stopWorker = () => worker.terminate();
  input.signal?.addEventListener('abort', stopWorker, { once: true });
  try {
    // The page's side of the worker's protocol loads with the first workbook, not the page.
    const { buildInWorker } = await import('./xlsx-worker-protocol');
    return await buildInWorker(worker, input);
  } finally {
    input.signal?.removeEventListener('abort', stopWorker);
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
