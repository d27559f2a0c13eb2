/**
 * The messages between the page and the workbook worker (xlsx-worker.ts), and both ends of the
 * conversation as plain functions, so they run (and are tested) without a real Worker.
 *
 * Page → worker: the rows in slices of {@link ROWS_PER_MESSAGE} (`rows`), the page yielding
 * between slices so no single structured clone blocks it for long, then `build` with the rest of
 * the input (document, catalogue with its Maps, language, version, date, and whether to draw the
 * diagram picture; a picture the caller already has is transferred). Worker → page: `progress`
 * while it draws and writes, then `done` with the file's bytes (transferred, not copied) or `error`
 * with a message. Cancel is no message: the page stops listening and terminates the worker.
 *
 * This module imports no values from xlsx.ts, so the page's export code stays free of the
 * workbook writer; the worker hands `writeWorkbook` to {@link createExportHandler}.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import type { FlowRow } from '@/domain/rows';
import type { Language } from '@/i18n/languages';
import {
  abortError,
  type ControlledInput,
  type WorkbookPhase,
  type WorkbookProgress,
} from './export-control';
import type { ExportInput } from './export-format';

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
  /** Draw the diagram picture from the document in the worker (without a `diagramPng`). */
  readonly picture?: boolean;
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
      readonly phase: WorkbookPhase;
    }
  | {
      readonly type: 'done';
      readonly bytes: Uint8Array;
      /** The picture was asked for but could not be made: why (the workbook has no "Diagram" sheet). */
      readonly pictureLeftOut?: string;
    }
  | { readonly type: 'error'; readonly message: string };

/** The worker's `postMessage(message, transfer)`. */
export type PostResponse = (message: ExportResponse, transfer: Transferable[]) => void;

type WriteWorkbook = (input: ExportInput) => Promise<Uint8Array>;

/** Draws the diagram picture (PNG bytes) from what the worker was sent; rejects when it cannot. */
export type DrawPicture = (
  input: Pick<ExportInput, 'document' | 'catalogue' | 'rows'>,
) => Promise<Uint8Array>;

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
 * The worker's side: collects `rows` messages and on `build` draws the picture with `draw` when
 * asked (phase `drawing`; a picture that cannot be made is left out and named in `done`), writes the
 * workbook with `write`, posting progress, then the bytes (their buffer transferred) or an error. Returns
 * `handleExportMessage(message, post)`, which settles when the message is handled and never
 * rejects. A handler serves one export at a time; `build` resets it for the next.
 */
export function createExportHandler(
  write: WriteWorkbook,
  draw?: DrawPicture,
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
    const { rowCount, picture, ...payload } = message.payload;
    try {
      if (collected.length !== rowCount) {
        throw new Error(`the export worker received ${collected.length} of ${rowCount} rows`);
      }
      let diagramPng = payload.diagramPng;
      let pictureLeftOut: string | undefined;
      if (picture && !diagramPng) {
        post({ type: 'progress', done: 0, total: 1, phase: 'drawing' }, []);
        try {
          if (!draw) throw new Error('this worker cannot draw pictures');
          diagramPng = await draw({
            document: payload.document,
            catalogue: payload.catalogue,
            rows: collected,
          });
        } catch (error) {
          // The matrix matters more than the picture: the workbook goes out without it.
          pictureLeftOut = errorMessage(error);
        }
      }
      const bytes = await write({
        ...payload,
        ...(diagramPng ? { diagramPng } : {}),
        ...(pictureLeftOut !== undefined ? { pictureLeftOut } : {}),
        rows: collected,
        onProgress: (done, total, phase = 'rows') => post({ type: 'progress', done, total, phase }, []),
      });
      post(
        { type: 'done', bytes, ...(pictureLeftOut !== undefined ? { pictureLeftOut } : {}) },
        ownBuffer(bytes),
      );
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
 * that cannot be cloned rejects with its message; `input.signal` aborting rejects with an
 * AbortError at once and sends nothing more. The caller owns (and terminates) the worker: after
 * a cancel it must, so the worker's half-written file goes with it.
 * A diagram picture that owns its whole buffer is transferred, which empties the caller's copy.
 */
export function buildInWorker(
  worker: ExportWorkerLike,
  input: ControlledInput,
  options: BuildInWorkerOptions = {},
): Promise<Uint8Array> {
  const { rowsPerMessage = ROWS_PER_MESSAGE, pause = nextTask } = options;
  const onProgress: WorkbookProgress | undefined = input.onProgress;
  const { signal } = input;
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const stop = () => {
      settled = true;
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('messageerror', onMessageError);
      worker.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    function onAbort() {
      if (settled) return;
      stop();
      reject(abortError());
    }
    if (signal?.aborted) {
      settled = true;
      reject(abortError());
      return;
    }
    signal?.addEventListener('abort', onAbort);
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
        if (data.pictureLeftOut !== undefined) input.onPictureLeftOut?.(data.pictureLeftOut);
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
        ...(input.picture ? { picture: true } : {}),
      };
      worker.postMessage({ type: 'build', payload }, input.diagramPng ? ownBuffer(input.diagramPng) : []);
    };
    send().catch((error: unknown) =>
      fail(`the export could not be sent to its worker: ${errorMessage(error)}`),
    );
  });
}
