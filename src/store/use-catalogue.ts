import type { Catalogue } from '@/domain/catalogue-types';
import { useAppStore } from './store-context';
import type { AppState } from './store-types';

/** The catalogue of the edition in force: the same object until the edition changes (no re-render). */
export function useCatalogue(): Catalogue {
  return useAppStore(selectCatalogue);
}

/** The catalogue of the document's edition (kept beside the settings by the store). */
export function selectCatalogue(state: AppState): Catalogue {
  return state.catalogue;
}
