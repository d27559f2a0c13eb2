/**
 * The document reader's worker: reads, parses and restores a file off the page's thread, and posts
 * the document packed (parse-pack.ts), so the page rebuilds a 100,000-host document quickly.
 * Started by `readDocumentOffThread` in parse-protocol.ts, which holds the messages and the handler.
 */
import '@/zod-jitless';
import { catalogue } from '@/domain/default-catalogue';
import { packResult } from './parse-pack';
import { handleParse, type ParseRequest, type WorkerMessage } from './parse-protocol';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest>) => void): void;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void handleParse(event.data, catalogue, (message) => {
    if (message.type !== 'result') {
      scope.postMessage(message);
      return;
    }
    const { result, transfer } = packResult(message.result, message.linkEnds);
    scope.postMessage({ type: 'result', result }, transfer);
  });
});
