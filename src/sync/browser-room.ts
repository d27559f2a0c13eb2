/**
 * A live-editing room in the browser: the Yjs document, the Hocuspocus provider on the app's own
 * server (`/sync`, same origin, so the page's CSP `connect-src 'self'` covers it) and the
 * awareness that carries presence. Edits go on while the connection is down; the provider sends them
 * when it is back and Yjs merges them.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { editToken, READ_ONLY_TOKEN } from './room-keys';

/**
 * Where the connection stands: `refused` (bad link or key) and `too-large` (the server closed the
 * socket over a message above its size limit, WebSocket code 1009) are final, the others change.
 */
export type RoomStatus = 'connecting' | 'online' | 'offline' | 'refused' | 'too-large';

/** The WebSocket close code for a message larger than the other side accepts. */
const MESSAGE_TOO_BIG = 1009;

type Awareness = NonNullable<HocuspocusProvider['awareness']>;

export interface RoomConnection {
  readonly ydoc: Y.Doc;
  readonly awareness: Awareness;
  /** Whether this tab may only watch (a read-only link, or the server granted read-only). */
  readOnly(): boolean;
  status(): RoomStatus;
  /** Calls back on every change of status; returns the unsubscribe. */
  onStatus(listener: (status: RoomStatus) => void): () => void;
  /** Resolves once the room's content arrived the first time (or was refused). */
  readonly ready: Promise<RoomStatus>;
  /** Whether local changes still wait for the server. */
  unsynced(): boolean;
  leave(): void;
}

/**
 * The sync endpoint of the page's own server.
 *
 * @example
 * syncUrlOf(new URL('https://planner.example/app/')); // 'wss://planner.example/sync'
 */
export function syncUrlOf(page: URL): string {
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}/sync`;
}

/**
 * Joins a room.
 *
 * @param url - The sync endpoint (`syncUrlOf(location)`).
 * @param roomId - The room.
 * @param editKey - The edit key, or `undefined` for a read-only link.
 * @returns The connection; its document fills in once `ready` resolves.
 * @example
 * const room = joinRoom(syncUrlOf(new URL(location.href)), roomId, editKey);
 */
export function joinRoom(
  url: string,
  roomId: string,
  editKey: string | undefined,
  options: {
    readonly WebSocketPolyfill?: unknown;
    /**
     * The window: when the browser says it is offline, the room is left at once (a socket can
     * hang on for a minute otherwise) and shows offline; back online, it reconnects and merges.
     */
    readonly net?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  } = {},
): RoomConnection {
  const ydoc = new Y.Doc();
  const listeners = new Set<(status: RoomStatus) => void>();
  let status: RoomStatus = 'connecting';
  const set = (next: RoomStatus) => {
    if (status === next || status === 'refused' || status === 'too-large') return;
    status = next;
    for (const listener of listeners) listener(next);
  };
  let settle: (status: RoomStatus) => void = () => {};
  const ready = new Promise<RoomStatus>((resolve) => {
    settle = resolve;
  });
  // The browser's WebSocket; Node tests pass the `ws` package.
  const socket = new HocuspocusProviderWebsocket({
    url,
    ...(options.WebSocketPolyfill
      ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket }
      : {}),
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: roomId,
    document: ydoc,
    token: editKey === undefined ? READ_ONLY_TOKEN : editToken(editKey),
    onStatus: ({ status: s }) => {
      if (s === 'connected') return; // online once synced, not merely connected
      set(s === 'connecting' ? 'connecting' : 'offline');
    },
    onSynced: () => {
      set('online');
      settle('online');
    },
    onAuthenticationFailed: () => {
      set('refused');
      settle('refused');
    },
    // Sending it again would only be refused again: stop, and say why.
    onClose: ({ event }) => {
      if (event.code !== MESSAGE_TOO_BIG) return;
      set('too-large');
      settle('too-large');
      socket.disconnect();
    },
  });
  provider.attach();
  const goOffline = () => {
    socket.disconnect();
    set('offline');
  };
  const goOnline = () => {
    set('connecting');
    void socket.connect();
  };
  options.net?.addEventListener('offline', goOffline);
  options.net?.addEventListener('online', goOnline);
  return {
    ydoc,
    awareness: provider.awareness as Awareness,
    readOnly: () => editKey === undefined || provider.authorizedScope === 'readonly',
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    unsynced: () => provider.hasUnsyncedChanges,
    leave() {
      options.net?.removeEventListener('offline', goOffline);
      options.net?.removeEventListener('online', goOnline);
      listeners.clear();
      provider.destroy();
      socket.destroy();
      ydoc.destroy();
    },
  };
}
