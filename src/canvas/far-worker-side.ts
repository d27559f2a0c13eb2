/**
 * The far layer worker's side (far-paint-worker.ts runs it): holds the canvas the page handed
 * over and the latest scene, and paints the latest view once per frame, off the page's thread.
 *
 * A canvas handed to a worker is resized by the worker, and Chromium makes the first drawing after
 * a resize wait until the page's thread is free. The canvas is therefore sized when the pane's size
 * changes, while the page is idle (the `size` message), not by the first paint of an opened
 * document. At 100,000 hosts that paint waited for the checks (0.9 to 1.2 s) when the canvas was
 * resized, and ended 26 to 38 ms after it was asked for when the canvas had been sized already.
 */
import {
  clearCanvas,
  type FarPainted,
  type FarPaintRequest,
  type FarPicture,
  type FarView,
  timedPaint,
} from './far-paint';

/** The worker's scope as far as painting goes. */
export interface FarWorkerScope {
  /** Tells the page that a paint is on the canvas. */
  readonly post: (done: FarPainted) => void;
  /** Runs `run` before the next frame (the worker's animation frame, or a task). */
  readonly frame: (run: () => void) => void;
}

/** The picture the worker holds after a `scene` message: what it held, with the changed fields replaced. */
export function mergePicture(held: FarPicture | undefined, changed: Partial<FarPicture>): FarPicture {
  return { ...(held as FarPicture), ...changed };
}

/**
 * The handler of the page's messages to a far layer worker.
 *
 * @param scope - how the worker answers and waits for a frame
 * @returns the handler of one message
 * @example addEventListener('message', (event) => answer(event.data));
 */
export function answerFarPaints(scope: FarWorkerScope): (m: FarPaintRequest) => void {
  let canvas: OffscreenCanvas | undefined;
  let scene: FarPicture | undefined;
  let next: { seq: number; at: FarView } | undefined;
  let planned = false;
  /** A picture is on the canvas (painted, and not cleared since). */
  let shown = false;
  const run = () => {
    planned = false;
    if (!canvas || !scene || !next) return;
    scope.post(timedPaint(canvas, scene, next.at, next.seq));
    shown = true;
  };
  return (m) => {
    if (m.kind === 'canvas') {
      canvas = m.canvas;
      // Its context now, while the page is idle: a canvas handed over waits for the page's thread
      // when its context is first made.
      canvas.getContext('2d');
    } else if (m.kind === 'size') {
      // A picture shown is resized by the paint that follows: resizing here would blank it a frame.
      if (!canvas || shown || (canvas.width === m.width && canvas.height === m.height)) return;
      if (canvas.width !== m.width) canvas.width = m.width;
      if (canvas.height !== m.height) canvas.height = m.height;
      // Drawn on once, so what a resize waits for is done now (resizing also emptied it).
      clearCanvas(canvas);
    } else if (m.kind === 'clear') {
      next = undefined;
      shown = false;
      if (canvas) clearCanvas(canvas);
    } else if (m.kind === 'scene') scene = mergePicture(scene, m.scene);
    else {
      next = { seq: m.seq, at: m.at };
      if (planned) return;
      planned = true;
      // One paint per frame, of the latest view, however many requests came.
      scope.frame(run);
    }
  };
}
