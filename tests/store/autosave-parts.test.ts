import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { serializeDocument } from '@/domain/restore';
import { createAppStore, toDocument } from '@/store/app-store';
import { AUTOSAVE_KEY, LAST_GOOD_KEY, loadAutosave, startAutosave } from '@/store/autosave';
import { createAutosaveWriter, PARTS_FROM_CHARS } from '@/store/autosave-parts';
import { PART_PREFIX, PARTS_FORMAT, readAutosave } from '@/store/autosave-read';
import { syntheticHierarchy } from '../../bench/synthetic';
import { MemoryStorage, makeDocument, makeHost } from '../builders';
import { text as words } from './text';

/** Browser storage that refuses to hold more than `cap` characters of keys and values, as a browser does. */
class CappedStorage extends MemoryStorage {
  constructor(public cap: number) {
    super();
  }
  override setItem(key: string, value: string) {
    let used = key.length + value.length;
    for (const [k, v] of this.map) if (k !== key) used += k.length + v.length;
    if (used > this.cap) throw new DOMException('full', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

/** Fails the `n`-th write from now with an error that is not about room (a locked storage, say). */
function failWrite(storage: MemoryStorage, n: number) {
  const setItem = storage.setItem.bind(storage);
  let count = 0;
  vi.spyOn(storage, 'setItem').mockImplementation((key, value) => {
    count += 1;
    if (count === n) throw new DOMException('locked', 'UnknownError');
    setItem(key, value);
  });
}

const small = { partsFromChars: 2_000, perPart: 4 } as const;
const estate = () => syntheticHierarchy(60, catalogue, { zones: true });
const partKeys = (storage: MemoryStorage) => [...storage.map.keys()].filter((k) => k.startsWith(PART_PREFIX));
const listed = (storage: MemoryStorage) =>
  (JSON.parse(storage.getItem(AUTOSAVE_KEY)!) as { parts: string[] }).parts.map((p) => `${PART_PREFIX}${p}`);
/** Starts the autosave of `store` into `storage`, saving 10 ms after an edit, with parts from 2,000 characters. */
function autosaveIn(store: ReturnType<typeof createAppStore>, storage: Storage) {
  const target = new EventTarget() as unknown as Window;
  return startAutosave(store, { storage, target, delayMs: 10, writer: createAutosaveWriter(small) });
}

/** Every host renamed: every part is new. */
const renamedAll = (doc: TopologyDocument): TopologyDocument => ({
  ...doc,
  hosts: doc.hosts.map((h) => ({ ...h, name: `${h.name}-2` })),
});
const rename = (doc: TopologyDocument, at: number, name: string): TopologyDocument => ({
  ...doc,
  hosts: doc.hosts.map((h, i) => (i === at ? { ...h, name } : h)),
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the autosave of a large diagram in parts (issue 18)', () => {
  it('keeps a diagram above the size in parts that read back as the saved text, and opens it', () => {
    const storage = new MemoryStorage();
    const doc = estate();
    createAutosaveWriter(small).write(storage, doc);
    expect(storage.getItem(AUTOSAVE_KEY)!.startsWith(`{"format":"${PARTS_FORMAT}"`)).toBe(true);
    expect(partKeys(storage).length).toBeGreaterThan(20);
    expect(partKeys(storage).sort()).toEqual([...new Set(listed(storage))].sort());
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(doc) });
    const loaded = loadAutosave(storage, catalogue, makeDocument([], []));
    expect(loaded.notices).toEqual([]);
    expect(loaded.document).toEqual(doc);
  });

  it('keeps a diagram below the size whole under its key, as before, and drops parts left from a larger one', () => {
    const storage = new MemoryStorage();
    const writer = createAutosaveWriter(small);
    writer.write(storage, estate());
    const doc = makeDocument([makeHost('a', ['client'])], []);
    writer.write(storage, doc);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(serializeDocument(doc));
    expect(partKeys(storage)).toEqual([]);
    expect(PARTS_FROM_CHARS).toBeGreaterThanOrEqual(100_000);
  });

  it('stores only the parts an edit changed, and removes the parts no longer listed', () => {
    const storage = new MemoryStorage();
    const writer = createAutosaveWriter(small);
    const doc = estate();
    writer.write(storage, doc);
    const before = new Set(partKeys(storage));
    const writes = vi.spyOn(storage, 'setItem');
    const edited = rename(doc, 30, 'RENAMED');
    writer.write(storage, edited);
    const stored = writes.mock.calls.map(([key]) => key);
    expect(stored.at(-1)).toBe(AUTOSAVE_KEY);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.length).toBeLessThanOrEqual(3);
    expect(partKeys(storage).sort()).toEqual([...new Set(listed(storage))].sort());
    expect(partKeys(storage).filter((k) => !before.has(k)).length).toBe(stored.length - 1);
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(edited) });
  });

  it('keeps the previous autosave whole when a save fails halfway, and leaves none of its parts behind', () => {
    const storage = new MemoryStorage();
    const writer = createAutosaveWriter(small);
    const doc = estate();
    writer.write(storage, doc);
    const before = [...storage.map.keys()].sort();
    // Everything new: the second part's write fails.
    const other = renamedAll(doc);
    failWrite(storage, 2);
    expect(() => writer.write(storage, other)).toThrow('locked');
    expect([...storage.map.keys()].sort()).toEqual(before);
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(doc) });
  });

  it('stores the parts ahead of the save, a slice at a time, and the save then stores only its list', () => {
    const storage = new MemoryStorage();
    const doc = estate();
    createAutosaveWriter(small).write(storage, doc);
    const writer = createAutosaveWriter(small);
    const other = renamedAll(doc);
    while (!writer.warm(storage, other));
    // Until the save, the autosave is the previous one.
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(doc) });
    expect(partKeys(storage).length).toBeGreaterThan(listed(storage).length);
    const setItem = vi.spyOn(storage, 'setItem');
    writer.write(storage, other);
    expect(setItem.mock.calls.map(([key]) => key)).toEqual([AUTOSAVE_KEY]);
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(other) });
    expect(partKeys(storage).sort()).toEqual([...new Set(listed(storage))].sort());
  });

  it('stores nothing ahead without storage, nor below the size', () => {
    const storage = new MemoryStorage();
    const writer = createAutosaveWriter(small);
    while (!writer.warm(undefined, estate()));
    const tiny = makeDocument([makeHost('a', ['client'])], []);
    while (!writer.warm(storage, tiny));
    expect(storage.map.size).toBe(0);
  });

  it('leaves no part stored ahead behind when the save is refused', () => {
    const storage = new MemoryStorage();
    const doc = estate();
    const writer = createAutosaveWriter(small);
    writer.write(storage, doc);
    const before = [...storage.map.keys()].sort();
    const other = renamedAll(doc);
    while (!writer.warm(storage, other));
    failWrite(storage, 1);
    expect(() => writer.write(storage, other)).toThrow('locked');
    expect([...storage.map.keys()].sort()).toEqual(before);
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(doc) });
  });

  it.each([
    ['', false],
    [', also after storing ahead until storage was full', true],
  ])('makes room from the old parts when the new ones do not fit beside them%s', (_, ahead) => {
    const doc = estate();
    const size = serializeDocument(doc).length;
    // Room for one copy and a half: a whole new diagram fits only once the old parts are gone.
    const storage = new CappedStorage(Math.round(size * 1.5));
    const writer = createAutosaveWriter(small);
    writer.write(storage, doc);
    const other = renamedAll(doc);
    if (ahead) {
      while (!writer.warm(storage, other));
      expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(doc) });
    }
    writer.write(storage, other);
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(other) });
    expect(partKeys(storage).sort()).toEqual([...new Set(listed(storage))].sort());
  });

  it('turns autosave off with the reason when a large diagram does not fit at all, and keeps the old autosave', () => {
    vi.useFakeTimers();
    const first = makeDocument([makeHost('a', ['client'])], [], { name: 'Kept' });
    const storage = new CappedStorage(Math.round(serializeDocument(estate()).length * 0.6));
    storage.setItem(AUTOSAVE_KEY, serializeDocument(first));
    const loaded = loadAutosave(storage, catalogue, makeDocument([], []));
    const store = createAppStore(loaded.document, { autosave: loaded.status });
    autosaveIn(store, storage);
    store.getState().replaceDocument(estate());
    vi.advanceTimersByTime(20);
    expect(store.getState().autosave.mode).toBe('off');
    expect(words(store.getState().autosave.message)).toMatch(/full/i);
    expect(partKeys(storage)).toEqual([]);
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(first) });
  });

  it('makes room from the old parts for a diagram small enough to keep whole', () => {
    const storage = new CappedStorage(Number.POSITIVE_INFINITY);
    const writer = createAutosaveWriter(small);
    writer.write(storage, estate());
    let used = 0;
    for (const [k, v] of storage.map) used += k.length + v.length;
    const doc = makeDocument(
      Array.from({ length: 8 }, (_, i) => makeHost(`h${i}`, ['client'])),
      [],
    );
    const text = serializeDocument(doc);
    expect(text.length).toBeLessThan(small.partsFromChars);
    // Room for the parts and a little more, not for the whole text beside them.
    storage.cap = used - storage.getItem(AUTOSAVE_KEY)!.length + Math.round(text.length / 2);
    writer.write(storage, doc);
    expect(readAutosave(storage)).toEqual({ ok: true, text });
    expect(partKeys(storage)).toEqual([]);
  });

  it('keeps a large diagram’s last good copy as the list of its parts, which later saves keep', () => {
    const storage = new MemoryStorage();
    const doc = estate();
    const writer = createAutosaveWriter(small);
    writer.write(storage, doc);
    // A start that reads it well keeps the list (not a second copy of the text) as the last good one.
    loadAutosave(storage, catalogue, makeDocument([], []));
    expect(storage.getItem(LAST_GOOD_KEY)).toBe(storage.getItem(AUTOSAVE_KEY));
    // Edits since: the old parts they replaced stay while the last good list names them.
    let edited = doc;
    for (let i = 0; i < 10; i += 1) edited = rename(edited, i * 5, `EDITED-${i}`);
    writer.write(storage, edited);
    const lastGood = (JSON.parse(storage.getItem(LAST_GOOD_KEY)!) as { parts: string[] }).parts;
    const named = new Set([...listed(storage), ...lastGood.map((p) => `${PART_PREFIX}${p}`)]);
    expect(partKeys(storage).sort()).toEqual([...named].sort());
    expect(readAutosave(storage, LAST_GOOD_KEY)).toEqual({ ok: true, text: serializeDocument(doc) });
    // A diagram small enough to keep whole keeps them too.
    const tiny = makeDocument([makeHost('a', ['client'])], [], { name: 'Tiny' });
    writer.write(storage, tiny);
    // The autosave breaks: the next start opens the last good copy from its parts.
    storage.setItem(AUTOSAVE_KEY, '{bad');
    const loaded = loadAutosave(storage, catalogue, makeDocument([], [], { name: 'Example' }));
    expect(loaded.document).toEqual(doc);
    expect(words(loaded.notices[0]!.title)).toMatch(/last good backup/);
  });

  it('gives up the last good copy when a save needs the room its parts take', () => {
    const doc = estate();
    const storage = new CappedStorage(Math.round(serializeDocument(doc).length * 1.5));
    const writer = createAutosaveWriter(small);
    writer.write(storage, doc);
    loadAutosave(storage, catalogue, makeDocument([], []));
    const other = renamedAll(doc);
    writer.write(storage, other);
    expect(readAutosave(storage)).toEqual({ ok: true, text: serializeDocument(other) });
    expect(storage.getItem(LAST_GOOD_KEY)).toBeNull();
    expect(partKeys(storage).sort()).toEqual([...new Set(listed(storage))].sort());
  });

  it('names the problem at the next start when parts are missing, and starts from the last good copy', () => {
    const storage = new MemoryStorage();
    const doc = estate();
    createAutosaveWriter(small).write(storage, doc);
    const list = storage.getItem(AUTOSAVE_KEY)!;
    for (const key of partKeys(storage).slice(0, 2)) storage.removeItem(key);
    const read = readAutosave(storage);
    expect(read.ok).toBe(false);
    expect(!read.ok && words(read.error)).toMatch(/^2 of the autosave’s \d+ parts are missing/);
    const loaded = loadAutosave(storage, catalogue, makeDocument([], [], { name: 'Example' }));
    expect(loaded.document.name).toBe('Example');
    const notice = loaded.notices[0]!;
    expect(words(notice.title)).toContain('could not be read');
    expect(notice.details?.map(words).join(' ')).toMatch(/2 of the autosave’s \d+ parts are missing/);
    // The list is kept as the unreadable copy; nothing else is lost or changed.
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(list);
  });

  it('reads a list that is not one, or parts that do not add up, as an unreadable autosave', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, `{"format":"${PARTS_FORMAT}","parts":`);
    const broken = readAutosave(storage);
    expect(!broken.ok && words(broken.error)).toBe('The autosave’s list of parts could not be read.');
    createAutosaveWriter(small).write(storage, estate());
    const [first] = partKeys(storage);
    storage.setItem(first!, `${storage.getItem(first!)} `);
    const changed = readAutosave(storage);
    expect(!changed.ok && words(changed.error)).toBe(
      'The autosave’s parts do not add up to the text that was saved.',
    );
  });

  it('autosaves an edit of a large diagram in the background in parts, and it opens again after a reload', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const doc = estate();
    const store = createAppStore(doc, { autosave: { mode: 'on' } });
    autosaveIn(store, storage);
    store.getState().setHostField(doc.hosts[5]!.id, 'name', 'AFTER-EDIT');
    vi.advanceTimersByTime(20);
    expect(store.getState().autosave.mode).toBe('on');
    expect(storage.getItem(AUTOSAVE_KEY)!.startsWith(`{"format":"${PARTS_FORMAT}"`)).toBe(true);
    const loaded = loadAutosave(storage, catalogue, makeDocument([], []));
    expect(loaded.document).toEqual(toDocument(store.getState()));
    expect(loaded.document.hosts[5]!.name).toBe('AFTER-EDIT');
  });

  it('after an open, stores the parts ahead in tasks of their own, and the save is the whole diagram', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const store = createAppStore(estate(), { autosave: { mode: 'on' } });
    autosaveIn(store, storage);
    const opened = syntheticHierarchy(400, catalogue, { zones: true });
    store.getState().replaceDocument(opened);
    vi.advanceTimersByTime(10);
    // However many slices it took, the save is the opened diagram, with no part left over.
    for (let i = 0; i < 200 && store.getState().autosave.mode === 'on' && !saved(); i += 1)
      vi.advanceTimersByTime(1);
    expect(readAutosave(storage)).toEqual({
      ok: true,
      text: serializeDocument(toDocument(store.getState())),
    });
    expect(partKeys(storage).sort()).toEqual([...new Set(listed(storage))].sort());

    function saved() {
      const text = storage.getItem(AUTOSAVE_KEY);
      return text?.startsWith(`{"format":"${PARTS_FORMAT}"`) === true;
    }
  });

  it('stores no part ahead in a tab that does not save (read-only)', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const doc = estate();
    const store = createAppStore(doc, { autosave: { mode: 'readonly' } });
    autosaveIn(store, storage);
    store.getState().replaceDocument(syntheticHierarchy(400, catalogue));
    vi.advanceTimersByTime(500);
    expect(storage.map.size).toBe(0);
  });

  it('makes the lines of the diagram it starts with before the first edit, which then writes only its own', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const doc = estate();
    createAutosaveWriter(small).write(storage, doc);
    const loaded = loadAutosave(storage, catalogue, makeDocument([], []));
    const store = createAppStore(loaded.document, { autosave: loaded.status });
    autosaveIn(store, storage);
    vi.advanceTimersByTime(20);
    const unchanged = new Set<unknown>(store.getState().hosts.slice(1));
    const stringify = vi.spyOn(JSON, 'stringify');
    store.getState().setHostField(doc.hosts[0]!.id, 'name', 'FIRST-EDIT');
    vi.advanceTimersByTime(20);
    const again = stringify.mock.calls.filter(([value]) => unchanged.has(value));
    stringify.mockRestore();
    expect(again).toEqual([]);
    expect(readAutosave(storage)).toEqual({
      ok: true,
      text: serializeDocument(toDocument(store.getState())),
    });
  });
});
