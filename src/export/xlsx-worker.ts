/**
 * The workbook worker: builds the xlsx file off the page's thread, so exceljs' long final packing
 * step does not freeze the page. xlsx-format.ts starts it with
 * `new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module' })`; the messages are
 * in xlsx-worker-protocol.ts.
 */

import { writeWorkbook } from './xlsx';
import { createExportHandler, type ExportRequest, type ExportResponse } from './xlsx-worker-protocol';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ExportRequest>) => void): void;
  postMessage(message: ExportResponse, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const handleExportMessage = createExportHandler((input) => writeWorkbook(input));

scope.addEventListener('message', (event) => {
  void handleExportMessage(event.data, (message, transfer) => scope.postMessage(message, transfer));
});
