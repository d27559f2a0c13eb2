import * as Y from 'yjs';
import { catalogue } from '@/domain/default-catalogue';
import { createEmptyDocument } from '@/domain/restore';
import { type AppStore, createAppStore, toDocument } from '@/store/app-store';
import { storeView } from '@/store/shared-view';
import { type SharedSession, startSharedSession } from '@/sync/shared-session';
import { makeDocument, makeHost } from '../builders';

/** Two Y.Docs that pass each update to the other, like a provider; `hold` queues them (offline). */
function linkDocs(a: Y.Doc, b: Y.Doc) {
  let held = false;
  const queue: [Y.Doc, Uint8Array][] = [];
  const pass = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === 'wire') return;
    if (held) queue.push([to, update]);
    else Y.applyUpdate(to, update, 'wire');
  };
  a.on('update', pass(b));
  b.on('update', pass(a));
  return {
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      for (const [to, update] of queue.splice(0)) Y.applyUpdate(to, update, 'wire');
    },
  };
}

interface Peer {
  store: AppStore;
  session: SharedSession;
  problems: unknown[];
}

function peer(ydoc: Y.Doc, start = createEmptyDocument(catalogue, 'Empty')): Peer {
  const store = createAppStore(start);
  const problems: unknown[] = [];
  const session = startSharedSession(ydoc, storeView(store), {
    catalogue,
    onProblems: (list) => problems.push(...list),
  });
  return { store, session, problems };
}

const names = (p: Peer) =>
  p.store
    .getState()
    .hosts.map((h) => h.name)
    .sort();
const flushAll = (...peers: Peer[]) => {
  for (const p of peers) p.session.flush();
};

describe('a shared session between two stores', () => {
  let docA: Y.Doc;
  let docB: Y.Doc;
  let wire: ReturnType<typeof linkDocs>;
  beforeEach(() => {
    docA = new Y.Doc();
    docB = new Y.Doc();
    wire = linkDocs(docA, docB);
  });

  it('shows the room to who joins, and each side sees the other add a host', () => {
    const a = peer(docA, makeDocument([makeHost('site', ['site-server'], { name: 'P01-SITE' })]));
    const b = peer(docB);
    expect(names(b)).toEqual(['P01-SITE']);
    b.store.getState().addHost('management-point');
    flushAll(b);
    expect(names(a)).toEqual(names(b));
    expect(names(a)).toHaveLength(2);
  });

  it('merges edits made at once on both sides (offline, then back) into one diagram on both', () => {
    const a = peer(docA, makeDocument([makeHost('h1', ['site-server'], { name: 'ONE' })]));
    const b = peer(docB);
    wire.hold();
    a.store.getState().addHost('management-point');
    b.store.getState().addHost('distribution-point');
    b.store.getState().setHostField('h1', 'ip', '10.0.0.5');
    a.store.getState().setHostField('h1', 'site', 'P01');
    flushAll(a, b);
    expect(a.store.getState().hosts).toHaveLength(2);
    wire.release();
    expect(toDocument(a.store.getState())).toEqual(toDocument(b.store.getState()));
    expect(a.store.getState().hosts).toHaveLength(3);
    const one = a.store.getState().hosts.find((h) => h.id === 'h1');
    expect(one).toMatchObject({ ip: '10.0.0.5', site: 'P01' });
  });

  it('keeps both hosts two people add at once under one id, each with its own link and position', () => {
    const a = peer(docA, makeDocument([makeHost('h1', ['site-server'], { name: 'SITE' })]));
    const b = peer(docB);
    wire.hold();
    const mp = a.store.getState().addHost('management-point', { x: 500, y: 40 }) as string;
    const dp = b.store.getState().addHost('distribution-point', { x: 900, y: 40 }) as string;
    expect(mp).toBe(dp); // both numbered the next host alike: the case to handle
    a.store.getState().setHostField(mp, 'name', 'MP-A');
    b.store.getState().setHostField(dp, 'name', 'DP-B');
    expect(a.store.getState().connectHosts(mp, 'h1').ok).toBe(true);
    expect(b.store.getState().connectHosts(dp, 'h1').ok).toBe(true);
    flushAll(a, b);
    wire.release();
    flushAll(a, b);
    for (const p of [a, b]) {
      const state = p.store.getState();
      expect(names(p)).toEqual(['DP-B', 'MP-A', 'SITE']);
      const byName = new Map(state.hosts.map((h) => [h.name, h]));
      const linked = state.links.flatMap((l) => [l.source, l.target]);
      expect(linked).toContain(byName.get('MP-A')?.id);
      expect(linked).toContain(byName.get('DP-B')?.id);
      expect(state.links).toHaveLength(2);
      expect(state.layout[byName.get('DP-B')?.id as string]).toEqual({ x: 900, y: 40 });
      expect(state.layout[byName.get('MP-A')?.id as string]).toEqual({ x: 500, y: 40 });
    }
    expect(toDocument(a.store.getState())).toEqual(toDocument(b.store.getState()));
  });

  it('undoes only your own change: a peer added host stays', () => {
    const a = peer(docA, makeDocument([makeHost('h1', ['site-server'], { name: 'ONE' })]));
    const b = peer(docB);
    a.store.getState().addHost('management-point');
    flushAll(a);
    b.store.getState().setHostField('h1', 'name', 'RENAMED');
    flushAll(b);
    expect(names(a)).toContain('RENAMED');
    b.session.undo();
    expect(names(a)).toContain('ONE');
    expect(names(b)).toContain('ONE');
    expect(a.store.getState().hosts).toHaveLength(2);
    expect(b.store.getState().hosts).toHaveLength(2);
    b.session.redo();
    expect(names(a)).toContain('RENAMED');
  });

  it('makes a drag one undo step, however many moves it had', () => {
    const a = peer(docA, makeDocument([makeHost('h1', ['site-server'])]));
    const start = a.store.getState().layout.h1;
    a.store.getState().beginDrag();
    for (let i = 1; i <= 5; i += 1) {
      a.store.getState().moveHosts({ h1: { x: i * 10, y: i * 5 } });
      flushAll(a);
    }
    a.store.getState().endDrag();
    flushAll(a);
    expect(a.store.getState().layout.h1).toEqual({ x: 50, y: 25 });
    a.session.undo();
    expect(a.store.getState().layout.h1).toEqual(start);
    expect(a.session.canUndo()).toBe(false);
  });

  it('never takes a bad peer update as it is: the diagram stays valid and the problem is reported', () => {
    const a = peer(docA, makeDocument([makeHost('h1', ['site-server'], { name: 'ONE' })]));
    const b = peer(docB);
    // A peer writes a host with a wrong type and a link to nowhere straight into the shared maps.
    docB.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('name', 42);
      bad.set('roles', 'everything');
      docB.getMap('hosts').set('evil', bad);
      const link = new Y.Map<unknown>();
      link.set('source', 'h1');
      link.set('target', 'nowhere');
      docB.getMap('links').set('dangling', link);
    }, 'a peer');
    for (const p of [a, b]) {
      expect(p.store.getState().links).toEqual([]);
      expect(
        p.store.getState().hosts.every((h) => typeof h.name === 'string' && Array.isArray(h.roles)),
      ).toBe(true);
      expect(names(p)).toContain('ONE');
    }
    expect(a.problems.length).toBeGreaterThan(0);
  });

  it('keeps every unchanged host object when a peer changes one host', () => {
    const a = peer(
      docA,
      makeDocument([makeHost('h1', ['site-server']), makeHost('h2', ['management-point'])]),
    );
    const b = peer(docB);
    const before = a.store.getState().hosts;
    b.store.getState().setHostField('h2', 'ip', '10.1.1.1');
    flushAll(b);
    const after = a.store.getState().hosts;
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});
