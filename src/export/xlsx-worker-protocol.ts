/**
 * The messages between the page and the workbook worker (xlsx-worker.ts), and both ends of the
 * conversation as plain functions, so they run (and are tested) without a real Worker.
 *
 * Page → worker: the rows in slices of {@link ROWS_PER_MESSAGE} (`rows`), the page yielding
 * between slices so no single structured clone blocks it for long, then `build` with the rest of
 * the input (document, catalogue with its Maps, language, version, date, and the diagram picture, whose
 * bytes are transferred). Worker → page: `progress` while it writes, then `done` with the file's
 * bytes (transferred, not copied) or `error` with a message.
 *
 * This module imports no values from xlsx.ts, so the page's export code stays free of the
 * workbook writer; the worker hands `writeWorkbook` to {@link createExportHandler}.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import type { FlowRow } from '@/domain/rows';
import type { Language } from '@/i18n/languages';
import type { ExportInput, ExportPhase, ExportProgress } from './export-format';

/** Rows per message: a slice clones in a few milliseconds, well inside one frame. */
export const ROWS_PER_MESSAGE = 5_000;

/** Everything of a {@link ExportInput} but the rows and the callback. */
export interface ExportPayload {
  readonly document: TopologyDocument;
  readonly catalogue: Catalogue;
  /** The workbook's language: the worker writes its sheets with its own i18next instance of it. */
  readonly language?: Language;
  readonly appVersion?: string;
  readonly exportedAt?: Date;
  readonly diagramPng?: Uint8Array;
  /** How many rows the `rows` messages carried, checked before the build. */
  readonly rowCount: number;
}

export type ExportRequest =
  | { readonly type: 'rows'; readonly rows: readonly FlowRow[] }
  | { readonly type: 'build'; readonly payload: ExportPayload };

export type ExportResponse =
  | {
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
      readonly phase: ExportPhase;
    }
  | { readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly type: 'error'; readonly message: string };

/** The worker's `postMessage(message, transfer)`. */
export type PostResponse = (message: ExportResponse, transfer: Transferable[]) => void;

type WriteWorkbook = (input: ExportInput) => Promise<Uint8Array>;

function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return 'the workbook could not be written';
}

/**
 * The buffer to transfer for a view, when the view owns all of it; otherwise nothing (the
 * view is copied, and a buffer the view only borrows stays usable by its owner).
 */
function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}

/**
 * The worker's side: collects `rows` messages and on `build` writes the workbook with `write`,
 * posting progress, then the bytes (their buffer transferred) or an error. Returns
 * `handleExportMessage(message, post)`, which settles when the message is handled and never
 * rejects. A handler serves one export at a time; `build` resets it for the next.
 */
export function createExportHandler(
  write: WriteWorkbook,
): (message: ExportRequest, post: PostResponse) => Promise<void> {
  let rows: FlowRow[] = [];
  return async function handleExportMessage(message, post) {
    if (message.type === 'rows') {
      for (const row of message.rows) rows.push(row);
      return;
    }
    if (message.type !== 'build') {
      post(
        {
          type: 'error',
          message: `unknown export message "${String((message as { type?: unknown }).type)}"`,
        },
        [],
      );
      return;
    }
    const collected = rows;
    rows = [];
    const { rowCount, ...payload } = message.payload;
    try {
      if (collected.length !== rowCount) {
        throw new Error(`the export worker received ${collected.length} of ${rowCount} rows`);
      }
      const bytes = await write({
        ...payload,
        rows: collected,
        onProgress: (done, total, phase = 'rows') => post({ type: 'progress', done, total, phase }, []),
      });
      post({ type: 'done', bytes }, ownBuffer(bytes));
    } catch (error) {
      post({ type: 'error', message: errorMessage(error) }, []);
    }
  };
}

/** What {@link buildInWorker} needs of a Worker (a MessagePort does too). */
export interface ExportWorkerLike {
  postMessage(message: ExportRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  removeEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
}

export interface BuildInWorkerOptions {
  readonly rowsPerMessage?: number;
  /** Between two row slices; defaults to a zero timeout, so the page can paint and take input. */
  readonly pause?: () => Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The page's side: sends `input` to the worker and resolves with the workbook's bytes. Progress
 * goes to `input.onProgress`; a worker error, an uncaught exception in the worker or a message
 * that cannot be cloned rejects with its message. The caller owns (and terminates) the worker.
 * A diagram picture that owns its whole buffer is transferred, which empties the caller's copy.
 */
export function buildInWorker(
  worker: ExportWorkerLike,
  input: ExportInput,
  options: BuildInWorkerOptions = {},
): Promise<Uint8Array> {
  const { rowsPerMessage = ROWS_PER_MESSAGE, pause = nextTask } = options;
  const onProgress: ExportProgress | undefined = input.onProgress;
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const stop = () => {
      settled = true;
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('messageerror', onMessageError);
      worker.removeEventListener('error', onError);
    };
    const fail = (message: string) => {
      if (settled) return;
      stop();
      reject(new Error(message));
    };
    function onMessage(event: Event) {
      const data = (event as MessageEvent<ExportResponse>).data;
      if (settled) return;
      if (data.type === 'progress') onProgress?.(data.done, data.total, data.phase);
      else if (data.type === 'done') {
        stop();
        resolve(data.bytes);
      } else if (data.type === 'error') fail(data.message);
    }
    function onMessageError() {
      fail('the export worker sent a message the page could not read');
    }
    function onError(event: Event) {
      const message = (event as ErrorEvent).message;
      // Keeps the browser from also logging it as uncaught: the rejection reports it.
      event.preventDefault();
      fail(message ? `the export worker failed: ${message}` : 'the export worker failed to start');
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('messageerror', onMessageError);
    worker.addEventListener('error', onError);

    const send = async () => {
      const { rows } = input;
      for (let start = 0; start < rows.length; start += rowsPerMessage) {
        if (settled) return;
        worker.postMessage({ type: 'rows', rows: rows.slice(start, start + rowsPerMessage) }, []);
        await pause();
      }
      if (settled) return;
      const payload: ExportPayload = {
        document: input.document,
        catalogue: input.catalogue,
        rowCount: rows.length,
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.appVersion !== undefined ? { appVersion: input.appVersion } : {}),
        ...(input.exportedAt !== undefined ? { exportedAt: input.exportedAt } : {}),
        ...(input.diagramPng !== undefined ? { diagramPng: input.diagramPng } : {}),
      };
      worker.postMessage({ type: 'build', payload }, input.diagramPng ? ownBuffer(input.diagramPng) : []);
    };
    send().catch((error: unknown) =>
      fail(`the export could not be sent to its worker: ${errorMessage(error)}`),
    );
  });
}
