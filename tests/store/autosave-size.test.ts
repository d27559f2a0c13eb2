import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { createAppStore } from '@/store/app-store';
import { AUTOSAVE_KEY, loadAutosave, startAutosave } from '@/store/autosave';
import { MIN_CHARS_PER_ITEM, STORAGE_MAX_CHARS, tooLargeToStore } from '@/store/autosave-storage';
import { MemoryStorage, makeDocument, makeHost } from '../builders';
import { text as words } from './text';

afterEach(() => {
  vi.useRealTimers();
});

/** The shortest host and link the file format allows: one-character ids, empty name, no roles. */
function smallest(hosts: number, links: number) {
  const id = (n: number) => String.fromCharCode(97 + (n % 26));
  const doc = makeDocument(
    Array.from({ length: hosts }, (_, n) => ({ ...makeHost(id(n), []), name: '' })),
    Array.from({ length: links }, (_, n) => ({ id: id(n), source: id(n), target: id(n + 1) })),
    { name: '' },
  );
  return { ...doc, layout: {} };
}

describe('a document too large for browser storage (issue 18)', () => {
  it('counts no more characters per host and link than the saved text takes', () => {
    for (const [hosts, links] of [
      [1, 0],
      [0, 1],
      [50, 200],
    ] as const) {
      const text = serializeDocument(smallest(hosts, links));
      expect(text.length).toBeGreaterThanOrEqual((hosts + links) * MIN_CHARS_PER_ITEM);
    }
  });

  it('holds more than any browser keeps, so a document that may fit is not skipped', () => {
    // 5 MB of text is what Chrome, Firefox and Safari keep for a page.
    expect(STORAGE_MAX_CHARS).toBeGreaterThanOrEqual(2 * 5 * 1024 * 1024);
    expect(tooLargeToStore({ hosts: new Array(10_000), links: new Array(40_000) })).toBe(false);
    expect(tooLargeToStore({ hosts: new Array(100_000), links: new Array(400_000) })).toBe(true);
  });

  it('turns autosave off with its reason, without serialising, and tries again once the document fits', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const doc = makeDocument([makeHost('a', ['client'])], [], { name: 'Big' });
    const loaded = loadAutosave(storage, catalogue, doc);
    const store = createAppStore(loaded.document, { autosave: loaded.status });
    const tries = vi.spyOn(storage, 'setItem');
    const target = new EventTarget() as unknown as Window;
    // Room for two hosts' worth of characters: the third host makes the document too large.
    startAutosave(store, { storage, target, delayMs: 10, storageMaxChars: 2 * MIN_CHARS_PER_ITEM });
    store.getState().addHost('client', { x: 300, y: 0 });
    vi.advanceTimersByTime(20);
    expect(tries).toHaveBeenCalledTimes(1);
    expect(store.getState().autosave.mode).toBe('on');

    store.getState().addHost('client', { x: 600, y: 0 });
    vi.advanceTimersByTime(20);
    expect(tries).toHaveBeenCalledTimes(1);
    expect(store.getState().autosave.mode).toBe('off');
    expect(words(store.getState().autosave.message)).toMatch(/too large for browser storage/);
    // Nothing the user had is lost: the edit is in the store.
    expect(store.getState().hosts).toHaveLength(3);
    const banner = store.getState().autosave;
    store.getState().addHost('client', { x: 900, y: 0 });
    vi.advanceTimersByTime(20);
    expect(store.getState().autosave).toBe(banner);

    const last = store
      .getState()
      .hosts.slice(-2)
      .map((h) => h.id);
    store.getState().removeElements(last, []);
    vi.advanceTimersByTime(20);
    expect(tries).toHaveBeenCalledTimes(2);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '').hosts).toHaveLength(2);
  });
});
