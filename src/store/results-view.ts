/**
 * The document's test results as the canvas and the inspector show them (issue 17): per link
 * (blocked, all verified) and per flow, read against the current derivation and memoised per
 * store. Results of flows that are no longer derived stay in the document but show nowhere.
 */
import { type LinkResult, linkResults } from '@/domain/results/link-results';
import type { AppState, AppStore } from './app-store';
import { selectDerivation } from './derived';
import { memoLast } from './memo-last';
import { useAppStore } from './store-context';

const memos = new WeakMap<AppStore, typeof linkResults>();
const NO_RESULTS: ReadonlyMap<string, LinkResult> = new Map();

/** Each link's results (links with a tested flow only); recomputed when flows or results change. */
export function selectLinkResults(
  store: AppStore,
  state: AppState = store.getState(),
): ReadonlyMap<string, LinkResult> {
  // No results (most documents): no flow is read, so a large estate's flows need not be written.
  if (state.results === undefined) return NO_RESULTS;
  let memo = memos.get(store);
  if (!memo) {
    memo = memoLast(linkResults);
    memos.set(store, memo);
  }
  return memo(selectDerivation(store, state).flows, state.results);
}

/** Whether the document holds any test result (for Clear test results). */
export function useHasResults(): boolean {
  return useAppStore((s) => s.results !== undefined);
}
