/**
 * A live-editing client in Node (HocuspocusProvider over `ws`), for the server's tests, the load
 * bench and scripts. The browser uses the same provider with its own WebSocket.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface NodeClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves once the server confirmed the first sync; rejects with the reason when refused. */
  readonly synced: Promise<void>;
  /** Disconnects and frees the socket. */
  close(): void;
}

export interface NodeClientOptions {
  /** ws://host:port/sync */
  readonly url: string;
  readonly room: string;
  readonly token?: string;
  readonly doc?: Y.Doc;
}

/**
 * Connects one client to one room.
 *
 * @param options - endpoint, room, token and (optionally) the document to sync
 * @returns the client; await `synced` before reading
 * @example
 * const client = connectNodeClient({ url: server.syncUrl, room: roomId, token: editToken(editKey) });
 * await client.synced;
 */
export function connectNodeClient(options: NodeClientOptions): NodeClient {
  const doc = options.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: WebSocket,
    // Retries without end, as in the browser: with a bounded count the provider's own reconnect
    // (after the server went away) rejects a promise nobody handles, which stops a Node process.
  });
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const synced = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.room,
    document: doc,
    token: options.token ?? null,
    onSynced: () => settle?.resolve(),
    onAuthenticationFailed: ({ reason }) => settle?.reject(new Error(reason)),
    onClose: ({ event }) => settle?.reject(new Error(`closed ${event.code}`)),
  });
  provider.attach();
  // Keeps an unawaited refusal from surfacing as an unhandled rejection.
  synced.catch(() => {});
  return {
    doc,
    provider,
    synced,
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}
