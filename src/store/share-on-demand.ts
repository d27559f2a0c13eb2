/**
 * The share controller with live editing's code (Yjs, the Hocuspocus provider, the room and the
 * shared session) loaded on the first share or join, not with the page: most visits never share.
 * A page opened by a share link loads it at once and shows "connecting" while it does.
 */
import type { AppStore } from './app-store';
import type { ShareController, ShareDeps } from './share-controller';
import { SHARE_OFF } from './share-slice';

/** What the controller needs from the browser once live editing's code is here. */
export type BrowserShareDeps = Omit<ShareDeps, 'createRoom' | 'roomIdForKey' | 'joinRoom'> & {
  /** The page's window: its address names the sync server; going offline leaves the room. */
  readonly net: Window;
};

async function loadController(store: AppStore, deps: BrowserShareDeps): Promise<ShareController> {
  const [{ createShareController }, { joinRoom, syncUrlOf }, { createRoom, roomIdForKey }] =
    await Promise.all([
      import('./share-controller'),
      import('@/sync/browser-room'),
      import('@/sync/room-keys'),
    ]);
  return createShareController(store, {
    ...deps,
    createRoom,
    roomIdForKey,
    joinRoom: (roomId, editKey) =>
      joinRoom(syncUrlOf(new URL(deps.net.location.href)), roomId, editKey, { net: deps.net }),
  });
}

/**
 * A share controller that loads live editing on first use. Leaving, renaming and the pointer do
 * nothing before then (there is no room to leave); the name needs no room.
 *
 * @param store - The app's store.
 * @param deps - The page's address, its fragment, the user's name and where the server is.
 * @returns The controller the Share dialog calls.
 */
export function shareOnDemand(store: AppStore, deps: BrowserShareDeps): ShareController {
  let loading: Promise<ShareController> | undefined;
  let loaded: ShareController | undefined;
  const controller = () => {
    loading ??= loadController(store, deps).then((made) => {
      loaded = made;
      return made;
    });
    return loading;
  };
  return {
    async share() {
      await (await controller()).share();
    },
    async join(target) {
      if (!loaded) {
        // A page opened by a link shows the room's "connecting" while live editing loads.
        store.getState().setShare({ status: 'connecting', access: target.access, keepsOwn: true });
        try {
          await controller();
        } catch (error) {
          store.getState().setShare(SHARE_OFF, null);
          throw error;
        }
      }
      await (await controller()).join(target);
    },
    leave: () => loaded?.leave(),
    userName: () => deps.userName(),
    rename: () => loaded?.rename(),
    pointer: (at) => loaded?.pointer(at),
  };
}
