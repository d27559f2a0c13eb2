/**
 * The delta of the open comparison, derived from the earlier request and today's matrix rows
 * (memoised per store): an edit while the comparison is open updates the counts and the colours.
 */
import { useCallback } from 'react';
import { compareFlows } from '@/domain/delta/compare-flows';
import type { DeltaChange, DeltaRow, FlowDelta } from '@/domain/delta/delta-types';
import { type LinkDeltas, linkDeltas } from '@/domain/delta/link-deltas';
import type { Host, Link } from '@/domain/document';
import type { FlowRow } from '@/domain/rows';
import type { AppState, AppStore } from './app-store';
import { selectRows } from './derived';
import { memoLast } from './memo-last';
import { useAppStore, useAppStoreApi } from './store-context';

interface Memos {
  readonly delta: (earlier: readonly DeltaRow[], rows: readonly FlowRow[]) => FlowDelta;
  readonly links: (delta: FlowDelta, links: readonly Link[], hosts: readonly Host[]) => LinkDeltas;
}

const memos = new WeakMap<AppStore, Memos>();

function memosOf(store: AppStore): Memos {
  let m = memos.get(store);
  if (!m) {
    m = { delta: memoLast(compareFlows), links: memoLast(linkDeltas) };
    memos.set(store, m);
  }
  return m;
}

/**
 * The delta between the earlier request and today's rows (in the app's language, as the earlier
 * rows were read: services are matched by name).
 *
 * @returns The delta, or undefined while no comparison is open.
 */
export function selectDelta(store: AppStore, state: AppState = store.getState()): FlowDelta | undefined {
  if (!state.comparison) return undefined;
  return memosOf(store).delta(state.comparison.rows, selectRows(store, state));
}

/** The delta per link of today's diagram, and the changes on links it no longer has. */
export function selectLinkDeltas(
  store: AppStore,
  state: AppState = store.getState(),
): LinkDeltas | undefined {
  const delta = selectDelta(store, state);
  return delta && memosOf(store).links(delta, state.links, state.hosts);
}

/** A link's look in the comparison view: its change, `unchanged`, or undefined when the view is off. */
export type LinkDeltaMark = DeltaChange | 'unchanged' | undefined;

/** The open comparison's delta, re-rendering when the document or the comparison changes. */
export function useDelta(): FlowDelta | undefined {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectDelta(store, s), [store]));
}

/** The open comparison's delta per link. */
export function useLinkDeltas(): LinkDeltas | undefined {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectLinkDeltas(store, s), [store]));
}
