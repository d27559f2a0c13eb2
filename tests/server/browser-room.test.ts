import WebSocket from 'ws';
import { catalogue } from '@/domain/default-catalogue';
import type { SyncServer } from '@/server/sync-server';
import { createAppStore } from '@/store/app-store';
import { storeView } from '@/store/shared-view';
import { joinRoom, type RoomConnection, type RoomStatus } from '@/sync/browser-room';
import { createRoom, type Room } from '@/sync/room-keys';
import { startSharedSession } from '@/sync/shared-session';
import { makeDocument, makeHost } from '../builders';
import { type Folders, makeFolders, start, until } from './server-support';

/** The browser's room connection against the real server (Node's `ws` stands in for the browser's socket). */
describe('joining a room from the app', () => {
  let folders: Folders;
  let server: SyncServer;
  let room: Room;
  const rooms: RoomConnection[] = [];
  const join = (editKey: string | undefined, roomId = room.roomId) => {
    const connection = joinRoom(server.syncUrl, roomId, editKey, { WebSocketPolyfill: WebSocket });
    rooms.push(connection);
    return connection;
  };

  beforeEach(async () => {
    folders = makeFolders();
    server = await start(folders);
    room = await createRoom();
  });
  afterEach(async () => {
    for (const r of rooms.splice(0)) r.leave();
    await server.stop();
    folders.remove();
  });

  it('shares a store with a second store through the server, both ways', async () => {
    const a = join(room.editKey);
    const b = join(room.editKey);
    expect(await a.ready).toBe('online');
    expect(await b.ready).toBe('online');
    const storeA = createAppStore(makeDocument([makeHost('h1', ['site-server'], { name: 'P01-SITE' })]));
    const storeB = createAppStore(makeDocument());
    startSharedSession(a.ydoc, storeView(storeA), { catalogue });
    startSharedSession(b.ydoc, storeView(storeB), { catalogue });
    await until(() => storeB.getState().hosts.some((h) => h.name === 'P01-SITE'), "B to see A's host");
    storeB.getState().addHost('management-point');
    await until(() => storeA.getState().hosts.length === 2, "A to see B's new host");
    expect(
      storeA
        .getState()
        .hosts.map((h) => h.id)
        .sort(),
    ).toEqual(
      storeB
        .getState()
        .hosts.map((h) => h.id)
        .sort(),
    );
  });

  it('says a read-only link is read-only, and refuses a wrong key', async () => {
    const viewer = join(undefined);
    expect(await viewer.ready).toBe('online');
    expect(viewer.readOnly()).toBe(true);
    const other = await createRoom();
    const wrong = join(other.editKey);
    const statuses: RoomStatus[] = [];
    wrong.onStatus((s) => statuses.push(s));
    expect(await wrong.ready).toBe('refused');
    expect(wrong.status()).toBe('refused');
  });
});
