/**
 * Nothing good gets lost (issue 15): a stored document the app cannot use is never overwritten
 * before a copy of it exists, at most one copy per distinct text, two tabs never lose an edit, and
 * boot starts whatever is stored.
 */
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { createAppStore, toDocument } from '@/store/app-store';
import { AUTOSAVE_KEY, loadAutosave, startAutosave } from '@/store/autosave';
import { BACKUP_KINDS, backupKey, createBackupShelf, hashText, listBackups } from '@/store/autosave-backups';
import { bootStore } from '@/store/boot';
import { MemoryStorage, makeDocument, makeHost } from '../builders';
import { text as words } from './text';

const sample = makeDocument([makeHost('sample', ['client'])], [], { name: 'Sample' });
const mine = makeDocument([makeHost('mine', ['management-point'])], [], { name: 'Mine' });
/** The autosave: a link whose source has a hostile toString. */
const HOSTILE =
  '{"format":"cm-port-planner","version":2,"links":[{"id":"x","source":{"toString":null},"target":"site"}]}';

class FakeWindow extends EventTarget {
  document = { visibilityState: 'visible' as DocumentVisibilityState };
  constructor(readonly localStorage: Storage) {
    super();
  }
}

function boot(storage: MemoryStorage, tabId = 'tab1') {
  const shelf = createBackupShelf(storage);
  const loaded = loadAutosave(storage, catalogue, sample, undefined, shelf);
  const store = createAppStore(loaded.document, { notices: loaded.notices, autosave: loaded.status });
  const target = new FakeWindow(storage);
  const controller = startAutosave(store, {
    storage,
    target: target as unknown as Window,
    delayMs: 50,
    shelf,
    tabId,
    ...(loaded.pendingBackupKey ? { pendingBackupKey: loaded.pendingBackupKey } : {}),
  });
  return { loaded, store, target, controller, shelf };
}

const backupsOf = (storage: MemoryStorage, kind: keyof typeof BACKUP_KINDS) =>
  [...storage.map.keys()].filter((k) => k.startsWith(BACKUP_KINDS[kind].prefix));

afterEach(() => {
  vi.useRealTimers();
});

describe('an autosave the app cannot use is kept before it is overwritten', () => {
  it('keeps one copy per distinct unreadable text, however often the page reloads', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{bad');
    for (let i = 0; i < 3; i += 1) boot(storage).controller.stop();
    expect(backupsOf(storage, 'unreadable')).toEqual([backupKey('unreadable', '{bad')]);
    storage.setItem(AUTOSAVE_KEY, '{worse');
    boot(storage).controller.stop();
    expect(backupsOf(storage, 'unreadable')).toHaveLength(2);
    expect(hashText('{bad')).toMatch(/^[0-9a-f]{14}$/);
    expect(hashText('{bad')).not.toBe(hashText('{worse'));
  });

  it('overwrites the unreadable autosave on the first edit only once its copy exists', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const big = `{"format":"cm-port-planner",${'x'.repeat(3_000_000)}`;
    storage.setItem(AUTOSAVE_KEY, big);
    const { store } = boot(storage);
    expect(storage.getItem(backupKey('unreadable', big))).toBe(big);
    store.getState().renameDocument('Edited');
    vi.advanceTimersByTime(100);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '').name).toBe('Edited');
    expect(storage.getItem(backupKey('unreadable', big))).toBe(big);
  });

  it.each([
    ['unreadable', '{bad'],
    ['repaired', HOSTILE],
  ])('never overwrites a %s autosave when its copy cannot be written', (_kind, text) => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, text);
    storage.failWrites = 'QuotaExceededError';
    const { store, shelf } = boot(storage);
    expect(store.getState().autosave.mode).toBe('readonly');
    expect(words(store.getState().autosave.message)).toMatch(/not overwritten/);
    storage.failWrites = null;
    store.getState().renameDocument('Edited');
    vi.advanceTimersByTime(100);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(text);
    // Still offered: held in memory for download.
    const [entry] = shelf.getState().entries;
    expect(entry?.key).toBeUndefined();
    expect(shelf.textOf(entry?.id ?? '')).toBe(text);
  });

  it('keeps the issue’s hostile autosave as it was, repairs it and lists the copy', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, HOSTILE);
    const { loaded, shelf } = boot(storage);
    expect(loaded.status.mode).toBe('on');
    expect(words(loaded.notices[0]?.title)).toMatch(/repaired/);
    expect(shelf.getState().entries).toEqual([
      expect.objectContaining({
        key: backupKey('repaired', HOSTILE),
        kind: 'repaired',
        chars: HOSTILE.length,
      }),
    ]);
    expect(listBackups(storage).map((e) => e.kind)).toEqual(['repaired']);
  });
});

describe('boot starts whatever is stored', () => {
  it('starts empty with autosave off and the stored text kept when reading it fails unexpectedly', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, HOSTILE);
    const win = new FakeWindow(storage) as unknown as Window;
    const { store, shelf, autosave } = bootStore(win, {
      load: () => {
        throw new TypeError('Cannot convert object to primitive value');
      },
    });
    expect(autosave).toBeUndefined();
    expect(store.getState().hosts).toEqual([]);
    expect(store.getState().autosave.mode).toBe('off');
    expect(store.getState().notices[0]?.details?.map(words).join(' ')).toMatch(
      /TypeError: Cannot convert.*kept under/,
    );
    expect(storage.getItem(backupKey('boot', HOSTILE))).toBe(HOSTILE);
    expect(shelf.getState().entries.map((e) => e.kind)).toEqual(['boot']);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(HOSTILE);
  });

  it('boots the issue’s hostile autosave through the real path with a banner entry', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, HOSTILE);
    const { store, shelf, autosave } = bootStore(new FakeWindow(storage) as unknown as Window);
    autosave?.stop();
    expect(store.getState().autosave.mode).toBe('on');
    expect(shelf.getState().entries).toHaveLength(1);
  });
});

describe('two tabs never lose an edit', () => {
  function otherTabSaves(storage: MemoryStorage, target: EventTarget, name = 'Theirs') {
    const theirs = serializeDocument({ ...mine, name });
    storage.map.set(AUTOSAVE_KEY, theirs);
    target.dispatchEvent(
      Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: theirs, storageArea: storage }),
    );
    return theirs;
  }

  it('keeps this tab’s unsaved edits as a named copy when another tab wins, and says so', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const { store, target } = boot(storage);
    store.getState().renameDocument('My unsaved edit');
    otherTabSaves(storage, target);
    const key = `${BACKUP_KINDS.tab.prefix}tab1`;
    expect(store.getState().autosave.mode).toBe('conflict');
    expect(words(store.getState().autosave.message)).toContain(`kept as a copy under "${key}"`);
    expect(JSON.parse(storage.getItem(key) ?? '').name).toBe('My unsaved edit');
    // Edits made while paused go to the same copy, not over the other tab's save.
    store.getState().renameDocument('Edited while paused');
    vi.advanceTimersByTime(100);
    expect(JSON.parse(storage.getItem(key) ?? '').name).toBe('Edited while paused');
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '').name).toBe('Theirs');
  });

  it('asks before closing a tab whose edits are not in the autosave', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const { store, target } = boot(storage);
    const close = () => {
      const event = new Event('beforeunload', { cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    store.getState().renameDocument('Saved in time');
    vi.advanceTimersByTime(100);
    expect(close()).toBe(false);
    otherTabSaves(storage, target);
    expect(close()).toBe(false);
    store.getState().renameDocument('Not in the autosave');
    expect(close()).toBe(true);
    expect(JSON.parse(storage.getItem(`${BACKUP_KINDS.tab.prefix}tab1`) ?? '').name).toBe(
      'Not in the autosave',
    );
  });

  it('says that Keep overwrites the other tab’s save, keeps that save as a copy, then overwrites', () => {
    const storage = new MemoryStorage();
    const { store, target } = boot(storage);
    store.getState().renameDocument('Mine, edited');
    const theirs = otherTabSaves(storage, target);
    store.getState().autosaveCommands?.keep();
    const confirm = store.getState().confirm;
    expect(words(confirm?.title)).toBe('Keep this tab’s copy?');
    expect(words(confirm?.message)).toMatch(/overwrites the diagram the other tab saved/);
    expect(words(confirm?.confirmLabel)).toBe('Overwrite the other tab’s copy');
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(theirs);
    store.getState().answerConfirm(false);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(theirs);
    expect(store.getState().autosave.mode).toBe('conflict');
    store.getState().autosaveCommands?.keep();
    store.getState().answerConfirm(true);
    expect(storage.getItem(backupKey('other', theirs))).toBe(theirs);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(serializeDocument(toDocument(store.getState())));
    expect(backupsOf(storage, 'tab')).toEqual([]);
    expect(store.getState().notices.at(-1)?.details?.map(words).join(' ')).toContain(
      backupKey('other', theirs),
    );
  });

  it('keeps this tab’s edits when it reloads the other tab’s copy, and a later race gets a new copy', () => {
    const storage = new MemoryStorage();
    const { store, target } = boot(storage);
    store.getState().renameDocument('First edit');
    otherTabSaves(storage, target);
    store.getState().autosaveCommands?.reload();
    expect(store.getState().name).toBe('Theirs');
    store.getState().renameDocument('Second edit');
    otherTabSaves(storage, target, 'Theirs again');
    const names = backupsOf(storage, 'tab').map((k) => JSON.parse(storage.getItem(k) ?? '').name);
    expect(names.sort()).toEqual(['First edit', 'Second edit']);
  });
});
