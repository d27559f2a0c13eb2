import { type Later, whenIdle } from './follower';

/** Starts a worker; undefined where the platform has none or refuses it. */
export type WorkerFactory = () => Worker | undefined;

/**
 * One worker kept loaded ahead of its next use (issue 18): the parse worker (parse-protocol.ts)
 * takes 90-250 ms to load its script and the catalogue, which reading a file would otherwise wait for.
 */
export interface WorkerShelf {
  /** Starts the spare worker, unless there is one. */
  readonly warm: () => void;
  /** The spare worker, or a new one when there is none or it failed to load. */
  readonly take: WorkerFactory;
  /** Warms the next spare when the page is idle (once the worker taken is done with). */
  readonly warmLater: () => void;
}

/**
 * @param start - starts a worker
 * @param idle - when `warmLater` warms
 * @returns a shelf with no worker on it yet
 */
export function createWorkerShelf(start: WorkerFactory, idle: Later = whenIdle): WorkerShelf {
  let spare: { readonly worker: Worker; failed: boolean } | undefined;
  const warm = () => {
    if (spare) return;
    const worker = start();
    if (!worker) return;
    const held = { worker, failed: false };
    // A script that cannot load says so once, maybe before anybody listens: remember it.
    worker.addEventListener('error', () => {
      held.failed = true;
    });
    spare = held;
  };
  return {
    warm,
    warmLater: () => idle(warm),
    take: () => {
      const held = spare;
      spare = undefined;
      if (held && !held.failed) return held.worker;
      held?.worker.terminate();
      return start();
    },
  };
}
