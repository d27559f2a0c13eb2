import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '@/domain/document';
import { serializeDocument } from '@/domain/restore';
import { createAppStore, toDocument } from '@/store/app-store';
import {
  AUTOSAVE_KEY,
  LAST_GOOD_KEY,
  loadAutosave,
  migratedBackupKey,
  openStorage,
  startAutosave,
} from '@/store/autosave';
import { backupKey } from '@/store/autosave-backups';
import { MemoryStorage, makeDocument, makeHost } from '../builders';
import { text as words } from './text';

const sample = makeDocument([makeHost('sample', ['client'])], [], { name: 'Sample' });
const saved = makeDocument([makeHost('mine', ['management-point'], { name: 'MINE' })], [], { name: 'Mine' });

/** A window stand-in that records listeners so tests can fire pagehide and storage events. */
class FakeWindow extends EventTarget {
  document = { visibilityState: 'visible' as DocumentVisibilityState };
}

function boot(storage: MemoryStorage, delayMs = 50) {
  const loaded = loadAutosave(storage, catalogue, sample);
  const store = createAppStore(loaded.document, { notices: loaded.notices, autosave: loaded.status });
  const target = new FakeWindow();
  const controller = startAutosave(store, {
    storage,
    target: target as unknown as Window,
    delayMs,
    ...(loaded.pendingBackupKey ? { pendingBackupKey: loaded.pendingBackupKey } : {}),
  });
  return { loaded, store, target, controller };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('loading the autosave', () => {
  it('shows the sample on a first visit', () => {
    const { loaded } = boot(new MemoryStorage());
    expect(loaded.document.name).toBe('Sample');
    expect(loaded.status.mode).toBe('on');
  });

  it('restores the saved diagram and keeps it as the last good copy', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, serializeDocument(saved));
    const { loaded } = boot(storage);
    expect(loaded.document.hosts.map((h) => h.name)).toEqual(['MINE']);
    expect(loaded.notices).toEqual([]);
    expect(storage.getItem(LAST_GOOD_KEY)).toBe(serializeDocument(saved));
  });

  it('starts from the last good backup when the autosave is not JSON, and keeps the corrupt text', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{bad');
    storage.setItem(LAST_GOOD_KEY, serializeDocument(saved));
    const { loaded } = boot(storage);
    expect(loaded.document.name).toBe('Mine');
    expect(words(loaded.notices[0]?.title)).toMatch(/could not be read.*last good backup/);
    expect(loaded.notices[0]?.details?.map(words).join(' ')).toMatch(/not valid JSON/);
    const corrupt = [...storage.map.entries()].find(([k]) => k.includes('corrupt'));
    expect(corrupt?.[1]).toBe('{bad');
  });

  it('starts from the sample when there is no good backup either', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{bad');
    const { loaded } = boot(storage);
    expect(loaded.document.name).toBe('Sample');
    expect(words(loaded.notices[0]?.title)).toMatch(/example "Sample"/);
  });

  it('repairs an autosave that fails the schema, reports what was dropped and keeps the original', () => {
    const storage = new MemoryStorage();
    const broken = {
      ...saved,
      hosts: [...saved.hosts, { id: 'bad', name: 'BAD', roles: ['client'], options: {}, ip: '10.0.0.256' }],
      links: [{ id: 'x', source: 'mine', target: 'ghost' }],
    };
    const text = JSON.stringify(broken);
    storage.setItem(AUTOSAVE_KEY, text);
    const { loaded } = boot(storage);
    expect(loaded.document.hosts).toHaveLength(2);
    expect(loaded.document.links).toEqual([]);
    expect(loaded.notices[0]?.tone).toBe('warning');
    expect(loaded.notices[0]?.details?.map(words).join('\n')).toMatch(/IP dropped[\s\S]*missing host/);
    expect(storage.getItem(backupKey('repaired', text))).toBe(text);
  });

  it('migrates an older version, keeps the original until the migrated one is saved', async () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const v1 = JSON.stringify({
      format: DOCUMENT_FORMAT,
      version: 1,
      name: 'Old',
      hosts: [{ id: 'a', name: 'A', roles: ['client'], options: {}, x: 10, y: 20 }],
      links: [],
      settings: { clientHttp: 8080 },
    });
    storage.setItem(AUTOSAVE_KEY, v1);
    const { loaded, store } = boot(storage);
    expect(loaded.document.layout.a).toEqual({ x: 10, y: 20 });
    expect(words(loaded.notices[0]?.title)).toMatch(new RegExp(`version 1 .*version ${DOCUMENT_VERSION}`));
    expect(storage.getItem(migratedBackupKey(1))).toBe(v1);
    store.getState().renameDocument('Old, upgraded');
    vi.advanceTimersByTime(100);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '').version).toBe(DOCUMENT_VERSION);
    expect(storage.getItem(migratedBackupKey(1))).toBeNull();
  });

  it('never loads or overwrites an autosave from a newer version, and names both versions', () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ ...saved, version: DOCUMENT_VERSION + 1 });
    storage.setItem(AUTOSAVE_KEY, newer);
    const { loaded, store, controller } = boot(storage);
    expect(loaded.document.name).toBe('Sample');
    expect(loaded.status.mode).toBe('readonly');
    expect(words(loaded.status.message)).toMatch(
      new RegExp(`version ${DOCUMENT_VERSION + 1}.*up to version ${DOCUMENT_VERSION}`),
    );
    store.getState().addHost('client', { x: 0, y: 0 });
    controller.flush();
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(newer);
  });

  it('turns autosave off when the browser refuses storage access', () => {
    const win = {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const opened = openStorage(win);
    expect(opened.storage).toBeUndefined();
    const loaded = loadAutosave(opened.storage, catalogue, sample, opened.error);
    expect(loaded.status.mode).toBe('off');
    expect(words(loaded.status.message)).toMatch(/does not allow.*download a copy/);
    expect(loaded.document.name).toBe('Sample');
  });
});

describe('saving as the user edits', () => {
  it('saves a moment after a change, once for a burst of changes', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const { store } = boot(storage);
    setItem.mockClear();
    store.getState().addHost('client', { x: 0, y: 0 });
    store.getState().addHost('client', { x: 50, y: 0 });
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(100);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '').hosts).toHaveLength(3);
    expect(store.getState().autosave.mode).toBe('on');
  });

  it('flushes a pending edit when the page is hidden or closed', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const { store, target } = boot(storage, 10_000);
    store.getState().renameDocument('Closed right after an edit');
    target.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '').name).toBe('Closed right after an edit');
    store.getState().renameDocument('Hidden');
    target.document.visibilityState = 'hidden';
    target.dispatchEvent(new Event('visibilitychange'));
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '').name).toBe('Hidden');
  });

  it('keeps editing in memory with a banner when storage is full, and recovers on retry', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const { store } = boot(storage);
    storage.failWrites = 'QuotaExceededError';
    store.getState().addHost('client', { x: 0, y: 0 });
    vi.advanceTimersByTime(100);
    expect(store.getState().autosave.mode).toBe('off');
    expect(words(store.getState().autosave.message)).toMatch(/full/);
    expect(store.getState().hosts).toHaveLength(2);
    storage.failWrites = null;
    store.getState().autosaveCommands?.retry();
    expect(store.getState().autosave.mode).toBe('on');
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '').hosts).toHaveLength(2);
  });

  it('does not try again on its own while storage is full and the document has not shrunk (issue 18)', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const { store } = boot(storage);
    storage.failWrites = 'QuotaExceededError';
    const tries = vi.spyOn(storage, 'setItem');
    store.getState().addHost('client', { x: 0, y: 0 });
    vi.advanceTimersByTime(100);
    expect(tries).toHaveBeenCalledTimes(1);
    store.getState().addHost('client', { x: 300, y: 0 });
    vi.advanceTimersByTime(100);
    expect(tries).toHaveBeenCalledTimes(1);
    // Smaller than what storage refused: worth a try.
    const [first, second] = store.getState().hosts.slice(-2);
    store.getState().removeElements([first!.id, second!.id], []);
    vi.advanceTimersByTime(100);
    expect(tries).toHaveBeenCalledTimes(2);
    storage.failWrites = null;
    store.getState().addHost('client', { x: 600, y: 0 });
    vi.advanceTimersByTime(100);
    expect(tries).toHaveBeenCalledTimes(2);
    store.getState().autosaveCommands?.retry();
    expect(store.getState().autosave.mode).toBe('on');
  });

  it('tells the older tab when another tab saves, and saves nothing until it chooses', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const { store, target } = boot(storage);
    const theirs = serializeDocument({ ...saved, name: 'Theirs' });
    storage.map.set(AUTOSAVE_KEY, theirs);
    target.dispatchEvent(
      Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: theirs, storageArea: storage }),
    );
    expect(store.getState().autosave.mode).toBe('conflict');
    store.getState().renameDocument('Mine, edited');
    vi.advanceTimersByTime(100);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(theirs);

    store.getState().autosaveCommands?.reload();
    expect(store.getState().name).toBe('Theirs');
    expect(store.getState().autosave.mode).toBe('on');
  });

  it('goes on saving when the other tab is linked with this one (both hold the merged diagram)', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const { store, target } = boot(storage);
    store.getState().setTabs('linked');
    const theirs = serializeDocument({ ...saved, name: 'Merged' });
    storage.map.set(AUTOSAVE_KEY, theirs);
    target.dispatchEvent(
      Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: theirs, storageArea: storage }),
    );
    expect(store.getState().autosave.mode).toBe('on');
    store.getState().renameDocument('Merged, edited');
    vi.advanceTimersByTime(100);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '{}').name).toBe('Merged, edited');
  });

  it('decides a save made while this tab finds out whether it links: merged if linked, a rival’s if alone', () => {
    vi.useFakeTimers();
    for (const outcome of ['linked', 'alone'] as const) {
      const storage = new MemoryStorage();
      const { store, target } = boot(storage);
      store.getState().setTabs('joining');
      const theirs = serializeDocument({ ...saved, name: 'Theirs' });
      storage.map.set(AUTOSAVE_KEY, theirs);
      target.dispatchEvent(
        Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: theirs, storageArea: storage }),
      );
      expect(store.getState().autosave.mode).toBe('on');
      store.getState().setTabs(outcome);
      expect(store.getState().autosave.mode).toBe(outcome === 'linked' ? 'on' : 'conflict');
    }
  });

  it('lets the older tab keep its own copy, which then overwrites the other', () => {
    const storage = new MemoryStorage();
    const { store, target } = boot(storage);
    const theirs = serializeDocument({ ...saved, name: 'Theirs' });
    storage.map.set(AUTOSAVE_KEY, theirs);
    target.dispatchEvent(
      Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: theirs, storageArea: storage }),
    );
    store.getState().autosaveCommands?.keep();
    expect(words(store.getState().confirm?.message)).toMatch(/overwrites the diagram the other tab saved/);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(theirs);
    store.getState().answerConfirm(true);
    expect(store.getState().autosave.mode).toBe('on');
    expect(storage.getItem(backupKey('other', theirs))).toBe(theirs);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(serializeDocument(toDocument(store.getState())));
  });
});
