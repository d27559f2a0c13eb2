import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { connectNodeClient, type NodeClient } from '@/server/node-client';
import type { SyncServer } from '@/server/sync-server';
import { createRoom, editToken, READ_ONLY_TOKEN, type Room } from '@/sync/room-keys';
import { fromShared, writeShared } from '@/sync/shared-doc';
import { makeDocument, makeHost } from '../builders';
import { type Folders, makeFolders, start, until } from './server-support';

function read(client: NodeClient): TopologyDocument | undefined {
  const result = fromShared(client.doc, catalogue);
  return result.ok ? result.document : undefined;
}

const hosts = (client: NodeClient) => read(client)?.hosts.map((h) => h.name) ?? [];

describe('npm run serve: live editing', () => {
  let folders: Folders;
  let server: SyncServer;
  let room: Room;
  const clients: NodeClient[] = [];
  const connect = (token: string) => {
    const client = connectNodeClient({ url: server.syncUrl, room: room.roomId, token });
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    folders = makeFolders();
    server = await start(folders);
    room = await createRoom();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.stop();
    folders.remove();
  });

  it('shows what one editor writes to the other', async () => {
    const a = connect(editToken(room.editKey));
    const b = connect(editToken(room.editKey));
    await Promise.all([a.synced, b.synced]);
    writeShared(a.doc, makeDocument([makeHost('site', ['site-server'], { name: 'P01-SITE' })]));
    await until(() => hosts(b).includes('P01-SITE'), 'B to see the host');
    expect(read(b)).toEqual(read(a));
  });

  it('keeps every edit across a restart (write, stop, start, read)', async () => {
    // A store delay longer than the test: only stop's own write can keep the edit.
    await server.stop();
    server = await start(folders, { storeDelay: 60_000 });
    const a = connect(editToken(room.editKey));
    await a.synced;
    const document = makeDocument([makeHost('site', ['site-server'], { name: 'Kept' })]);
    writeShared(a.doc, document);
    const serverDoc = () => server.hocuspocus.documents.get(room.roomId);
    await until(() => serverDoc()?.getMap('hosts').has('site') === true, 'the server to hold the edit');
    await server.stop();
    a.close();
    server = await start(folders, { storeDelay: 60_000 });
    const reader = connect(READ_ONLY_TOKEN);
    await reader.synced;
    expect(read(reader)).toEqual(document);
  });

  it('lets a read-only link watch but not write', async () => {
    const editor = connect(editToken(room.editKey));
    await editor.synced;
    writeShared(editor.doc, makeDocument([makeHost('site', ['site-server'], { name: 'Original' })]));
    const viewer = connect(READ_ONLY_TOKEN);
    await viewer.synced;
    await until(() => hosts(viewer).includes('Original'), 'the viewer to see the diagram');
    const viewed = read(viewer)!;
    writeShared(viewer.doc, { ...viewed, hosts: [...viewed.hosts, makeHost('intruder', ['client'])] });
    // The editor's next change reaches the viewer, so the viewer's write had every chance to arrive.
    writeShared(editor.doc, { ...read(editor)!, name: 'Renamed by the editor' });
    await until(() => read(viewer)?.name === 'Renamed by the editor', 'the viewer to see the rename');
    const serverDoc = server.hocuspocus.documents.get(room.roomId)!;
    expect(serverDoc.getMap('hosts').has('intruder')).toBe(false);
    expect(hosts(editor)).toEqual(['Original']);
    const fresh = connect(READ_ONLY_TOKEN);
    await fresh.synced;
    expect(hosts(fresh)).toEqual(['Original']);
  });
});
