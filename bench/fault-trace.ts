/**
 * Where an open touches fresh memory (issue 18): the minor page faults of the page's renderer
 * processes and of their main threads (the pages' own threads), sampled every 10 ms from /proc, so
 * each phase of the open can say how many MB it touched for the first time on the page's thread and
 * in all (the parse workers and V8's garbage-collection threads are the rest).
 */
import { faultedMb, minorFaults } from './fresh-memory';

/** The faults so far, `ms` after the trace started. */
export interface FaultSample {
  readonly ms: number;
  /** Of the processes' main threads. */
  readonly main: number;
  /** Of the processes, every thread they have had. */
  readonly all: number;
}

/** MB touched for the first time in a stretch of the open. */
export interface Touched {
  readonly main: number;
  readonly all: number;
}

/**
 * Starts sampling the faults of `pids`.
 *
 * @param pids - the renderer processes
 * @returns a function that stops sampling and gives the samples (none where /proc is missing)
 * @example const stop = traceFaults(pids); await open(); const samples = stop();
 */
export function traceFaults(pids: readonly number[]): () => FaultSample[] {
  const start = performance.now();
  const samples: FaultSample[] = [];
  const sample = () => {
    let main = 0;
    let all = 0;
    for (const pid of pids) {
      main += minorFaults(pid, pid) ?? Number.NaN;
      all += minorFaults(pid) ?? Number.NaN;
    }
    if (!Number.isNaN(all)) samples.push({ ms: performance.now() - start, main, all });
  };
  sample();
  const timer = setInterval(sample, 10);
  return () => {
    clearInterval(timer);
    sample();
    return samples;
  };
}

/** The sample nearest to `ms`. */
function nearest(samples: readonly FaultSample[], ms: number): FaultSample {
  let best = samples[0] as FaultSample;
  for (const s of samples) if (Math.abs(s.ms - ms) < Math.abs(best.ms - ms)) best = s;
  return best;
}

/**
 * MB touched for the first time between two moments of the trace (each read at its nearest
 * sample, so within 10 ms or so).
 *
 * @param samples - what {@link traceFaults} gave
 * @param from - ms after the trace started
 * @param to - ms after the trace started
 * @returns the MB on the main threads and in all; NaN without samples
 */
export function touchedBetween(samples: readonly FaultSample[], from: number, to: number): Touched {
  if (samples.length === 0 || Number.isNaN(from) || Number.isNaN(to))
    return { main: Number.NaN, all: Number.NaN };
  const a = nearest(samples, from);
  const b = nearest(samples, to);
  return { main: faultedMb(b.main - a.main), all: faultedMb(b.all - a.all) };
}
