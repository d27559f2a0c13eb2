/**
 * The running autosave: saves after changes and when the page hides, notices another tab's save.
 * Reading the autosave at start-up is in autosave-load.ts, keys and storage errors in
 * autosave-storage.ts; both are re-exported here for the callers that import them from this file.
 */

import type { DocumentContent } from '@/domain/document';
import { message } from '@/domain/message';
import { serializeDocument } from '@/domain/restore';
import type { AppStore } from './app-store';
import { BACKUP_KINDS, createBackupShelf } from './autosave-backups';
import { createAutosaveWriter } from './autosave-parts';
import { PART_PREFIX, readStoredDocument, storedAutosaveText } from './autosave-read';
import {
  AUTOSAVE_KEY,
  conflictMessage,
  describeStorageError,
  fullStorage,
  keptNotice,
  offStatus,
  type TabCopy,
  TOO_LARGE,
  tooLargeToStore,
  UNSAVED_MODES,
} from './autosave-storage';
import { watchOtherTabSaves } from './autosave-tabs';
import type { AutosaveController, AutosaveOptions } from './autosave-types';
import { documentSlice, sameDocument, toDocument } from './document-state';

export { type LoadedAutosave, loadAutosave } from './autosave-load';
export {
  AUTOSAVE_KEY,
  describeStorageError,
  LAST_GOOD_KEY,
  migratedBackupKey,
  offStatus,
  openStorage,
} from './autosave-storage';

export type { AutosaveController, AutosaveOptions, AutosaveTarget } from './autosave-types';

/**
 * Saves the document to localStorage a moment after every change and at once when the page is
 * hidden or closed. A failed write turns autosave off with a banner (editing goes on in memory);
 * another tab's save makes this tab the older copy and pauses autosave until the user chooses
 * (linked tabs hold one merged diagram instead: autosave-tabs.ts). Meanwhile this tab's edits go
 * to a backup of its own (so neither tab loses an edit), closing the tab asks first
 * (beforeunload), and "Keep this tab's copy" asks before it replaces the other tab's save, which
 * it keeps as a copy too.
 */
export function startAutosave(store: AppStore, options: AutosaveOptions): AutosaveController {
  const { storage, target } = options;
  const delay = options.delayMs ?? 600;
  const now = options.now ?? Date.now;
  let pendingBackupKey = options.pendingBackupKey;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saved: DocumentContent = documentSlice(store.getState());
  const shelf = options.shelf ?? createBackupShelf(storage);
  const writer = options.writer ?? createAutosaveWriter();
  /** The document a save would store now; undefined where nothing is stored (no storage, too large). */
  const toStore = () => {
    const state = store.getState();
    return storage && !tooLargeToStore(state, options.storageMaxChars) ? toDocument(state) : undefined;
  };
  /** Where parts may be stored ahead of a save: only while this tab saves its own diagram. */
  const early = () => (mode() === 'on' && !keepsOwn() ? storage : undefined);
  // The lines of the diagram it starts with, a slice per task once the start has settled.
  const prepareStep = () => {
    prepare = writer.warm(early(), toStore()) ? undefined : setTimeout(prepareStep, 0);
  };
  let prepare: ReturnType<typeof setTimeout> | undefined = setTimeout(prepareStep, delay);
  const tabId = options.tabId ?? `${now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  let copies = 0;
  const full = fullStorage();
  // One key per lost race: a later race in this tab must not overwrite the edits an earlier one kept.
  const nextTabKey = () => `${BACKUP_KINDS.tab.prefix}${tabId}${copies++ === 0 ? '' : `-${copies}`}`;
  let tabKey = nextTabKey();
  // This tab's edits since its last save, when another tab won the race: kept under tabKey.
  let tabCopy: DocumentContent | undefined;
  const mode = () => store.getState().autosave.mode;
  // In a room joined by a link: the diagram shown is the room's, this tab's own waits aside.
  const keepsOwn = (state = store.getState()) => state.share.status !== 'off' && state.share.keepsOwn;
  const unsaved = () => !sameDocument(documentSlice(store.getState()), saved);

  /** Keeps this tab's unsaved edits under its own key. */
  const keepTabCopy = (): TabCopy => {
    const state = store.getState();
    if (tabCopy && sameDocument(documentSlice(state), tabCopy)) return { key: tabKey };
    const key = shelf.keep('tab', serializeDocument(toDocument(state)), tabKey);
    if (!key) return { key: undefined };
    tabCopy = documentSlice(state);
    return { key };
  };

  const save = () => {
    if (keepsOwn()) {
      // The room's diagram is not this tab's to store; leaving puts the own one back and saves.
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      return;
    }
    write();
  };

  const write = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!storage) return;
    const current = mode();
    if (current === 'conflict' && unsaved()) {
      store.getState().setAutosave({ mode: 'conflict', message: conflictMessage(keepTabCopy()) });
      return;
    }
    if (current === 'readonly' || current === 'conflict' || current === 'disabled') return;
    const state = store.getState();
    if (tooLargeToStore(state, options.storageMaxChars)) {
      // Said once: later edits of a document still too large leave the banner as it is.
      if (state.autosave !== TOO_LARGE) store.getState().setAutosave(TOO_LARGE);
      return;
    }
    try {
      writer.write(storage, toDocument(state));
    } catch (error) {
      full.refused(error, state);
      store.getState().setAutosave({ mode: 'off', message: offStatus(describeStorageError(error)) });
      return;
    }
    full.forget();
    saved = documentSlice(state);
    if (pendingBackupKey) {
      try {
        storage.removeItem(pendingBackupKey);
      } catch {
        // Keeping the old backup is harmless.
      }
      pendingBackupKey = undefined;
    }
    if (current === 'off')
      store.getState().notify({ tone: 'success', title: message('store:autosave.worksAgain') });
    store.getState().setAutosave({ mode: 'on', savedAt: now() });
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    // Storage full: no automatic try until the document shrinks; Retry tries. Else the lines are made
    // a slice per task first (after an open every line is new); a flush meanwhile saves at once.
    const due = () => {
      if (full.holds(store.getState())) return;
      if (writer.warm(early(), toStore())) save();
      else timer = setTimeout(due, 0);
    };
    timer = setTimeout(due, delay);
  };

  const flush = () => {
    if (timer !== undefined || !sameDocument(documentSlice(store.getState()), saved)) save();
  };

  const reload = () => {
    const result = readStoredDocument(storage, store.getState().catalogue);
    if (!result?.ok) {
      store.getState().notify({
        tone: 'error',
        title: message('store:autosave.otherUnreadable'),
        details: result && !result.ok ? [result.error] : [],
        sticky: true,
      });
      return;
    }
    const kept = unsaved() ? keepTabCopy() : undefined;
    store.getState().replaceDocument(result.document);
    // The other tab's copy is what is stored: writing it back would only wake that tab up.
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    saved = documentSlice(store.getState());
    if (tabCopy) tabKey = nextTabKey();
    tabCopy = undefined;
    store.getState().setAutosave({ mode: 'on', savedAt: now() });
    store.getState().notify({
      tone: 'success',
      title: message('store:autosave.loadedOther'),
      ...(kept ? { details: [keptNotice(kept)], sticky: true } : {}),
    });
  };

  /** Saves this tab's copy over the other tab's, after keeping the other's as a copy. */
  const overwrite = () => {
    let theirs: string | null = null;
    try {
      theirs = storedAutosaveText(storage);
    } catch {
      theirs = null;
    }
    const key = theirs === null ? null : shelf.keep('other', theirs);
    if (key === undefined) {
      store.getState().notify({
        tone: 'error',
        title: message('store:autosave.otherNotKept'),
        details: [message('store:autosave.otherNotKeptHelp')],
        sticky: true,
      });
      return;
    }
    store.getState().setAutosave({ mode: 'on' });
    save();
    if (mode() !== 'on') return;
    if (tabCopy) shelf.remove(tabKey);
    tabCopy = undefined;
    if (key)
      store.getState().notify({
        tone: 'info',
        title: message('store:autosave.overwritten'),
        details: [message('store:autosave.otherKeptUnder', { key })],
      });
  };

  const keep = () => {
    store.getState().askConfirm({
      title: message('store:autosave.keepTitle'),
      message: message('store:autosave.keepMessage'),
      confirmLabel: message('store:autosave.keepConfirm'),
      onConfirm: overwrite,
    });
  };

  const retry = () => {
    full.forget();
    save();
  };
  store.getState().setAutosave(store.getState().autosave, { reload, keep, retry });

  const unsubscribe = store.subscribe((state, prev) => {
    if (keepsOwn(state)) {
      // Entering the room: the own diagram (still shown) is stored with its last edits first.
      if (!keepsOwn(prev) && (timer !== undefined || unsaved())) write();
      return;
    }
    if (!sameDocument(documentSlice(state), documentSlice(prev))) schedule();
  });

  /** Another tab saved a diagram of its own: this tab holds the older copy until the user chooses. */
  const rival = () => {
    const current = mode();
    if (current === 'readonly' || current === 'disabled') return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    store
      .getState()
      .setAutosave({ mode: 'conflict', message: conflictMessage(unsaved() ? keepTabCopy() : undefined) });
  };
  const otherSaves = watchOtherTabSaves(store, rival);

  const onPageHide = () => flush();
  const onVisibility = () => {
    if (target.document?.visibilityState === 'hidden') flush();
  };
  const onStorage = (event: Event) => {
    const e = event as StorageEvent;
    if (storage && e.storageArea && e.storageArea !== storage) return;
    if (e.key !== AUTOSAVE_KEY) {
      // Another tab kept or removed a copy: the banner lists what is there now (a part is none).
      if (e.key === null || (e.key.startsWith('cm-port-planner/') && !e.key.startsWith(PART_PREFIX)))
        shelf.refresh();
      return;
    }
    if (e.newValue === null) return;
    otherSaves.saved();
  };
  /** Closing a tab whose edits are not in the autosave asks first (the browser words the question). */
  const onBeforeUnload = (event: Event) => {
    if (!UNSAVED_MODES.has(mode()) || !unsaved()) return;
    if (mode() === 'conflict') keepTabCopy();
    event.preventDefault();
    try {
      // Older browsers ask only when returnValue is set.
      (event as BeforeUnloadEvent).returnValue = '';
    } catch {
      // Not a BeforeUnloadEvent (tests): preventDefault said it.
    }
  };

  target.addEventListener('pagehide', onPageHide);
  target.addEventListener('visibilitychange', onVisibility);
  target.addEventListener('storage', onStorage);
  target.addEventListener('beforeunload', onBeforeUnload);

  return {
    flush,
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      if (prepare !== undefined) clearTimeout(prepare);
      unsubscribe();
      otherSaves.stop();
      target.removeEventListener('pagehide', onPageHide);
      target.removeEventListener('visibilitychange', onVisibility);
      target.removeEventListener('storage', onStorage);
      target.removeEventListener('beforeunload', onBeforeUnload);
    },
  };
}
