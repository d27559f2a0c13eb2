/**
 * What fresh memory costs on this machine, and how much of it a process touches. On the machine the
 * figures of issue 18 were taken on (a virtual machine), the first write to each 4 KB page of newly
 * mapped memory (a page fault) cost about 13 µs, some 60 times the cost of writing the same memory
 * again; a 100,000-host open touches some 600 MB for the first time, so these figures say how much
 * of an open is the machine's paging rather than the app's work.
 */
import { readFileSync } from 'node:fs';
import { median } from './stats';

const MB = 1024 * 1024;
const PAGE = 4096;

/** Writes one byte per 4 KB page of `bytes`; milliseconds taken. */
function touch(bytes: Uint8Array, value: number): number {
  const start = performance.now();
  for (let i = 0; i < bytes.length; i += PAGE) bytes[i] = value;
  return performance.now() - start;
}

/**
 * Milliseconds per MB to write fresh memory for the first time, and to write it again (medians of
 * three 64 MB blocks, each newly mapped).
 */
export function freshMemoryCost(): { first: number; again: number } {
  const first: number[] = [];
  const again: number[] = [];
  for (let r = 0; r < 3; r += 1) {
    const block = new Uint8Array(64 * MB);
    first.push(touch(block, 1) / 64);
    again.push(touch(block, 2) / 64);
  }
  return { first: median(first), again: median(again) };
}

/**
 * The minor page faults (first touches of a page) of a process, or of one of its threads, so far,
 * from /proc; undefined where /proc is not there or the process is gone.
 *
 * @param pid - the process
 * @param tid - one of its threads (its main thread has the process's id); the whole process without
 */
export function minorFaults(pid: number, tid?: number): number | undefined {
  try {
    const path = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`;
    // Fields after the command's closing parenthesis: state is the 3rd field, minflt the 10th.
    const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[7]);
  } catch {
    return undefined;
  }
}

/** Megabytes first touched for a number of minor page faults (4 KB pages). */
export const faultedMb = (faults: number) => (faults * PAGE) / MB;
