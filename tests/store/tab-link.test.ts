import { catalogue } from '@/domain/default-catalogue';
import { createAppStore } from '@/store/app-store';
import { startTabLink, type TabLink, type TabLocks } from '@/store/tab-link';
import { makeDocument, makeHost } from '../builders';
import { memoryLocks } from '../support/tab-locks';

/**
 * Two tabs of one browser, without a room (issue 16): each tab is a store in this process, the
 * tabs talk over Node's BroadcastChannel, and the keeper is chosen by the Web Locks rules.
 */

const saved = makeDocument(
  [
    makeHost('site', ['site-server'], { name: 'P01-SITE' }),
    makeHost('mp', ['management-point'], { name: 'P01-MP' }),
  ],
  [],
  { name: 'Saved' },
);

let links: TabLink[] = [];
afterEach(() => {
  for (const link of links) link.stop();
  links = [];
});

function openTab(locks: TabLocks, name: string, document = saved) {
  const store = createAppStore(document, { autosave: { mode: 'on' } });
  const link = startTabLink(store, { locks, name, catalogueOf: () => catalogue, retryMs: 100, tries: 3 });
  links.push(link);
  return { store, link };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting until ${what}`);
};

const names = (tab: { store: ReturnType<typeof createAppStore> }) =>
  tab.store
    .getState()
    .hosts.map((h) => h.name)
    .sort();

describe('two tabs of one browser', () => {
  it('leaves a lone tab alone: no shared document, undo is the app history', async () => {
    const one = openTab(memoryLocks(), `t-${Math.random()}`);
    // Until the lock answers, another tab's save is held back (see autosave-tabs.ts).
    expect(one.store.getState().tabs).toBe('joining');
    await new Promise((r) => setTimeout(r, 50));
    expect(one.store.getState().tabs).toBe('alone');
    expect(one.store.getState().sharedHistory).toBeUndefined();
    one.store.getState().renameDocument('Edited');
    one.store.getState().undo();
    expect(one.store.getState().name).toBe('Saved');
  });

  it('shows the first tab’s diagram in a tab opened later, and merges edits both ways', async () => {
    const locks = memoryLocks();
    const name = `t-${Math.random()}`;
    const a = openTab(locks, name);
    await new Promise((r) => setTimeout(r, 20));
    a.store.getState().renameDocument('Edited in A');
    // B booted from an older autosave: it must show A's diagram, not its own.
    const b = openTab(
      locks,
      name,
      makeDocument([makeHost('old', ['client'], { name: 'OLD' })], [], { name: 'Old' }),
    );
    await until(() => b.store.getState().tabs === 'linked', 'B is linked');
    expect(a.store.getState().tabs).toBe('linked');
    expect(b.store.getState().name).toBe('Edited in A');
    expect(names(b)).toEqual(['P01-MP', 'P01-SITE']);

    a.store.getState().setHostField('mp', 'name', 'P01-MP01');
    await until(() => names(b).includes('P01-MP01'), 'B sees the rename');
    b.store.getState().addHost('distribution-point', { x: 600, y: 0 });
    await until(() => a.store.getState().hosts.length === 3, 'A sees the new DP');

    // Both add at once (the store names them alike): both hosts stay, in both tabs.
    a.store.getState().addHost('client', { x: 0, y: 400 });
    b.store.getState().addHost('client', { x: 300, y: 400 });
    await until(
      () => a.store.getState().hosts.length === 5 && b.store.getState().hosts.length === 5,
      'both tabs hold both clients',
    );
    expect(names(a)).toEqual(names(b));
  });

  it('undoes only the tab’s own steps', async () => {
    const locks = memoryLocks();
    const name = `t-${Math.random()}`;
    const a = openTab(locks, name);
    await new Promise((r) => setTimeout(r, 20));
    const b = openTab(locks, name);
    await until(() => b.store.getState().tabs === 'linked', 'B is linked');
    b.store.getState().setHostField('site', 'name', 'P01-CM01');
    await until(() => names(a).includes('P01-CM01'), 'A sees the rename');
    // A's step comes after B's: a snapshot undo in B would take A's name back with it.
    a.store.getState().renameDocument('A named it');
    await until(() => b.store.getState().name === 'A named it', 'B sees the name');

    expect(b.store.getState().sharedHistory?.canUndo()).toBe(true);
    b.store.getState().undo();
    await until(() => names(a).includes('P01-SITE'), 'A sees B’s undo');
    // A's own step stays: undo in B never takes back what A did.
    expect(b.store.getState().name).toBe('A named it');
    expect(a.store.getState().name).toBe('A named it');
  });

  it('puts the diagram in once when two tabs open at the same moment', async () => {
    const locks = memoryLocks();
    const name = `t-${Math.random()}`;
    const a = openTab(locks, name);
    const b = openTab(locks, name);
    await until(
      () => a.store.getState().tabs === 'linked' && b.store.getState().tabs === 'linked',
      'both linked',
    );
    a.store.getState().addHost('client', { x: 0, y: 400 });
    await until(() => b.store.getState().hosts.length === 3, 'B sees the client');
    expect(names(a)).toEqual(['CL01', 'P01-MP', 'P01-SITE']);
    expect(names(b)).toEqual(names(a));
  });

  it('hands the keeping on when the first tab closes, so a third tab still gets the diagram', async () => {
    const locks = memoryLocks();
    const name = `t-${Math.random()}`;
    const a = openTab(locks, name);
    await new Promise((r) => setTimeout(r, 20));
    const b = openTab(locks, name);
    await until(() => b.store.getState().tabs === 'linked', 'B is linked');
    b.store.getState().renameDocument('Kept by B');
    await until(() => a.store.getState().name === 'Kept by B', 'A sees the name');
    a.link.stop();
    await new Promise((r) => setTimeout(r, 20));
    const c = openTab(locks, name, makeDocument([], [], { name: 'Stale' }));
    await until(() => c.store.getState().tabs === 'linked', 'C is linked');
    expect(c.store.getState().name).toBe('Kept by B');
    expect(names(c)).toEqual(['P01-MP', 'P01-SITE']);
  });

  it('saves alone when nobody answers, and leaves the other tabs while in a room', async () => {
    const locks = memoryLocks();
    const name = `t-${Math.random()}`;
    // A lock held by a tab that never answers (hung): the newcomer gives up after its tries.
    void locks.request(`${name}/keeper`, {}, () => new Promise<void>(() => undefined));
    const lone = openTab(locks, name);
    await until(() => lone.store.getState().tabs === 'joining', 'asking');
    await until(() => lone.store.getState().tabs === 'alone', 'given up');
    expect(lone.store.getState().name).toBe('Saved');

    const other = `t-${Math.random()}`;
    const a = openTab(locks, other);
    await new Promise((r) => setTimeout(r, 20));
    const b = openTab(locks, other);
    await until(() => b.store.getState().tabs === 'linked', 'B is linked');
    b.store.getState().setShare({ status: 'connecting', access: 'edit' }, null);
    expect(b.store.getState().tabs).toBe('alone');
    b.store.getState().renameDocument('Only in the room');
    await new Promise((r) => setTimeout(r, 50));
    expect(a.store.getState().name).toBe('Saved');
  });
});
