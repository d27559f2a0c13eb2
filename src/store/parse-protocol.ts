/**
 * Reading a document file off the page's thread: the messages between the page and
 * parse-worker.ts, the worker's handler (testable without a worker) and the page's side, which
 * falls back to reading here where workers are not available (Node, jsdom) or fail to start.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { message } from '@/domain/message';
import { MAX_FILE_BYTES, type RestoreResult, readDocumentTextWithEnds } from '@/domain/restore';
import { type PackedHosts, unpackHosts } from './host-pack';
import { markOpen } from './open-marks';
import { type PartPort, serveLinks } from './parse-helper';
import { type PackedResult, packResult } from './parse-pack';
import { type PackedMessage, readSplit, SPLIT_BYTES } from './parse-split';
import { type Ahead, layoutShell, unpackResult } from './parse-unpack';
import { type ReadResult, withPlaces } from './read-result';
import { createWorkerShelf, type WorkerFactory } from './worker-shelf';

export type { ReadResult } from './read-result';
export { createWorkerShelf, type WorkerFactory } from './worker-shelf';

/** The page asks the worker to read this file, with a helper worker's channel for a large one. */
export interface ParseRequest {
  readonly file: Blob;
  readonly helper?: PartPort;
}

/** What the page posts to a parse worker: a file to read, a reader to help, or word that the helper failed. */
export type WorkerRequest = ParseRequest | { readonly serve: PartPort } | { readonly helperLost: true };

/** What reading has reached: `reading` the bytes, `checking` them (JSON and restore), `done`. */
export type ParseStage = 'reading' | 'checking' | 'done';

export type ParseMessage =
  | { readonly type: 'progress'; readonly stage: ParseStage; readonly fraction: number }
  | {
      readonly type: 'result';
      readonly result: RestoreResult;
      /** Beside a document: the places of its links' ends in its host list (readDocumentTextWithEnds). */
      readonly linkEnds?: Int32Array;
    }
  | { readonly type: 'packed'; readonly packed: PackedMessage }
  | EarlyMessage;

/**
 * The document's name and host count, as soon as its hosts are restored on a large file's two
 * threads (parse-split.ts), while its links are still being read: the page can say what it is
 * about to open before the result comes.
 */
export interface NamedMessage {
  readonly type: 'named';
  readonly name: string;
  readonly hosts: number;
}

/**
 * A large file's hosts, packed, as soon as the reader has them as columns (parse-split.ts): the
 * page unpacks them, and files their ids in a layout, while the reader waits for its helper. The
 * result then leaves them out (its packed hosts are `null`).
 */
export interface AheadMessage {
  readonly type: 'ahead';
  readonly hosts: PackedHosts;
}

/** What a large file's reader says before its result. */
export type EarlyMessage = NamedMessage | AheadMessage;

/** What the worker posts: the handler's messages, the result packed (parse-pack.ts). */
export type WorkerMessage =
  | Extract<ParseMessage, { type: 'progress' }>
  | EarlyMessage
  | { readonly type: 'result'; readonly result: RestoreResult | PackedResult };

/** Roughly how the time splits: reading the bytes is quick, JSON and restore take the rest. */
const READ_SHARE = 0.3;

/**
 * Reads a file as a document, reporting progress through `post`. Never throws: a file that cannot
 * be read, or is over the size cap (checked before reading), is a refusal like any other.
 *
 * @param request - the file to read
 * @param catalogue - the catalogue restore checks roles and settings against
 * @param post - receives progress messages, then exactly one result
 */
export async function handleParse(
  request: ParseRequest,
  catalogue: Catalogue,
  post: (message: ParseMessage) => void,
  split?: (bytes: Uint8Array, early: (message: EarlyMessage) => void) => Promise<PackedMessage | undefined>,
): Promise<void> {
  const { file } = request;
  if (file.size > MAX_FILE_BYTES) {
    post({
      type: 'result',
      result: {
        ok: false,
        error: message('store:file.tooLargeToRead', { limit: MAX_FILE_BYTES / 1024 / 1024 }),
      },
    });
    return;
  }
  post({ type: 'progress', stage: 'reading', fraction: 0 });
  const failed = (error: unknown) => {
    const reason = error instanceof Error ? error.message : 'unknown error';
    post({ type: 'result', result: { ok: false, error: message('store:file.readFailed', { reason }) } });
  };
  // A file for two threads is read as bytes: its links' bytes move to the helper, which decodes
  // them, and the reader decodes the rest (parse-split.ts).
  let bytes: Uint8Array | undefined;
  try {
    if (split !== undefined && file.size >= SPLIT_BYTES) bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    failed(error);
    return;
  }
  if (bytes) post({ type: 'progress', stage: 'checking', fraction: READ_SHARE });
  const packed = split && bytes ? await split(bytes, post) : undefined;
  if (packed) {
    post({ type: 'progress', stage: 'done', fraction: 1 });
    post({ type: 'packed', packed });
    return;
  }
  // One thread: the text decoded as `text()` does (read again when the bytes went to the helper).
  let text: string;
  try {
    text = bytes && bytes.byteLength > 0 ? new TextDecoder().decode(bytes) : await file.text();
  } catch (error) {
    failed(error);
    return;
  }
  if (!bytes) post({ type: 'progress', stage: 'checking', fraction: READ_SHARE });
  const { result, linkEnds } = readDocumentTextWithEnds(text, catalogue);
  post({ type: 'progress', stage: 'done', fraction: 1 });
  post(linkEnds ? { type: 'result', result, linkEnds } : { type: 'result', result });
}

/**
 * The parse worker's side (parse-worker.ts; tests use it in a stand-in worker): answers each
 * request the page posts. A file is read, with the helper's channel when it comes with one; a
 * `serve` request makes this worker the helper of another; `helperLost` ends the current read's
 * wait for its helper.
 *
 * @param catalogue - the catalogue restore checks against
 * @param post - posts a message to the page, with the buffers to transfer
 * @returns the handler of one request
 * @example scope.addEventListener('message', (event) => answer(event.data));
 */
export function answerRequests(
  catalogue: Catalogue,
  post: (message: WorkerMessage, transfer?: Transferable[]) => void,
): (request: WorkerRequest) => void {
  let loseHelper = () => {};
  return (request) => {
    if ('serve' in request) {
      serveLinks(request.serve);
      return;
    }
    if ('helperLost' in request) {
      loseHelper();
      return;
    }
    const lost = new Promise<void>((resolve) => {
      loseHelper = resolve;
    });
    const { helper } = request;
    const split = helper
      ? (bytes: Uint8Array, early: (message: EarlyMessage) => void) =>
          readSplit(bytes, catalogue, helper, lost, early)
      : undefined;
    void handleParse(
      request,
      catalogue,
      (message) => {
        if (message.type === 'progress' || message.type === 'named' || message.type === 'ahead') {
          post(message);
          return;
        }
        const { result, transfer } =
          message.type === 'packed' ? message.packed : packResult(message.result, message.linkEnds);
        post({ type: 'result', result }, transfer);
      },
      split,
    );
  };
}

const startParseWorker: WorkerFactory = () => {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
};

/** The app's parse workers: one is warmed when the page is idle after boot (main.tsx) and after each open. */
export const parseWorkers = createWorkerShelf(startParseWorker);

/**
 * Reads a document file off the page's thread, so a 60 MB file does not freeze the page; the
 * caller keeps the current diagram until the result is in. Falls back to reading here when no
 * worker starts or the worker fails.
 *
 * @param file - the file the user chose
 * @param catalogue - the catalogue to check against (the fallback's; the worker uses the default,
 *   and restore reads each document with its own edition's catalogue either way)
 * @param onProgress - called with the stage and a fraction from 0 to 1
 * @param startWorker - starts the worker (tests pass a fake)
 * @param signal - aborts the read (the user no longer wants the file): its workers end at once and
 *   the result is a refusal that says so
 * @param onNamed - called with the document's name and host count when they are known before the
 *   result (a large file read on two threads), at most once
 * @returns the restore result, with where the links' ends are when the worker packed them
 */
export function readDocumentOffThread(
  file: Blob,
  catalogue: Catalogue,
  onProgress: (stage: ParseStage, fraction: number) => void = () => {},
  startWorker: WorkerFactory = parseWorkers.take,
  signal?: AbortSignal,
  onNamed: (name: string, hosts: number) => void = () => {},
): Promise<ReadResult> {
  const progress = (stage: ParseStage, fraction: number) => {
    // The worker says `checking` once it has read the file, `done` once it has restored it.
    if (stage !== 'reading') markOpen(stage === 'checking' ? 'read' : 'restored');
    onProgress(stage, fraction);
  };
  const here = () =>
    new Promise<ReadResult>((resolve) => {
      void handleParse({ file }, catalogue, (message) => {
        if (message.type === 'progress') progress(message.stage, message.fraction);
        else if (message.type === 'result') {
          markOpen('received');
          markOpen('unpacked');
          resolve(withPlaces(message.result, message.linkEnds));
        }
      });
    });
  const worker = startWorker();
  if (!worker) return here();
  // A large file's links are read by a second worker at the same time (parse-split.ts).
  const helper =
    file.size >= SPLIT_BYTES && typeof MessageChannel !== 'undefined' ? startWorker() : undefined;
  // The hosts the reader sent ahead of the result, unpacked, and a layout with their ids.
  let ahead: Ahead | undefined;
  return new Promise<ReadResult>((resolve) => {
    const finish = (result: ReadResult | undefined) => {
      worker.terminate();
      helper?.terminate();
      if (result) resolve(result);
      else void here().then(resolve);
    };
    signal?.addEventListener(
      'abort',
      () => finish({ ok: false, error: message('store:file.openCancelled') }),
      {
        once: true,
      },
    );
    worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') progress(message.stage, message.fraction);
      else if (message.type === 'ahead') {
        // Unpacked, and their ids filed in a layout, while the reader waits for its helper: the
        // page has nothing else to do then.
        const hosts = unpackHosts(message.hosts);
        ahead = { hosts, layout: layoutShell(hosts) };
      } else if (message.type === 'named') onNamed(message.name, message.hosts);
      else {
        markOpen('received');
        const posted = message.result;
        // Hosts that should have come ahead and did not: read the file here.
        if (posted.ok && 'packed' in posted && posted.packed.hosts === null && !ahead) {
          finish(undefined);
          return;
        }
        const result = unpackResult(posted, ahead);
        markOpen('unpacked');
        const packed = posted.ok && 'packed' in posted ? posted.packed : undefined;
        finish(withPlaces(result, packed?.ends, packed?.positions, packed?.orders));
      }
    });
    // A worker that cannot load (CSP, an old browser) or crashes: read here instead.
    worker.addEventListener('error', () => finish(undefined));
    worker.addEventListener('messageerror', () => finish(undefined));
    if (!helper) {
      worker.postMessage({ file } satisfies WorkerRequest);
      return;
    }
    const channel = new MessageChannel();
    // A helper that cannot load: the reader reads the whole file itself.
    const lost = () => worker.postMessage({ helperLost: true } satisfies WorkerRequest);
    helper.addEventListener('error', lost);
    helper.addEventListener('messageerror', lost);
    helper.postMessage({ serve: channel.port2 } satisfies WorkerRequest, [channel.port2]);
    worker.postMessage({ file, helper: channel.port1 } satisfies WorkerRequest, [channel.port1]);
  });
}
