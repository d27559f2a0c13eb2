import type { Catalogue } from '@/domain/catalogue-types';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type TopologyDocument } from '@/domain/document';
import { readDocumentText, serializeDocument } from '@/domain/restore';
import { type AppStore, documentSlice, sameDocument, toDocument } from './app-store';
import type { DocumentSlice } from './document-ops';
import type { AutosaveStatus, NoticeInput } from './ui-types';

/** Where the autosave lives in localStorage. Corrupt or replaced text is kept under backup keys. */
export const AUTOSAVE_KEY = 'cm-port-planner/autosave';
/** The last autosave that loaded cleanly: where a corrupt autosave starts from. */
export const LAST_GOOD_KEY = 'cm-port-planner/autosave-last-good';
/** The original of an autosave that had to be repaired on load. */
export const REPAIRED_BACKUP_KEY = 'cm-port-planner/autosave-before-repair';
/** The original of an autosave from an older version, kept until the migrated one is saved. */
export const migratedBackupKey = (version: number) => `cm-port-planner/autosave-v${version}-backup`;
/** Unreadable autosave text, kept rather than deleted (BAD-INPUTS 1). */
export const corruptBackupKey = (time: number) => `cm-port-planner/autosave-corrupt-${time}`;

export const OFF_HINT = 'Edits stay in this tab only; download a copy to keep them.';

/** localStorage when the browser allows it; the reason otherwise (SecurityError in some privacy modes). */
export function openStorage(win: Pick<Window, 'localStorage'>): { storage?: Storage; error?: string } {
  try {
    const storage = win.localStorage;
    storage.getItem(AUTOSAVE_KEY);
    return { storage };
  } catch (error) {
    return { error: describeStorageError(error) };
  }
}

export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return 'Browser storage is full, so autosave is off.';
  if (name === 'SecurityError')
    return 'The browser does not allow this page to use storage, so autosave is off.';
  return `Autosave failed (${error instanceof Error ? error.message : String(error)}), so it is off.`;
}

export interface LoadedAutosave {
  readonly document: TopologyDocument;
  readonly notices: readonly NoticeInput[];
  readonly status: AutosaveStatus;
  /** A migration backup to remove once the migrated document has been saved. */
  readonly pendingBackupKey?: string;
}

function newerVersionOf(text: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { format, version } = parsed as { format?: unknown; version?: unknown };
    return format === DOCUMENT_FORMAT && typeof version === 'number' && version > DOCUMENT_VERSION
      ? version
      : undefined;
  } catch {
    return undefined;
  }
}

function tryWrite(storage: Storage, key: string, text: string): boolean {
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the autosave at start-up. Never throws and never loses text: a corrupt autosave is kept
 * under a backup key and the app starts from the last good copy or the sample; a repaired or
 * migrated one keeps its original; a newer version is left alone and autosave turns read-only.
 */
export function loadAutosave(
  storage: Storage | undefined,
  catalogue: Catalogue,
  sample: TopologyDocument,
  storageError?: string,
  now: () => number = Date.now,
): LoadedAutosave {
  if (!storage) {
    return {
      document: sample,
      notices: [],
      status: { mode: 'off', message: `${storageError ?? 'No browser storage.'} ${OFF_HINT}` },
    };
  }
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch (error) {
    return {
      document: sample,
      notices: [],
      status: { mode: 'off', message: `${describeStorageError(error)} ${OFF_HINT}` },
    };
  }
  if (text === null) {
    return {
      document: sample,
      notices: [
        {
          tone: 'info',
          title: `Welcome: this is the example "${sample.name}". Use New for an empty diagram.`,
        },
      ],
      status: { mode: 'on' },
    };
  }
  const newer = newerVersionOf(text);
  if (newer !== undefined) {
    return {
      document: sample,
      notices: [],
      status: {
        mode: 'readonly',
        message: `The autosaved diagram is version ${newer}, from a newer release; this app reads up to version ${DOCUMENT_VERSION}. It was not loaded and will not be overwritten: autosave is off in this tab. Save your work here to a file.`,
      },
    };
  }
  const result = readDocumentText(text, catalogue);
  if (!result.ok) {
    const key = corruptBackupKey(now());
    const kept = tryWrite(storage, key, text);
    let lastGood: TopologyDocument | undefined;
    try {
      const backup = storage.getItem(LAST_GOOD_KEY);
      const restored = backup === null ? undefined : readDocumentText(backup, catalogue);
      if (restored?.ok) lastGood = restored.document;
    } catch {
      lastGood = undefined;
    }
    const start = lastGood
      ? 'Started from the last good backup.'
      : `Started from the example "${sample.name}".`;
    const notice: NoticeInput = {
      tone: 'warning',
      title: `The autosaved diagram could not be read. ${start}`,
      details: [
        result.error,
        kept
          ? `The unreadable text is kept in browser storage under "${key}".`
          : 'The unreadable text could not be copied aside, so autosave is off to keep it.',
      ],
      sticky: true,
    };
    return {
      document: lastGood ?? sample,
      notices: [notice],
      status: kept
        ? { mode: 'on' }
        : {
            mode: 'off',
            message: `The unreadable autosave could not be backed up, so it is not overwritten. ${OFF_HINT}`,
          },
    };
  }
  if (result.migratedFrom !== undefined) {
    const key = migratedBackupKey(result.migratedFrom);
    tryWrite(storage, key, text);
    return {
      document: result.document,
      notices: [
        {
          tone: 'info',
          title: `The autosave was from version ${result.migratedFrom} and was upgraded to version ${DOCUMENT_VERSION}.`,
          details: [
            `The original is kept under "${key}" until the upgraded diagram is saved.`,
            ...result.problems,
          ],
          sticky: result.problems.length > 0,
        },
      ],
      status: { mode: 'on' },
      pendingBackupKey: key,
    };
  }
  if (result.problems.length > 0) {
    tryWrite(storage, REPAIRED_BACKUP_KEY, text);
    return {
      document: result.document,
      notices: [
        {
          tone: 'warning',
          title: `The autosave had ${result.problems.length} problem(s); they were repaired.`,
          details: [...result.problems, `The original is kept under "${REPAIRED_BACKUP_KEY}".`],
          sticky: true,
        },
      ],
      status: { mode: 'on' },
    };
  }
  tryWrite(storage, LAST_GOOD_KEY, text);
  return { document: result.document, notices: [], status: { mode: 'on' } };
}

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
  let saved: DocumentSlice = documentSlice(store.getState());

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
