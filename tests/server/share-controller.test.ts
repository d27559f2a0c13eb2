import WebSocket from 'ws';
import { catalogue } from '@/domain/default-catalogue';
import type { Message } from '@/domain/message';
import { readShareHash } from '@/domain/shared-doc/share-link';
import type { SyncServer } from '@/server/sync-server';
import { createAppStore } from '@/store/app-store';
import { createShareController, type ShareController } from '@/store/share-controller';
import { joinRoom } from '@/sync/browser-room';
import { createRoom, roomIdForKey } from '@/sync/room-keys';
import { makeDocument, makeHost } from '../builders';
import { english } from '../support/words';
import { type Folders, makeFolders, start, until } from './server-support';

/** The share controller (issue 16) of two or three stores against the real server. */
describe('sharing a diagram from the app', () => {
  let folders: Folders;
  let server: SyncServer;
  const controllers: ShareController[] = [];

  const person = (first: string, document = makeDocument()) => {
    let name = first;
    const store = createAppStore(document);
    let hash = '';
    const controller = createShareController(store, {
      createRoom,
      roomIdForKey,
      joinRoom: (roomId, editKey) =>
        joinRoom(server.syncUrl, roomId, editKey, { WebSocketPolyfill: WebSocket }),
      page: 'http://planner.test/',
      setHash: (h) => {
        hash = h;
      },
      userName: () => name,
      catalogueOf: () => catalogue,
    });
    controllers.push(controller);
    const callMe = (next: string) => {
      name = next;
      controller.rename();
    };
    return { store, controller, hash: () => hash, callMe };
  };

  beforeEach(async () => {
    folders = makeFolders();
    server = await start(folders);
  });
  afterEach(async () => {
    for (const c of controllers.splice(0)) c.leave();
    await server.stop();
    folders.remove();
  });

  it('shares a diagram; who joins by the edit link sees it, edits it, undoes only their own change', async () => {
    const ana = person('Ana', makeDocument([makeHost('h1', ['site-server'], { name: 'P01-SITE' })]));
    await ana.controller.share();
    expect(ana.store.getState().share.status).toBe('online');
    const links = ana.store.getState().share.links;
    expect(ana.hash()).toMatch(/^#edit=/);
    const target = readShareHash(new URL(links?.edit ?? '').hash);
    if (!target || target === 'bad') throw new Error('no edit link');

    const ben = person('Ben', makeDocument([makeHost('own', ['client'], { name: 'BENS-OWN' })]));
    await ben.controller.join(target);
    expect(ben.store.getState().hosts.map((h) => h.name)).toEqual(['P01-SITE']);
    await until(() => ana.store.getState().share.peers.some((p) => p.name === 'Ben'), 'Ana to see Ben');
    // A name changed in the room reaches the others.
    ben.callMe('Ben M.');
    await until(
      () => ana.store.getState().share.peers.some((p) => p.name === 'Ben M.'),
      "Ana to see Ben's new name",
    );

    ana.store.getState().addHost('management-point');
    ben.store.getState().setHostField('h1', 'name', 'RENAMED');
    await until(() => ben.store.getState().hosts.length === 2, "Ben to see Ana's host");
    await until(
      () => ana.store.getState().hosts.some((h) => h.name === 'RENAMED'),
      "Ana to see Ben's rename",
    );
    ben.store.getState().undo();
    await until(
      () => ana.store.getState().hosts.some((h) => h.name === 'P01-SITE'),
      'the rename undone for Ana',
    );
    expect(ana.store.getState().hosts).toHaveLength(2);

    // Leaving puts back the diagram Ben had before joining.
    ben.controller.leave();
    expect(ben.store.getState().hosts.map((h) => h.name)).toEqual(['BENS-OWN']);
    expect(ben.store.getState().share.status).toBe('off');
  });

  it('says so and keeps the diagram when it is larger than the server accepts in one message', async () => {
    await server.stop();
    server = await start(folders, { maxMessageBytes: 32 * 1024 });
    const hosts = Array.from({ length: 120 }, (_, i) =>
      makeHost(`h${i}`, ['client'], { name: `PC${i}`, notes: 'n'.repeat(400) }),
    );
    const ana = person('Ana', makeDocument(hosts, [], { name: 'Large' }));
    await ana.controller.share();
    // The empty room answers at once; the diagram written into it is what the server refuses.
    await until(() => ana.store.getState().share.status === 'off', 'the room to be left');
    expect(ana.hash()).toBe('');
    const titles = ana.store.getState().notices.map((n) => english(n.title as Message));
    expect(titles.at(-1)).toMatch(
      /larger than the live-editing server accepts in one message, so it was not shared/,
    );
    expect(ana.store.getState().hosts).toHaveLength(120);
    expect(ana.store.getState().name).toBe('Large');
  });

  it('keeps a change too large to send in the joiner’s tab, says so, and the room stays as it was', async () => {
    await server.stop();
    server = await start(folders, { maxMessageBytes: 32 * 1024 });
    const ana = person('Ana', makeDocument([makeHost('h1', ['site-server'], { name: 'P01-SITE' })]));
    await ana.controller.share();
    const target = readShareHash(new URL(ana.store.getState().share.links?.edit ?? '').hash);
    if (!target || target === 'bad') throw new Error('no edit link');
    const ben = person('Ben');
    await ben.controller.join(target);
    const hosts = Array.from({ length: 120 }, (_, i) =>
      makeHost(`h${i}`, ['client'], { name: `PC${i}`, notes: 'n'.repeat(400) }),
    );
    ben.store.getState().replaceDocument(makeDocument(hosts, [], { name: 'Opened in the room' }));
    await until(() => ben.store.getState().share.status === 'too-large', 'Ben to be told');
    const titles = ben.store.getState().notices.map((n) => english(n.title as Message));
    expect(titles.at(-1)).toMatch(/Your last change is larger than the live-editing server accepts/);
    expect(ben.store.getState().hosts).toHaveLength(120);
    expect(ana.store.getState().hosts.map((h) => h.name)).toEqual(['P01-SITE']);
  });

  it('a read-only link shows the diagram live and takes back a local change', async () => {
    const ana = person('Ana', makeDocument([makeHost('h1', ['site-server'], { name: 'P01-SITE' })]));
    await ana.controller.share();
    const view = readShareHash(new URL(ana.store.getState().share.links?.view ?? '').hash);
    if (!view || view === 'bad') throw new Error('no view link');
    const carl = person('Carl');
    await carl.controller.join(view);
    expect(carl.store.getState().share.access).toBe('read-only');
    expect(carl.store.getState().share.links?.edit).toBeUndefined();
    expect(carl.store.getState().hosts.map((h) => h.name)).toEqual(['P01-SITE']);
    carl.store.getState().setHostField('h1', 'name', 'HACKED');
    await until(() => carl.store.getState().hosts[0]?.name === 'P01-SITE', 'the local change taken back');
    ana.store.getState().setHostField('h1', 'name', 'LIVE');
    await until(() => carl.store.getState().hosts[0]?.name === 'LIVE', "Carl to see Ana's change");
    expect(ana.store.getState().hosts[0]?.name).toBe('LIVE');
  });
});
