/**
 * The far layer's painter worker (far-paint.ts starts it): answers the page's messages with
 * far-worker-side.ts, painting off the page's main thread.
 */
import type { FarPainted, FarPaintRequest } from './far-paint';
import { answerFarPaints } from './far-worker-side';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<FarPaintRequest>) => void): void;
  postMessage(message: FarPainted): void;
  requestAnimationFrame?: (run: () => void) => number;
}

const scope = globalThis as unknown as WorkerScope;
const answer = answerFarPaints({
  post: (done) => scope.postMessage(done),
  frame: (run) => {
    if (scope.requestAnimationFrame) scope.requestAnimationFrame(run);
    else setTimeout(run, 0);
  },
});

scope.addEventListener('message', (event) => answer(event.data));
