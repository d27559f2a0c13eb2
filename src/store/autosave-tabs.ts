/**
 * What another tab's save of the autosave is to this tab: the same merged diagram when the tabs are
 * linked (tab-link.ts), a rival copy when this tab is alone, and not yet known while this tab is
 * finding out whether it links; such a save is decided once that is known.
 */
import type { AppStore } from './app-store';

export interface OtherTabSaves {
  /** Another tab wrote the autosave. */
  saved(): void;
  stop(): void;
}

/**
 * @param store - This tab's store (its `tabs` state).
 * @param rival - Pauses the autosave with the "another tab saved" banner.
 * @returns What the autosave's storage listener calls, and the stop.
 */
export function watchOtherTabSaves(store: AppStore, rival: () => void): OtherTabSaves {
  let missed = false;
  const stop = store.subscribe((state, previous) => {
    if (state.tabs === previous.tabs || previous.tabs !== 'joining') return;
    const wasMissed = missed;
    missed = false;
    // Linked, the save is merged into this tab's diagram; alone, it was a rival's after all.
    if (wasMissed && state.tabs === 'alone') rival();
  });
  return {
    saved() {
      const { tabs } = store.getState();
      if (tabs === 'linked') return;
      if (tabs === 'joining') missed = true;
      else rival();
    },
    stop,
  };
}
