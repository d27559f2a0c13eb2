/**
 * What each link and host shows beyond its model, from one subscription for the whole canvas:
 * its label's place (label-layout.ts), its mark under the matrix filter, its change in the
 * comparison view and its connectivity test result. Each of those was a store subscription per
 * element: five per link, 20,000 at 4,000 links, made and checked at every mount (issue 18).
 * Elements read their own entry through {@link useLinkLook} and {@link useHostMark}, and re-render
 * only when it changes.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LinkResult } from '@/domain/results/link-results';
import type { AppState, AppStore } from '@/store/app-store';
import { type LinkDeltaMark, selectLinkDeltas } from '@/store/compare-delta';
import { type Highlight, type HighlightMark, selectHighlight } from '@/store/highlight';
import { selectLinkResults } from '@/store/results-view';
import type { LabelPlace } from './label-layout';

/** One link's look: where its label sits, its filter mark, comparison change and test result. */
export interface LinkLook {
  /** Undefined when the label is not placed (its preferred spot, shown). */
  readonly place: LabelPlace | undefined;
  readonly mark: HighlightMark;
  readonly delta: LinkDeltaMark;
  readonly result: LinkResult['state'];
}

/** What the looks are read from; a change of any of them is a change of some look. */
interface Sources {
  readonly state: AppState | undefined;
  readonly highlight: Highlight | undefined;
  readonly compareView: boolean;
  readonly deltas: ReturnType<typeof selectLinkDeltas>;
  readonly results: ReadonlyMap<string, LinkResult> | undefined;
  readonly places: ReadonlyMap<string, LabelPlace>;
}

export interface ElementLooks {
  link(id: string): LinkLook;
  hostMark(id: string): HighlightMark;
  subscribe(listener: () => void): () => void;
  /** The labels' new places; an entry that did not change keeps its object. */
  publishPlaces(next: ReadonlyMap<string, LabelPlace>): void;
}

const samePlace = (a: LabelPlace | undefined, b: LabelPlace | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.t === b.t && a.hidden === b.hidden);

/** The looks of one store's canvas. It listens to the store while some element listens to it. */
export function createElementLooks(store: AppStore): ElementLooks {
  let sources: Sources = {
    state: undefined,
    highlight: undefined,
    compareView: false,
    deltas: undefined,
    results: undefined,
    places: new Map(),
  };
  const looks = new Map<string, { sources: Sources; look: LinkLook }>();
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | undefined;

  /** Reads the store again if it changed; true when some look may have changed. */
  const refresh = (): boolean => {
    const state = store.getState();
    if (state === sources.state) return false;
    const highlight = selectHighlight(store, state);
    const compareView = state.compareView;
    const deltas = compareView ? selectLinkDeltas(store, state) : undefined;
    const results = state.results === undefined ? undefined : selectLinkResults(store, state);
    const changed =
      highlight !== sources.highlight ||
      compareView !== sources.compareView ||
      deltas !== sources.deltas ||
      results !== sources.results;
    sources = changed
      ? { state, highlight, compareView, deltas, results, places: sources.places }
      : { ...sources, state };
    return changed;
  };
  const notify = () => {
    for (const listener of listeners) listener();
  };

  return {
    link(id) {
      refresh();
      const kept = looks.get(id);
      if (kept?.sources === sources) return kept.look;
      const { highlight, compareView, deltas, results, places } = sources;
      const place = places.get(id);
      const mark: HighlightMark = highlight ? (highlight.links.has(id) ? 'match' : 'dim') : undefined;
      const delta: LinkDeltaMark = compareView ? (deltas?.byLink.get(id) ?? 'unchanged') : undefined;
      const result = results?.get(id)?.state;
      const old = kept?.look;
      const look =
        old &&
        samePlace(old.place, place) &&
        old.mark === mark &&
        old.delta === delta &&
        old.result === result
          ? old
          : { place, mark, delta, result };
      looks.set(id, { sources, look });
      return look;
    },
    hostMark(id) {
      refresh();
      const { highlight } = sources;
      return highlight ? (highlight.hosts.has(id) ? 'match' : 'dim') : undefined;
    },
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribe(() => {
        if (refresh()) notify();
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = undefined;
        }
      };
    },
    publishPlaces(next) {
      refresh();
      sources = { ...sources, places: next };
      notify();
    },
  };
}

const ElementLooksContext = createContext<ElementLooks | null>(null);

export const ElementLooksProvider = ElementLooksContext.Provider;

function useLooks(): ElementLooks {
  const looks = useContext(ElementLooksContext);
  if (!looks) throw new Error('element looks outside ElementLooksProvider');
  return looks;
}

/** This link's look (inside {@link ElementLooksProvider}). */
export function useLinkLook(id: string): LinkLook {
  const looks = useLooks();
  const get = () => looks.link(id);
  return useSyncExternalStore(looks.subscribe, get, get);
}

/** This host's mark under the matrix filter (inside {@link ElementLooksProvider}). */
export function useHostMark(id: string): HighlightMark {
  const looks = useLooks();
  const get = () => looks.hostMark(id);
  return useSyncExternalStore(looks.subscribe, get, get);
}
