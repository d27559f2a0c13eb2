import type { Catalogue } from '@/domain/catalogue-types';
import { catalogue as defaultCatalogue } from '@/domain/default-catalogue';
import { message } from '@/domain/message';
import { createEmptyDocument } from '@/domain/restore';
import { type AppStore, createAppStore } from './app-store';
import { type AutosaveController, startAutosave } from './autosave';
import { type BackupShelf, createBackupShelf } from './autosave-backups';
import { loadAutosave } from './autosave-load';
import { storedAutosaveText } from './autosave-read';
import { openStorage } from './autosave-storage';
import { sampleDocument, untitledName } from './templates';
import type { Text } from './ui-types';

export interface Booted {
  readonly store: AppStore;
  readonly autosave?: AutosaveController;
  /** Copies of stored work the app could not use, for the banner to offer as downloads. */
  readonly shelf: BackupShelf;
}

/** What boot reads with; tests replace parts to make a step fail. */
export interface BootParts {
  readonly catalogue?: Catalogue;
  readonly load?: typeof loadAutosave;
  readonly sample?: (catalogue: Catalogue) => ReturnType<typeof sampleDocument>;
}

/** The error as the browser words it (cut to 300 characters), or "an unknown error" in the reader's language. */
function describe(error: unknown): Text {
  try {
    return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);
  } catch {
    return message('notices:bootError.unknown');
  }
}

/**
 * Creates the app's store from the autosave (or the sample on a first visit) and starts saving.
 * Storage is read synchronously, so nothing renders before the saved diagram is in place and no
 * default can be saved over the user's work (STACK.md).
 *
 * Whatever is stored, this returns a store: should reading the autosave fail in a way restore
 * did not foresee, the stored text is kept under a backup key, the app starts from an empty diagram
 * with autosave off (so the stored text is never overwritten) and a banner offers the copy.
 */
export function bootStore(win: Window, parts: BootParts = {}): Booted {
  const catalogue = parts.catalogue ?? defaultCatalogue;
  const { storage, error } = openStorage(win);
  const shelf = createBackupShelf(storage);
  try {
    const load = parts.load ?? loadAutosave;
    const sample = (parts.sample ?? sampleDocument)(catalogue);
    const loaded = load(storage, catalogue, sample, error, shelf);
    const store = createAppStore(loaded.document, { notices: loaded.notices, autosave: loaded.status });
    const autosave = startAutosave(store, {
      storage,
      target: win,
      shelf,
      ...(loaded.pendingBackupKey ? { pendingBackupKey: loaded.pendingBackupKey } : {}),
    });
    // Only in a build made with VITE_BENCH_HOOKS=1 (bench/edit.ts); dropped from the normal build.
    if (import.meta.env.VITE_BENCH_HOOKS === '1')
      void import('./bench-hook').then((m) => m.exposeForBench(win, store));
    return { store, autosave, shelf };
  } catch (failure) {
    let text: string | null = null;
    try {
      text = storedAutosaveText(storage);
    } catch {
      text = null;
    }
    const key = text === null ? undefined : shelf.keep('boot', text);
    const store = createAppStore(createEmptyDocument(catalogue, untitledName()), {
      catalogue,
      notices: [
        {
          tone: 'error',
          title: message('store:autosave.bootFailed'),
          details: [
            describe(failure),
            text === null
              ? message('store:autosave.bootNoText')
              : key
                ? message('store:autosave.bootKept', { key })
                : message('store:autosave.bootHeld'),
          ],
          sticky: true,
        },
      ],
      autosave: { mode: 'off', message: message('store:autosave.status.bootOff') },
    });
    return { store, shelf };
  }
}
