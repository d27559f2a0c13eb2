/**
 * The workbook worker: draws the diagram picture from the model (diagram-paint.ts, on an
 * OffscreenCanvas) and builds the xlsx file off the page's thread, so neither freezes the page. xlsx-format.ts starts it with
 * `new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module' })`; the messages are
 * in xlsx-worker-protocol.ts.
 */

// A German workbook needs the German words here too (the worker has its own modules).
import '@/i18n/german-now';
import { drawDiagramPng } from './diagram-paint';
import { writeWorkbook } from './xlsx';
import { createExportHandler, type ExportRequest, type ExportResponse } from './xlsx-worker-protocol';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ExportRequest>) => void): void;
  postMessage(message: ExportResponse, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const handleExportMessage = createExportHandler((input) => writeWorkbook(input), drawDiagramPng);

scope.addEventListener('message', (event) => {
  void handleExportMessage(event.data, (message, transfer) => scope.postMessage(message, transfer));
});
