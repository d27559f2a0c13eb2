/**
 * The document reader's worker: reads, parses and restores a file off the page's thread, and posts
 * the document packed (parse-pack.ts), so the page rebuilds a 100,000-host document quickly.
 * Started by `readDocumentOffThread` in parse-protocol.ts, which holds the messages and the handler.
 * The same script serves as the helper of another one reading a large file: it then parses,
 * restores and packs that file's links (parse-split.ts).
 */
import '@/zod-jitless';
import { catalogue } from '@/domain/default-catalogue';
import { packResult } from './parse-pack';
import { handleParse, type WorkerMessage, type WorkerRequest } from './parse-protocol';
import { readSplit, serveLinks } from './parse-split';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;

/** Settles the current read's wait for its helper, when the page says the helper failed. */
let loseHelper = () => {};

scope.addEventListener('message', (event) => {
  const request = event.data;
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
  const split = helper ? (text: string) => readSplit(text, catalogue, helper, lost) : undefined;
  void handleParse(
    request,
    catalogue,
    (message) => {
      if (message.type === 'progress') {
        scope.postMessage(message);
        return;
      }
      const { result, transfer } =
        message.type === 'packed' ? message.packed : packResult(message.result, message.linkEnds);
      scope.postMessage({ type: 'result', result }, transfer);
    },
    split,
  );
});
