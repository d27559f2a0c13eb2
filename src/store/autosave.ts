/**
 * The running autosave: saves after changes and when the page hides, notices another tab's save.
 * Reading the autosave at start-up is in autosave-load.ts, keys and storage errors in
 * autosave-storage.ts; both are re-exported here for the callers that import them from this file.
 */
import type { DocumentContent } from '@/domain/document';
import { readDocumentText, serializeDocument } from '@/domain/restore';
import type { AppStore } from './app-store';
import { AUTOSAVE_KEY, describeStorageError, OFF_HINT } from './autosave-storage';
import { documentSlice, sameDocument, toDocument } from './document-state';

export { type LoadedAutosave, loadAutosave } from './autosave-load';
export {
  AUTOSAVE_KEY,
  corruptBackupKey,
  describeStorageError,
  LAST_GOOD_KEY,
  migratedBackupKey,
  OFF_HINT,
  openStorage,
  REPAIRED_BACKUP_KEY,
} from './autosave-storage';

export interface AutosaveTarget {
  addEventListener: Window['addEventListener'];
  removeEventListener: Window['removeEventListener'];
  readonly document?: { readonly visibilityState: DocumentVisibilityState };
}

export interface AutosaveOptions {
  readonly storage: Storage | undefined;
  readonly target: AutosaveTarget;
  readonly delayMs?: number;
  readonly pendingBackupKey?: string;
  readonly now?: () => number;
}

export interface AutosaveController {
  /** Saves a pending change now (pagehide does this). */
  flush(): void;
  stop(): void;
}

/**
 * Saves the document to localStorage a moment after every change and at once when the page is
 * hidden or closed. A failed write turns autosave off with a banner (editing goes on in memory);
 * another tab's save makes this tab the older copy and pauses autosave until the user chooses.
 */
export function startAutosave(store: AppStore, options: AutosaveOptions): AutosaveController {
  const { storage, target } = options;
  const delay = options.delayMs ?? 600;
  const now = options.now ?? Date.now;
  let pendingBackupKey = options.pendingBackupKey;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saved: DocumentContent = documentSlice(store.getState());

  const mode = () => store.getState().autosave.mode;

  const save = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!storage) return;
    const current = mode();
    if (current === 'readonly' || current === 'conflict' || current === 'disabled') return;
    const state = store.getState();
    const text = serializeDocument(toDocument(state));
    try {
      storage.setItem(AUTOSAVE_KEY, text);
    } catch (error) {
      store.getState().setAutosave({ mode: 'off', message: `${describeStorageError(error)} ${OFF_HINT}` });
      return;
    }
    saved = documentSlice(state);
    if (pendingBackupKey) {
      try {
        storage.removeItem(pendingBackupKey);
      } catch {
        // Keeping the old backup is harmless.
      }
      pendingBackupKey = undefined;
    }
    if (current === 'off') store.getState().notify({ tone: 'success', title: 'Autosave works again.' });
    store.getState().setAutosave({ mode: 'on', savedAt: now() });
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delay);
  };

  const flush = () => {
    if (timer !== undefined || !sameDocument(documentSlice(store.getState()), saved)) save();
  };

  const reload = () => {
    let text: string | null = null;
    try {
      text = storage?.getItem(AUTOSAVE_KEY) ?? null;
    } catch {
      text = null;
    }
    const result = text === null ? undefined : readDocumentText(text, store.getState().catalogue);
    if (!result?.ok) {
      store.getState().notify({
        tone: 'error',
        title: 'The other tab’s copy could not be read; this tab keeps its own.',
        details: result && !result.ok ? [result.error] : [],
        sticky: true,
      });
      return;
    }
    store.getState().replaceDocument(result.document);
    saved = documentSlice(store.getState());
    store.getState().setAutosave({ mode: 'on', savedAt: now() });
    store.getState().notify({ tone: 'success', title: 'Loaded the copy saved in the other tab.' });
  };

  const keep = () => {
    store.getState().setAutosave({ mode: 'on' });
    save();
  };

  store.getState().setAutosave(store.getState().autosave, { reload, keep, retry: save });

  const unsubscribe = store.subscribe((state, prev) => {
    if (!sameDocument(documentSlice(state), documentSlice(prev))) schedule();
  });

  const onPageHide = () => flush();
  const onVisibility = () => {
    if (target.document?.visibilityState === 'hidden') flush();
  };
  const onStorage = (event: Event) => {
    const e = event as StorageEvent;
    if (e.key !== AUTOSAVE_KEY || e.newValue === null) return;
    if (storage && e.storageArea && e.storageArea !== storage) return;
    const current = mode();
    if (current === 'readonly' || current === 'disabled') return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    store.getState().setAutosave({
      mode: 'conflict',
      message:
        'This diagram was changed and autosaved in another tab, so this tab now holds an older copy. Autosave is paused here until you choose.',
    });
  };

  target.addEventListener('pagehide', onPageHide);
  target.addEventListener('visibilitychange', onVisibility);
  target.addEventListener('storage', onStorage);

  return {
    flush,
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
      target.removeEventListener('pagehide', onPageHide);
      target.removeEventListener('visibilitychange', onVisibility);
      target.removeEventListener('storage', onStorage);
    },
  };
}
