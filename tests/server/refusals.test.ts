import WebSocket from 'ws';
import { catalogue } from '@/domain/default-catalogue';
import { connectNodeClient, type NodeClient } from '@/server/node-client';
import type { SyncServer } from '@/server/sync-server';
import { createRoom, editToken, READ_ONLY_TOKEN, type Room } from '@/sync/room-keys';
import { fromShared, writeShared } from '@/sync/shared-doc';
import { makeDocument, makeHost } from '../builders';
import { type Folders, makeFolders, start, until, varString, varUint } from './server-support';

const names = (client: NodeClient) => {
  const result = fromShared(client.doc, catalogue);
  return result.ok ? result.document.hosts.map((h) => h.name) : [];
};

describe('npm run serve: what the server refuses', () => {
  let folders: Folders;
  let server: SyncServer;
  let room: Room;
  const clients: NodeClient[] = [];
  const connect = (token: string, roomId = room.roomId) => {
    const client = connectNodeClient({ url: server.syncUrl, room: roomId, token });
    clients.push(client);
    return client;
  };

  /** A raw socket that authenticates as an editor, to send messages no provider would. */
  async function rawEditor(): Promise<{ ws: WebSocket; closed: Promise<number> }> {
    const ws = new WebSocket(server.syncUrl);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    const authenticated = new Promise((resolve) => ws.once('message', resolve));
    ws.send(Uint8Array.from([...varString(room.roomId), 2, 0, ...varString(editToken(room.editKey))]));
    await authenticated;
    return { ws, closed };
  }

  /** The room is still usable: an editor's change reaches a newcomer, and the server holds it. */
  async function expectRoomUsable(editor: NodeClient, name: string): Promise<void> {
    writeShared(editor.doc, makeDocument([makeHost('site', ['site-server'], { name })]));
    const newcomer = connect(READ_ONLY_TOKEN);
    await newcomer.synced;
    await until(() => names(newcomer).includes(name), `a newcomer to see ${name}`);
    expect(names(editor)).toEqual([name]);
  }

  beforeEach(async () => {
    folders = makeFolders();
    server = await start(folders, {
      maxMessageBytes: 64 * 1024,
      maxConnectionsPerRoom: 4,
      maxRoomsPerSocket: 3,
    });
    room = await createRoom();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.stop();
    folders.remove();
  });

  it.each(['short', 'has spaces in it and is long enough', 'a'.repeat(65), '../../../../etc/passwd'])(
    'refuses a room id that is not one of ours: %j',
    async (roomId) => {
      await expect(connect(READ_ONLY_TOKEN, roomId).synced).rejects.toThrow('bad-room');
      expect(server.hocuspocus.documents.has(roomId)).toBe(false);
    },
  );

  it('refuses an edit key of another room and a token that is not ours', async () => {
    const other = await createRoom();
    await expect(connect(editToken(other.editKey)).synced).rejects.toThrow('wrong-key');
    await expect(connect('let me in').synced).rejects.toThrow('bad-token');
  });

  it('refuses a connection past the room limit, and takes one again when a place frees', async () => {
    const inside = [0, 1, 2, 3].map(() => connect(READ_ONLY_TOKEN));
    await Promise.all(inside.map((c) => c.synced));
    await expect(connect(READ_ONLY_TOKEN).synced).rejects.toThrow('room-full');
    // Another room is not affected.
    const elsewhere = await createRoom();
    await expect(connect(READ_ONLY_TOKEN, elsewhere.roomId).synced).resolves.toBeUndefined();
    inside[0]!.close();
    await until(() => server.hocuspocus.documents.get(room.roomId)?.getConnectionsCount() === 3, 'a place');
    await expect(connect(READ_ONLY_TOKEN).synced).resolves.toBeUndefined();
    expect(server.guard.pendingCount(room.roomId)).toBe(0);
  });

  it('counts connections still loading, so a burst cannot pass the limit', async () => {
    const burst = Array.from({ length: 8 }, () => connect(READ_ONLY_TOKEN));
    const outcomes = await Promise.allSettled(burst.map((c) => c.synced));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(4);
    expect(server.hocuspocus.documents.get(room.roomId)?.getConnectionsCount()).toBe(4);
  });

  it('refuses more rooms on one socket than the limit, and frees them when the socket closes', async () => {
    const ws = new WebSocket(server.syncUrl);
    const replies: string[] = [];
    ws.on('message', (data: Buffer) => replies.push(data.toString('latin1')));
    await new Promise((resolve) => ws.once('open', resolve));
    const rooms = await Promise.all([0, 1, 2, 3].map(() => createRoom()));
    for (const r of rooms)
      ws.send(Uint8Array.from([...varString(r.roomId), 2, 0, ...varString(READ_ONLY_TOKEN)]));
    await until(() => replies.some((r) => r.includes('too-many-rooms')), 'the refusal');
    await until(() => server.hocuspocus.documents.size === 3, 'three rooms loaded');
    expect(server.guard.socketCount()).toBe(1);
    ws.close();
    await until(() => server.guard.socketCount() === 0, 'the socket to be forgotten');
  });

  it('refuses an oversized update and the room stays usable', async () => {
    const editor = connect(editToken(room.editKey));
    const sender = connect(editToken(room.editKey));
    await Promise.all([editor.synced, sender.synced]);
    const closed = new Promise<number>((resolve) =>
      sender.provider.on('close', ({ event }: { event: { code: number } }) => resolve(event.code)),
    );
    const huge = makeDocument([makeHost('big', ['client'], { name: 'Big', notes: 'x'.repeat(9000) })]);
    writeShared(sender.doc, { ...huge, description: 'y'.repeat(100 * 1024) });
    expect(await closed).toBe(1009);
    await expectRoomUsable(editor, 'After the oversized update');
    expect(server.hocuspocus.documents.get(room.roomId)!.getMap('hosts').has('big')).toBe(false);
  });

  it('closes a socket that sends bytes that are not a message, and the room stays usable', async () => {
    const editor = connect(editToken(room.editKey));
    await editor.synced;
    const ws = new WebSocket(server.syncUrl);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    expect(await closed).toBeGreaterThanOrEqual(4000);
    await expectRoomUsable(editor, 'After the garbage');
  });

  it.each([
    ['a garbled update', [...varUint(5), 0xff, 0xff, 0x01]],
    ['a truncated update', [...varUint(40), 1, 2, 3]],
  ])('refuses %s before the room applies it, and the room stays usable', async (_label, payload) => {
    const editor = connect(editToken(room.editKey));
    await editor.synced;
    writeShared(editor.doc, makeDocument([makeHost('site', ['site-server'], { name: 'Before' })]));
    const raw = await rawEditor();
    const before = server.hocuspocus.documents.get(room.roomId)!;
    const stateBefore = before.getMap('hosts').toJSON();
    const refusals: string[] = [];
    raw.ws.on('message', (data: Buffer) => refusals.push(data.toString('latin1')));
    // Sync (0), update (2), then the update bytes; the garbled one's length prefix is honest.
    raw.ws.send(Uint8Array.from([...varString(room.roomId), 0, 2, ...varUint(payload.length), ...payload]));
    await until(() => refusals.some((r) => r.includes('malformed-update')), 'the refusal');
    expect(before.getMap('hosts').toJSON()).toEqual(stateBefore);
    raw.ws.close();
    await expectRoomUsable(editor, 'After the malformed update');
  });
});
