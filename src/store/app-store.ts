/**
 * The app's store, composed from slices as zustand's docs describe them ("slices pattern"): the
 * document, the selection, the settings, the UI and the files, each in its own file and typed
 * against the whole `AppState` (store-types.ts). zundo's `temporal` wraps them all and records
 * the document part only.
 */
import { temporal } from 'zundo';
import { createStore, type StateCreator, type StoreMutatorIdentifier } from 'zustand/vanilla';
import type { Catalogue, EditionId } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { loadEdition } from '@/domain/editions';
import { createArrangeSlice } from './arrange-slice';
import { createCompareSlice } from './compare-slice';
import { createDocumentSlice } from './document-slice';
import { documentSlice, sameDocument } from './document-state';
import { createFilesSlice } from './files-slice';
import { createSelectionSlice } from './selection-slice';
import { createSettingsSlice } from './settings-slice';
import { createShareSlice } from './share-slice';
import type { AppState, StoreOptions } from './store-types';
import { createUiSlice } from './ui-slice';
import { createZoneSlice } from './zone-slice';

// The store's public names stay where components and tests import them from.
export { documentSlice, sameDocument, toDocument } from './document-state';
export type { AppState, HostField, Size, StoreOptions, UiSlice } from './store-types';

/** Undo steps kept unless the options say otherwise. */
const HISTORY_LIMIT = 200;

/**
 * Keeps `catalogue` the catalogue of the edition the document names, in the same `set` that
 * changes the settings: every edit, an opened file and zundo's undo and redo (which call the set
 * this middleware hands down) carry the catalogue along, so no reader ever sees a document beside
 * another edition's catalogue. Outermost, so temporal's wrapped `setState` goes through it too.
 */
function followEdition<Mos extends [StoreMutatorIdentifier, unknown][]>(
  config: StateCreator<AppState, [], Mos>,
  catalogueOf: (edition: EditionId) => Catalogue,
): StateCreator<AppState, [], Mos> {
  return (set, get, api) => {
    const follow = ((partial: unknown, replace?: boolean) => {
      const patch = (typeof partial === 'function' ? partial(get()) : partial) as Partial<AppState>;
      const settings = patch.settings ?? get().settings;
      const catalogue = settings ? catalogueOf(settings.edition) : undefined;
      const next =
        catalogue === undefined || catalogue === (patch.catalogue ?? get().catalogue)
          ? patch
          : { ...patch, catalogue };
      (set as (p: unknown, r?: boolean) => void)(next, replace);
    }) as typeof set;
    api.setState = follow;
    return config(follow, get, api);
  };
}

/**
 * Creates the app's store: the document (undoable) beside selection, UI and file state (not
 * undoable, never saved), and the catalogue of the document's edition. Tests make a fresh store
 * per case.
 *
 * @param initial - the document to start with (restored: it goes in as it is)
 * @param options - a catalogue to use for its own edition, start-up notices, autosave state and
 *   history length
 */
export function createAppStore(initial: TopologyDocument, options: StoreOptions = {}) {
  const given = options.catalogue;
  // Same object per edition (loadEdition builds each once), so derivers stay warm across switches.
  const catalogueOf = (edition: EditionId): Catalogue =>
    given?.edition.id === edition ? given : loadEdition(edition);
  return createStore<AppState>()(
    followEdition(
      temporal(
        (...a) => ({
          catalogue: catalogueOf(initial.settings.edition),
          catalogueOf,
          ...createDocumentSlice(initial)(...a),
          ...createZoneSlice(...a),
          ...createSelectionSlice(...a),
          ...createSettingsSlice(...a),
          ...createUiSlice(...a),
          ...createFilesSlice(options)(...a),
          ...createArrangeSlice(...a),
          ...createShareSlice(...a),
          ...createCompareSlice(...a),
        }),
        {
          partialize: (state) => documentSlice(state),
          equality: sameDocument,
          limit: options.historyLimit ?? HISTORY_LIMIT,
        },
      ),
      catalogueOf,
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
