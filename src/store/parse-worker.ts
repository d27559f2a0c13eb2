/**
 * The document reader's worker: reads, parses and restores a file off the page's thread, and posts
 * the document packed (parse-pack.ts), so the page rebuilds a 100,000-host document quickly.
 * Started by `readDocumentOffThread` in parse-protocol.ts, which holds the messages and the handler.
 * The same script serves as the helper of another one reading a large file: it then parses,
 * restores and packs that file's links (parse-split.ts).
 */
import '@/zod-jitless';
import { catalogue } from '@/domain/default-catalogue';
import { answerRequests, type WorkerMessage, type WorkerRequest } from './parse-protocol';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const answer = answerRequests(catalogue, (message, transfer) => scope.postMessage(message, transfer));

scope.addEventListener('message', (event) => answer(event.data));
