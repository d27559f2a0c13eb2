/**
 * A build-time opt-in for bench/edit.ts (built with VITE_BENCH_HOOKS=1; the normal build ships
 * none of it): the store, and the numbers the screen should show after an edit, on `window.__bench`.
 */
import type { AppStore } from './app-store';
import { selectProblems, selectRowSource, shownProblems, shownRows } from './derived';

export interface BenchHook {
  readonly store: AppStore;
  /** Matrix rows and the problem counts as the store has them now. */
  readonly rows: () => number;
  readonly counts: () => Readonly<Record<string, number>>;
  /** Whether what the screen shows of the problems and the rows has caught up with the store. */
  readonly settled: () => boolean;
}

export function exposeForBench(win: Window, store: AppStore): void {
  const hook: BenchHook = {
    store,
    rows: () => selectRowSource(store).length,
    counts: () => selectProblems(store).counts,
    settled: () => shownProblems(store).settled() && shownRows(store).settled(),
  };
  (win as Window & { __bench?: BenchHook }).__bench = hook;
}
