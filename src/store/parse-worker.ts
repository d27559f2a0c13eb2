/**
 * The document reader's worker: reads, parses and restores a file off the page's thread (a 20 MB
 * file takes a few hundred milliseconds here). Started by `readDocumentOffThread` in
 * parse-protocol.ts, which holds the messages and the handler.
 */
import '@/zod-jitless';
import { catalogue } from '@/domain/default-catalogue';
import { handleParse, type ParseMessage, type ParseRequest } from './parse-protocol';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest>) => void): void;
  postMessage(message: ParseMessage): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void handleParse(event.data, catalogue, (message) => scope.postMessage(message));
});
