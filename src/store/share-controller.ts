/**
 * Live editing for one tab: makes or joins a room, binds the store to it (shared session), shows
 * who else is there (presence) and leaves again. What the UI reads is in the share slice; this
 * holds the connection. Its dependencies are given in, so tests run it against a real server in
 * Node and the app against the page's own.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { message } from '@/domain/message';
import { type ShareTarget, shareLinks } from '@/domain/shared-doc/share-link';
import type { RoomConnection } from '@/sync/browser-room';
import { type PresenceSession, startPresence } from '@/sync/presence-session';
import type { Room } from '@/sync/room-keys';
import { type SharedSession, startSharedSession } from '@/sync/shared-session';
import type { AppStore } from './app-store';
import { toDocument } from './document-state';
import { SHARE_OFF } from './share-slice';
import { storeView } from './shared-view';

export interface ShareDeps {
  createRoom(): Promise<Room>;
  roomIdForKey(editKey: string): Promise<string>;
  joinRoom(roomId: string, editKey: string | undefined): RoomConnection;
  /** The page's address without its fragment, for the links. */
  readonly page: string;
  /** Shows the room in the address bar (`#edit=…`), or clears it (''). */
  setHash(hash: string): void;
  /** The name the others see. */
  userName(): string;
  /** The catalogue peers' documents are restored with. */
  catalogueOf(document: TopologyDocument): Catalogue;
}

export interface ShareController {
  /** Makes a room holding the current diagram and joins it; resolves when it is online (or not). */
  share(): Promise<void>;
  /** Joins a room from a link; the room's diagram replaces the view, the own one is kept aside. */
  join(target: ShareTarget): Promise<void>;
  /** Leaves the room; the diagram this tab had before joining comes back. */
  leave(): void;
  /** The name the others see now (the remembered one, else a guest name). */
  userName(): string;
  /** Shows the others the name the user now goes by (after changing it in the room). */
  rename(): void;
  /** Moves this user's pointer for the others (diagram coordinates), or hides it. */
  pointer(at: { readonly x: number; readonly y: number } | undefined): void;
}

interface Live {
  readonly room: RoomConnection;
  readonly session: SharedSession;
  readonly presence: PresenceSession;
  readonly stop: () => void;
}

/**
 * The share controller of a store.
 *
 * @param store - The app's store.
 * @param deps - Room making and joining, the page's address and the user's name.
 * @returns The controller; the UI calls `share`, `join` and `leave`.
 * @example
 * const sharing = createShareController(store, browserShareDeps(window));
 * await sharing.share();
 */
export function createShareController(store: AppStore, deps: ShareDeps): ShareController {
  let live: Live | undefined;
  /** The diagram this tab had before joining a room, put back on leaving. */
  let ownDocument: TopologyDocument | undefined;

  const leave = () => {
    if (!live) return;
    live.stop();
    live.presence.stop();
    live.session.dispose();
    live.room.leave();
    live = undefined;
    deps.setHash('');
    store.getState().setShare(SHARE_OFF, null);
    if (ownDocument) {
      store.getState().replaceDocument(ownDocument);
      ownDocument = undefined;
    }
  };

  const enter = async (
    room: RoomConnection,
    access: 'edit' | 'read-only',
    links: { edit?: string; view: string },
  ) => {
    const state = store.getState();
    state.setShare({ status: 'connecting', access, links, peers: [] }, null);
    const status = await room.ready;
    if (status === 'refused' || status === 'too-large') {
      room.leave();
      store.getState().setShare(SHARE_OFF, null);
      store.getState().notify({
        tone: 'error',
        title: message(status === 'refused' ? 'store:share.refused' : 'store:share.tooLarge'),
        sticky: true,
      });
      return;
    }
    const readOnly = access === 'read-only' || room.readOnly();
    const session = startSharedSession(room.ydoc, storeView(store), {
      catalogue: deps.catalogueOf(toDocument(store.getState())),
      readOnly,
      onProblems: (problems, refused) =>
        store.getState().notify({
          tone: 'warning',
          title: message(refused ? 'store:share.peerRefused' : 'store:share.peerRepaired'),
          details: problems,
        }),
      onHistory: () =>
        store.getState().setShare({ historyVersion: store.getState().share.historyVersion + 1 }),
    });
    const presence = startPresence(room.awareness, deps.userName());
    const syncSelection = store.subscribe((s, p) => {
      if (s.selectedHostIds !== p.selectedHostIds || s.selectedLinkIds !== p.selectedLinkIds) {
        presence.select(s.selectedHostIds, s.selectedLinkIds);
      }
    });
    const offPeers = presence.subscribe(() => store.getState().setShare({ peers: presence.peers() }));
    const offStatus = room.onStatus((next) => {
      store.getState().setShare({ status: next });
      if (next !== 'too-large') return;
      if (ownDocument) {
        // A change too large for the server (a big file opened in the room): it stays here, unshared.
        store
          .getState()
          .notify({ tone: 'error', title: message('store:share.changeTooLarge'), sticky: true });
      } else {
        // Sharing a diagram too large to send: the room holds nothing of it, so leave it again.
        leave();
        store.getState().notify({ tone: 'error', title: message('store:share.tooLarge'), sticky: true });
      }
    });
    // Pointer moves are many and not state: the canvas hands them straight to presence.
    store.getState().setSharePointer((at) => presence.pointer(at));
    live = {
      room,
      session,
      presence,
      stop: () => {
        syncSelection();
        offPeers();
        offStatus();
        store.getState().setSharePointer(undefined);
      },
    };
    store
      .getState()
      .setShare(
        { status: room.status(), access: readOnly ? 'read-only' : 'edit', peers: presence.peers() },
        session,
      );
  };

  return {
    async share() {
      if (live) return;
      const room = await deps.createRoom();
      const links = shareLinks(deps.page, room);
      deps.setHash(new URL(links.edit).hash);
      await enter(deps.joinRoom(room.roomId, room.editKey), 'edit', links);
      if (!live) deps.setHash('');
    },
    async join(target) {
      if (live) leave();
      ownDocument = toDocument(store.getState());
      // Before the room's diagram arrives: the autosave keeps the own one (SHARE_OFF clears it).
      store.getState().setShare({ keepsOwn: true });
      if (target.access === 'edit') {
        const roomId = await deps.roomIdForKey(target.editKey);
        const links = shareLinks(deps.page, { roomId, editKey: target.editKey });
        await enter(deps.joinRoom(roomId, target.editKey), 'edit', links);
      } else {
        const view = `${deps.page.split('#')[0]}#view=${target.roomId}`;
        await enter(deps.joinRoom(target.roomId, undefined), 'read-only', { view });
      }
      if (!live && ownDocument) {
        ownDocument = undefined;
        deps.setHash('');
      }
    },
    leave,
    userName: () => deps.userName(),
    rename() {
      live?.presence.rename(deps.userName());
    },
    pointer(at) {
      live?.presence.pointer(at);
    },
  };
}
