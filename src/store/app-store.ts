/**
 * The app's store, composed from slices as zustand's docs describe them ("slices pattern"): the
 * document, the selection, the settings, the UI and the files, each in its own file and typed
 * against the whole `AppState` (store-types.ts). zundo's `temporal` wraps them all and records
 * the document part only.
 */
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import { catalogue as defaultCatalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { createDocumentSlice } from './document-slice';
import { documentSlice, sameDocument } from './document-state';
import { createFilesSlice } from './files-slice';
import { createSelectionSlice } from './selection-slice';
import { createSettingsSlice } from './settings-slice';
import type { AppState, StoreOptions } from './store-types';
import { createUiSlice } from './ui-slice';

// The store's public names stay where components and tests import them from.
export { documentSlice, sameDocument, toDocument } from './document-state';
export type { AppState, HostField, Size, StoreOptions, UiSlice } from './store-types';

/** Undo steps kept unless the options say otherwise. */
const HISTORY_LIMIT = 200;

/**
 * Creates the app's store for one catalogue: the document (undoable) beside selection, UI and
 * file state (not undoable, never saved). Tests make a fresh store per case.
 *
 * @param initial - the document to start with (restored: it goes in as it is)
 * @param options - the catalogue, start-up notices, autosave state and history length
 */
export function createAppStore(initial: TopologyDocument, options: StoreOptions = {}) {
  const catalogue = options.catalogue ?? defaultCatalogue;
  return createStore<AppState>()(
    temporal(
      (...a) => ({
        catalogue,
        ...createDocumentSlice(initial)(...a),
        ...createSelectionSlice(...a),
        ...createSettingsSlice(...a),
        ...createUiSlice(...a),
        ...createFilesSlice(options)(...a),
      }),
      {
        partialize: (state) => documentSlice(state),
        equality: sameDocument,
        limit: options.historyLimit ?? HISTORY_LIMIT,
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
