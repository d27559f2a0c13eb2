/**
 * The far layer's worker, loaded ahead (issue 18). A worker started when a large document opens
 * loaded only once the page's thread was free again: the main thread had the checks and the matrix
 * to do first, and the 100,000-host picture showed 2.5 s after the page asked for it. One worker
 * is loaded when the page is idle after boot, and the next one when the page is idle after a far
 * layer took it.
 */
import { createWorkerShelf } from '@/store/worker-shelf';
import { startFarPaintWorker } from './far-paint';

export const farPaintWorkers = createWorkerShelf(startFarPaintWorker);

/** The worker for a new far layer canvas: the one loaded ahead, and another loaded for the next. */
export function takeFarPaintWorker(): Worker | undefined {
  const worker = farPaintWorkers.take();
  farPaintWorkers.warmLater();
  return worker;
}
