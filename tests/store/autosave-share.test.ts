import { catalogue } from '@/domain/default-catalogue';
import { readDocumentText } from '@/domain/restore';
import { createAppStore } from '@/store/app-store';
import { AUTOSAVE_KEY, startAutosave } from '@/store/autosave';
import { createShareController } from '@/store/share-controller';
import { SHARE_OFF, type ShareState } from '@/store/share-slice';
import type { RoomConnection } from '@/sync/browser-room';
import { MemoryStorage, makeDocument, makeHost } from '../builders';

/**
 * The autosave in a live-editing room (issue 16): a room joined by a link shows the room's diagram
 * while this tab's own waits aside (share.keepsOwn), so the room's must never be stored over it.
 */

const own = makeDocument([makeHost('mine', ['client'], { name: 'MINE' })], [], { name: 'Mine' });
const room = makeDocument([makeHost('theirs', ['site-server'], { name: 'THEIRS' })], [], { name: 'Room' });

function boot() {
  vi.useFakeTimers();
  const storage = new MemoryStorage();
  const store = createAppStore(own, { autosave: { mode: 'on' } });
  const target = new EventTarget() as unknown as Window;
  const autosave = startAutosave(store, { storage, target, delayMs: 50 });
  const stored = () => {
    const text = storage.getItem(AUTOSAVE_KEY);
    const read = text === null ? undefined : readDocumentText(text, catalogue);
    return read?.ok ? read.document.name : undefined;
  };
  return { store, autosave, stored };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the autosave while in a room', () => {
  it('stores the own diagram on joining by a link, nothing of the room, and the own one again on leaving', () => {
    const { store, autosave, stored } = boot();
    store.getState().renameDocument('Mine, last edit');
    // Joining (share-controller join): keepsOwn first, then the room connects; the own diagram
    // still shows, and its last edit is stored at once rather than after the delay.
    store.getState().setShare({ keepsOwn: true });
    store.getState().setShare({ status: 'connecting' });
    expect(stored()).toBe('Mine, last edit');

    // The room's diagram arrives and is edited: none of it is stored, not even on pagehide.
    store.getState().replaceDocument(room);
    store.getState().setShare({ status: 'online' });
    store.getState().renameDocument('Room, edited');
    vi.advanceTimersByTime(500);
    autosave.flush();
    expect(stored()).toBe('Mine, last edit');

    // Leaving (share-controller leave): the share state is off, then the own diagram comes back.
    store.getState().setShare(SHARE_OFF, null);
    store.getState().replaceDocument(own);
    vi.advanceTimersByTime(500);
    expect(stored()).toBe('Mine');
    store.getState().renameDocument('Mine again');
    vi.advanceTimersByTime(500);
    expect(stored()).toBe('Mine again');
    autosave.stop();
  });

  it('keeps saving a diagram this tab shares itself (its own diagram is the room)', () => {
    const { store, autosave, stored } = boot();
    store.getState().setShare({ status: 'online', access: 'edit' });
    expect(store.getState().share.keepsOwn).toBe(false);
    store.getState().renameDocument('Shared by me');
    vi.advanceTimersByTime(500);
    expect(stored()).toBe('Shared by me');
    autosave.stop();
  });

  it('saves again when a room joined by a link refuses (the share state goes off)', () => {
    const { store, autosave, stored } = boot();
    store.getState().setShare({ keepsOwn: true });
    store.getState().setShare({ status: 'connecting' });
    store.getState().setShare(SHARE_OFF, null);
    expect(store.getState().share.keepsOwn).toBe(false);
    store.getState().renameDocument('Mine after refusal');
    vi.advanceTimersByTime(500);
    expect(stored()).toBe('Mine after refusal');
    autosave.stop();
  });
});

describe('the share controller marks a room joined by a link', () => {
  it('keeps the own diagram aside from joining on, and clears the mark when the room refuses', async () => {
    const store = createAppStore(own);
    const seen: ShareState[] = [];
    store.subscribe((state, prev) => {
      if (state.share !== prev.share) seen.push(state.share);
    });
    const left = vi.fn();
    const controller = createShareController(store, {
      createRoom: async () => ({ roomId: 'r'.repeat(43), editKey: 'k'.repeat(43) }),
      roomIdForKey: async () => 'r'.repeat(43),
      joinRoom: () => ({ ready: Promise.resolve('refused'), leave: left }) as unknown as RoomConnection,
      page: 'http://planner.test/',
      setHash: () => {},
      userName: () => 'Ana',
      catalogueOf: () => catalogue,
    });
    await controller.join({ access: 'read-only', roomId: 'r'.repeat(43) });
    expect(seen.find((share) => share.status === 'connecting')?.keepsOwn).toBe(true);
    expect(left).toHaveBeenCalled();
    expect(store.getState().share).toMatchObject({ ...SHARE_OFF, keepsOwn: false });
  });
});
