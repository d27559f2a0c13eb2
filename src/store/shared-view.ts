import { keepIdentity } from '@/sync/keep-identity';
import type { DocumentView } from '@/sync/shared-session';
import type { AppStore } from './app-store';
import { documentSlice, fromDocument, sameDocument, toDocument } from './document-state';
import { historyOf } from './store-types';

/**
 * The store as the view of a shared document: its document is read and watched; a peer's document
 * is set without an undo step of its own (in a shared session undo is the session's, which takes
 * back only this user's changes), keeping every unchanged object so only what changed is redrawn.
 * The selection keeps the hosts and links that still exist.
 */
export function storeView(store: AppStore): DocumentView {
  const history = historyOf(store);
  return {
    read: () => toDocument(store.getState()),
    subscribe: (listener) =>
      store.subscribe((state, previous) => {
        if (!sameDocument(documentSlice(state), documentSlice(previous))) listener();
      }),
    applyRemote(document) {
      const state = store.getState();
      const next = fromDocument(keepIdentity(toDocument(state), document));
      const hosts = new Set(next.hosts.map((h) => h.id));
      const links = new Set(next.links.map((l) => l.id));
      const zones = new Set(next.zones.map((z) => z.id));
      const wasTracking = history.getState().isTracking;
      if (wasTracking) history.getState().pause();
      try {
        store.setState({
          ...next,
          selectedHostIds: state.selectedHostIds.filter((id) => hosts.has(id)),
          selectedLinkIds: state.selectedLinkIds.filter((id) => links.has(id)),
          selectedZoneIds: state.selectedZoneIds.filter((id) => zones.has(id)),
        });
      } finally {
        if (wasTracking) history.getState().resume();
      }
    },
    gestureOpen: () => !history.getState().isTracking,
  };
}
