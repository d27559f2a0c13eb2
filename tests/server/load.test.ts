import * as Y from 'yjs';
import { catalogue } from '@/domain/default-catalogue';
import { connectNodeClient } from '@/server/node-client';
import type { SyncServer } from '@/server/sync-server';
import { createRoom, READ_ONLY_TOKEN } from '@/sync/room-keys';
import { fromShared } from '@/sync/shared-doc';
import { percentile, runSyncLoad } from '../../bench/sync-load';
import { type Folders, makeFolders, start } from './server-support';

describe('npm run serve under load (loopback)', () => {
  let folders: Folders;
  let server: SyncServer;
  beforeAll(async () => {
    folders = makeFolders();
    server = await start(folders);
  });
  afterAll(async () => {
    await server.stop();
    folders.remove();
  });

  it('20 clients editing one room for 10 s all end identical to the server', {
    timeout: 90_000,
  }, async () => {
    const room = await createRoom();
    // A watcher keeps the room loaded on the server after the editors leave, to compare with it.
    const watcher = connectNodeClient({ url: server.syncUrl, room: room.roomId, token: READ_ONLY_TOKEN });
    await watcher.synced;
    const result = await runSyncLoad({ url: server.syncUrl, room, clients: 20, seconds: 10 });
    expect(result.edits).toBeGreaterThan(400);
    expect(result.identical).toBe(true);
    const serverDoc = server.hocuspocus.documents.get(room.roomId)!;
    const serverRead = fromShared(serverDoc, catalogue);
    expect(serverRead.ok && serverRead.document).toEqual(result.final);
    for (const doc of [...result.clientDocs, watcher.doc]) {
      expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(serverDoc));
    }
    watcher.close();
    expect(result.final.hosts).toHaveLength(20);
    // Every move reached (almost) every peer; the figure itself is the bench's, not a test target.
    expect(result.latencies.length).toBeGreaterThan(result.edits * 0.7 * 19 * 0.9);
    expect(percentile(result.latencies, 50)).toBeLessThan(1000);
  });
});
