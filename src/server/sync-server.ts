/**
 * One Node process for live editing: the built app's files over HTTP and a Hocuspocus endpoint at
 * /sync over WebSocket, each room persisted to SQLite in a data folder. Loopback only unless a
 * host is given.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { encodeStateAsUpdate } from 'yjs';
import { RoomGuard } from './room-guard';
import { RoomStore } from './room-store';
import { staticFiles } from './static-files';

/** The path of the WebSocket endpoint. */
export const SYNC_PATH = '/sync';

export interface SyncServerOptions {
  /** The built app (dist/); without it only /sync answers. */
  readonly appDir?: string;
  /** Where rooms.sqlite lives; created when missing. */
  readonly dataDir: string;
  /** Address to bind; 127.0.0.1 unless given. */
  readonly host?: string;
  /** Port to bind; 0 picks a free one. */
  readonly port?: number;
  /** Largest WebSocket message (so largest update), in bytes; 2 MB unless given. */
  readonly maxMessageBytes?: number;
  /** Most connections to one room; 50 unless given. */
  readonly maxConnectionsPerRoom?: number;
  /** Most rooms one WebSocket may join (the app joins one); 8 unless given. */
  readonly maxRoomsPerSocket?: number;
  /** Milliseconds a room's changes wait before being written (Hocuspocus `debounce`); 2,000 unless given. */
  readonly storeDelay?: number;
}

export interface SyncServer {
  /** ws://host:port/sync */
  readonly syncUrl: string;
  /** http://host:port */
  readonly httpUrl: string;
  readonly port: number;
  readonly hocuspocus: Hocuspocus;
  readonly guard: RoomGuard;
  /** Closes every connection, writes every open room and closes the database. */
  stop(): Promise<void>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS_PER_ROOM = 50;
export const DEFAULT_MAX_ROOMS_PER_SOCKET = 8;

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts the server and resolves once it listens.
 *
 * @param options - folders, address and limits
 * @returns the running server, its URLs and `stop`
 * @example
 * const server = await startSyncServer({ appDir: 'dist', dataDir: 'data-sync' });
 * console.log(server.httpUrl);
 */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  const store = new RoomStore(options.dataDir);
  await store.open();
  const guard = new RoomGuard(
    options.maxConnectionsPerRoom ?? DEFAULT_MAX_CONNECTIONS_PER_ROOM,
    options.maxRoomsPerSocket ?? DEFAULT_MAX_ROOMS_PER_SOCKET,
  );
  const hocuspocus = new Hocuspocus({
    name: 'cm-port-planner',
    quiet: true,
    debounce: options.storeDelay ?? 2000,
    maxDebounce: 10_000,
    extensions: [guard, store],
  });
  const files = options.appDir ? await staticFiles(options.appDir) : undefined;
  const http = createServer((request, response) => {
    if (files) {
      files(request, response).catch(() => response.destroy());
      return;
    }
    response.writeHead(404).end();
  });
  // ws refuses a larger message with close code 1009 before reading it into memory.
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
  });
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path !== SYNC_PATH) return refuseUpgrade(socket, '404 Not Found');
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // ws reports an oversized or invalid frame as an 'error' (then closes with 1009 or 1002);
      // without a listener Node would throw it and stop the whole server.
      ws.on('error', () => ws.terminate());
      hocuspocus.handleConnection(ws, request);
    });
  });
  const address = await listen(http, options.port ?? 0, host);
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        sockets.close();
        hocuspocus.closeConnections();
        for (const client of sockets.clients) client.terminate();
        http.close(() => resolve());
        http.closeAllConnections();
      });
      // Writes every room still in memory now, not after the debounce.
      await Promise.all(
        [...hocuspocus.documents.values()].map((document) =>
          store.write(document.name, encodeStateAsUpdate(document)),
        ),
      );
      await store.close();
    })();
    return stopping;
  };

  return {
    syncUrl: `ws://${shown}:${address.port}${SYNC_PATH}`,
    httpUrl: `http://${shown}:${address.port}`,
    port: address.port,
    hocuspocus,
    guard,
    stop,
  };
}
