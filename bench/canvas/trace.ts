/**
 * Main-thread CPU from a Chromium trace: the thread time of the top-level tasks (`RunTask`,
 * `ThreadControllerImpl::RunTask`) on the renderer's main thread (`CrRendererMain`) within a
 * window ending at one of the page's performance marks. Thread time, not wall time: on a busy
 * machine a task's wall time includes the time it waited for a core.
 */

/** A Chromium trace event (the fields read here). */
export interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  readonly tdur?: number;
  readonly args?: { readonly name?: string; readonly data?: Record<string, unknown> };
}

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function mark(events: readonly TraceEvent[], name: string): TraceEvent {
  const found = events.filter((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const last = found.at(-1);
  if (!last) throw new Error(`no mark ${name} in the trace`);
  return last;
}

/**
 * Milliseconds of CPU (thread time) the renderer's main thread spent in top-level tasks between
 * the marks `from` and `to`, or from `sinceMs` before `to` (the mark's own page time: from the
 * navigation's start). A task crossing the window's edge counts in proportion; a task nested in
 * another counts once, as part of it. Wall time stands in for tasks traced without thread time.
 */
export function mainThreadMs(
  events: readonly TraceEvent[],
  to: string,
  from: { mark: string } | { sinceMs: number },
): number {
  const end = mark(events, to);
  const start = 'mark' in from ? mark(events, from.mark).ts : end.ts - from.sinceMs * 1000;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === end.pid && e.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? end.tid;
  const tasks = events
    .filter(
      (e) => e.pid === end.pid && e.tid === tid && e.ph === 'X' && TASKS.has(e.name) && e.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let total = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const e of tasks) {
    const stop = e.ts + e.dur!;
    if (stop <= reached) continue; // nested in the task before
    reached = stop;
    const inside = Math.min(stop, end.ts) - Math.max(e.ts, start);
    if (inside <= 0) continue;
    const cpu = e.tdur ?? e.dur!;
    total += e.dur! > 0 ? (cpu * inside) / e.dur! : 0;
  }
  return total / 1000;
}
