import { catalogue } from '@/domain/default-catalogue';
import { type AppStore, createAppStore } from './app-store';
import { type AutosaveController, startAutosave } from './autosave';
import { loadAutosave } from './autosave-load';
import { openStorage } from './autosave-storage';
import { sampleDocument } from './templates';

/**
 * Creates the app's store from the autosave (or the sample on a first visit) and starts saving.
 * Storage is read synchronously, so nothing renders before the saved diagram is in place and no
 * default can be saved over the user's work (STACK.md).
 */
export function bootStore(win: Window): { store: AppStore; autosave: AutosaveController } {
  const { storage, error } = openStorage(win);
  const loaded = loadAutosave(storage, catalogue, sampleDocument(catalogue), error);
  const store = createAppStore(loaded.document, { notices: loaded.notices, autosave: loaded.status });
  const autosave = startAutosave(store, {
    storage,
    target: win,
    ...(loaded.pendingBackupKey ? { pendingBackupKey: loaded.pendingBackupKey } : {}),
  });
  return { store, autosave };
}
