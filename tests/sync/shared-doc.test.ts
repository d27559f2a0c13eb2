import * as Y from 'yjs';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { fromShared, isSharedEmpty, writeShared } from '@/sync/shared-doc';
import { makeDocument, makeHost, makeLink } from '../builders';
import { english } from '../support/words';

function sample(): TopologyDocument {
  return makeDocument(
    [
      makeHost('site', ['site-server'], { name: 'P01-SITE', site: 'P01', zone: 'z1' }),
      makeHost('mp', ['management-point'], { name: 'P01-MP01', ip: '10.0.0.5' }),
      makeHost('pc', ['client'], { name: 'Clients' }),
    ],
    [makeLink('mp', 'site', 'l1'), makeLink('pc', 'mp', 'l2')],
    { zones: [{ id: 'z1', name: 'Servers' }], description: 'Two floors' },
  );
}

/** Two peers joined the way a sync provider joins them: every update reaches the other side. */
function peers(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote');
  });
  return [a, b];
}

function read(ydoc: Y.Doc): TopologyDocument {
  const result = fromShared(ydoc, catalogue);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.document;
}

describe('shared document', () => {
  it('gives back the document it was written with, without a report', () => {
    const ydoc = new Y.Doc();
    expect(isSharedEmpty(ydoc)).toBe(true);
    writeShared(ydoc, sample());
    expect(isSharedEmpty(ydoc)).toBe(false);
    const result = fromShared(ydoc, catalogue);
    expect(result).toEqual({ ok: true, document: sample(), problems: [] });
  });

  it('writes nothing when the document did not change, and only the changed field when one did', () => {
    const ydoc = new Y.Doc();
    writeShared(ydoc, sample());
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => updates.push(update));
    writeShared(ydoc, sample());
    expect(updates).toHaveLength(0);
    const renamed = {
      ...sample(),
      hosts: sample().hosts.map((h) => (h.id === 'mp' ? { ...h, name: 'MP2' } : h)),
    };
    writeShared(ydoc, renamed);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.byteLength).toBeLessThan(60);
    expect(read(ydoc)).toEqual(renamed);
  });

  it('merges two people editing different fields of one host at once', () => {
    const [a, b] = peers();
    writeShared(a, sample());
    const offlineA = new Y.Doc();
    Y.applyUpdate(offlineA, Y.encodeStateAsUpdate(a));
    const offlineB = new Y.Doc();
    Y.applyUpdate(offlineB, Y.encodeStateAsUpdate(b));
    const base = read(offlineA);
    const edit = (doc: TopologyDocument, patch: object) => ({
      ...doc,
      hosts: doc.hosts.map((h) => (h.id === 'mp' ? { ...h, ...patch } : h)),
    });
    writeShared(offlineA, edit(base, { name: 'Renamed by A' }));
    writeShared(offlineB, edit(base, { roles: ['management-point', 'distribution-point'] }));
    Y.applyUpdate(offlineA, Y.encodeStateAsUpdate(offlineB));
    Y.applyUpdate(offlineB, Y.encodeStateAsUpdate(offlineA));
    const merged = read(offlineA);
    expect(read(offlineB)).toEqual(merged);
    expect(merged.hosts.find((h) => h.id === 'mp')).toMatchObject({
      name: 'Renamed by A',
      roles: ['management-point', 'distribution-point'],
    });
  });

  it('lists hosts in the same order on every peer when two add one at once', () => {
    const a = new Y.Doc();
    writeShared(a, sample());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const add = (ydoc: Y.Doc, id: string) => {
      const doc = read(ydoc);
      writeShared(ydoc, { ...doc, hosts: [...doc.hosts, makeHost(id, ['client'])] });
    };
    add(a, 'new-a');
    add(b, 'new-b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const ids = read(a).hosts.map((h) => h.id);
    expect(read(b).hosts.map((h) => h.id)).toEqual(ids);
    expect(ids).toEqual(['site', 'mp', 'pc', 'new-a', 'new-b']);
  });

  it('keeps the order of shared hosts when one is removed and another inserted between', () => {
    const ydoc = new Y.Doc();
    writeShared(ydoc, sample());
    const doc = read(ydoc);
    const [site, , pc] = doc.hosts;
    writeShared(ydoc, { ...doc, hosts: [site!, makeHost('dp', ['distribution-point']), pc!], links: [] });
    expect(read(ydoc).hosts.map((h) => h.id)).toEqual(['site', 'dp', 'pc']);
  });

  it("reads a peer's bad update through restore: repaired with a report, never taken as is", () => {
    const ydoc = new Y.Doc();
    writeShared(ydoc, sample());
    // What a broken or hostile peer could write straight into the maps.
    ydoc.transact(() => {
      const hosts = ydoc.getMap<unknown>('hosts');
      const bad = new Y.Map<unknown>();
      bad.set('name', 42);
      bad.set('roles', 'not a list');
      hosts.set('bad', bad);
      hosts.set('__proto__', { name: 'polluter', roles: [], options: {}, polluted: true });
      hosts.set('scalar', 'just text');
      const link = new Y.Map<unknown>();
      link.set('source', 'mp');
      link.set('target', 'nowhere');
      ydoc.getMap<unknown>('links').set('dangling', link);
      ydoc.getMap<unknown>('layout').set('site', { x: 'far', y: Number.NaN });
      ydoc.getMap<unknown>('settings').set('ports', 'none');
    });
    const result = fromShared(ydoc, catalogue);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.document.links.map((l) => l.id)).toEqual(['l1', 'l2']);
    for (const host of result.document.hosts) {
      expect(typeof host.name).toBe('string');
      expect(Array.isArray(host.roles)).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a shared document a newer release wrote, so the local diagram stays as it is', () => {
    const ydoc = new Y.Doc();
    writeShared(ydoc, sample());
    ydoc.getMap('meta').set('version', 99);
    const result = fromShared(ydoc, catalogue);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.error)).toMatch(/newer release/);
  });

  it('refuses an empty shared document (nothing written yet) instead of reading an empty diagram', () => {
    expect(fromShared(new Y.Doc(), catalogue).ok).toBe(false);
  });
});
