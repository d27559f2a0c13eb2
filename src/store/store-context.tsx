import { createContext, type ReactNode, useContext } from 'react';
import type { TemporalState } from 'zundo';
import { useStore } from 'zustand';
import type { DocumentContent } from '@/domain/document';
import type { AppState, AppStore } from './app-store';

const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

/** The store of the nearest provider (for actions and one-off reads outside render). */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore needs an <AppStoreProvider> above it');
  return store;
}

/**
 * Reads a slice of the store. The selector must return a stable reference (a field, a primitive,
 * or a memoised value): zustand v5 re-renders forever on a selector that builds a new array.
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/** Reads the undo history (for enabling the undo and redo buttons). */
export function useHistory<T>(selector: (state: TemporalState<DocumentContent>) => T): T {
  return useStore(useAppStoreApi().temporal, selector);
}

/**
 * Whether undo and redo have a step to take: the shared session's own steps while one is bound
 * (a room, or linked tabs), else the app history's.
 */
export function useUndoRedo(): { readonly canUndo: boolean; readonly canRedo: boolean } {
  const shared = useAppStore((s) => s.sharedHistory);
  // The session's stacks live outside the store: their version re-renders the buttons.
  useAppStore((s) => s.share.historyVersion);
  const past = useHistory((h) => h.pastStates.length > 0);
  const future = useHistory((h) => h.futureStates.length > 0);
  return shared
    ? { canUndo: shared.canUndo(), canRedo: shared.canRedo() }
    : { canUndo: past, canRedo: future };
}
