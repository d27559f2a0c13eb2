/**
 * A value read from the store that, on a large estate, catches up in a task of its own after the
 * edit's (issue 18): the checks' problems and the matrix rows are not what the next frame of the
 * canvas needs, so an edit at 10,000 hosts paints the canvas first and the problem count and the
 * matrix follow in the next tasks. Below `from` hosts the value follows in the edit's own task
 * (a small estate costs little; what a user sees never lags behind there).
 */
import type { AppState, AppStore } from './app-store';

/** Hosts from which a follower catches up in a later task. */
export const FOLLOW_LATER_FROM = 2000;

/** Runs `task` in a task of its own, after the next frame where there is one. */
export type Later = (task: () => void) => void;

/** After the next paint (a visible page), else in the next task. */
export const afterPaint: Later = (task) => {
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
  if (visible && typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
};

/** When the page is idle (within a few seconds); never where it cannot tell (Node, jsdom). */
export const whenIdle: Later = (task) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5000 });
};

export interface Follower<T> {
  /** The value as last caught up (made now when there is none yet). */
  readonly get: () => T;
  readonly subscribe: (listener: () => void) => () => void;
  /** Whether the value is the store's current one: no catch-up is pending. */
  readonly settled: () => boolean;
}

export interface FollowerOptions {
  readonly from?: number;
  readonly later?: Later;
}

/**
 * Follows `read(state)` of `store`. `read` should be memoised (it is called on every store change
 * to tell whether the value changed): an unchanged value notifies nobody.
 */
export function createFollower<T>(
  store: AppStore,
  read: (state: AppState) => T,
  { from = FOLLOW_LATER_FROM, later = afterPaint }: FollowerOptions = {},
): Follower<T> {
  let value: { current: T } | undefined;
  let pending = false;
  let seen: AppState | undefined;
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | undefined;

  const catchUp = () => {
    pending = false;
    const state = store.getState();
    seen = state;
    const next = read(state);
    if (value && value.current === next) return;
    value = { current: next };
    for (const l of [...listeners]) l();
  };
  const changed = (state: AppState) => {
    if (state === seen) return;
    if (state.hosts.length < from) {
      catchUp();
      return;
    }
    if (pending) return;
    pending = true;
    later(catchUp);
  };
  const get = () => {
    if (!value) {
      seen = store.getState();
      value = { current: read(seen) };
    }
    return value.current;
  };
  return {
    get,
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribe) unsubscribe = store.subscribe(changed);
      // A change between the first read and the subscription is caught up like any other.
      if (value && store.getState() !== seen) changed(store.getState());
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = undefined;
        }
      };
    },
    settled: () => !pending && (value === undefined || store.getState() === seen),
  };
}
