/**
 * The far layer's painter (far-paint.ts): holds the canvas the page handed over and the latest
 * scene, paints the latest view once per frame and says so, off the page's main thread.
 */
import {
  clearCanvas,
  type FarPainted,
  type FarPaintRequest,
  type FarPicture,
  type FarView,
  mergePicture,
  timedPaint,
} from './far-paint';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<FarPaintRequest>) => void): void;
  postMessage(message: FarPainted): void;
  requestAnimationFrame?: (run: () => void) => number;
}

const scope = globalThis as unknown as WorkerScope;
let canvas: OffscreenCanvas | undefined;
let scene: FarPicture | undefined;
let next: { seq: number; at: FarView } | undefined;
let planned = false;

function run() {
  planned = false;
  if (!canvas || !scene || !next) return;
  scope.postMessage(timedPaint(canvas, scene, next.at, next.seq));
}

scope.addEventListener('message', (event) => {
  const m = event.data;
  if (m.kind === 'canvas') {
    canvas = m.canvas;
    // Its context now, while the page is idle: a canvas handed over waits for the page's thread
    // when its context is first made, and a large document's first paint came 2 s late, after the
    // page had done the checks.
    canvas.getContext('2d');
  } else if (m.kind === 'clear') {
    next = undefined;
    if (canvas) clearCanvas(canvas);
  } else if (m.kind === 'scene') scene = mergePicture(scene, m.scene);
  else {
    next = { seq: m.seq, at: m.at };
    if (planned) return;
    planned = true;
    // One paint per frame, of the latest view, however many requests came.
    if (scope.requestAnimationFrame) scope.requestAnimationFrame(run);
    else setTimeout(run, 0);
  }
});
