import type { Catalogue, Role } from '@/domain/catalogue-types';
import type { Language } from './languages';

/**
 * The catalogue's words in a language: the same ids, rules and ports (facts stay as transcribed),
 * with names and descriptions as that language writes them. Role names come from the catalogue's
 * own German names (the 2018 document's words). The engine always runs on the original catalogue;
 * this copy is for what people read (palette, inspector, matrix, workbook).
 *
 * @param catalogue - A catalogue as loaded (English words).
 * @param language - The reader's language.
 * @returns The catalogue itself for English; a German copy for German.
 * @example
 * localizeCatalogue(catalogue, 'de').roleById.get('management-point')?.name; // 'Verwaltungspunkt'
 */
export function localizeCatalogue(catalogue: Catalogue, language: Language): Catalogue {
  if (language === 'en') return catalogue;
  const roles: Role[] = catalogue.roles.map((role) => ({ ...role, name: role.namesDe[0] ?? role.name }));
  return {
    ...catalogue,
    roles,
    roleById: new Map(roles.map((r) => [r.id, r])),
  };
}

/** Localised catalogues made once per catalogue and language (one per app; the cache is its own). */
export interface CatalogueLanguages {
  of(catalogue: Catalogue, language: Language): Catalogue;
}

/** A holder of localised catalogues; the app keeps one, tests make their own. */
export function createCatalogueLanguages(): CatalogueLanguages {
  const made = new WeakMap<Catalogue, Map<Language, Catalogue>>();
  return {
    of(catalogue, language) {
      let byLanguage = made.get(catalogue);
      if (!byLanguage) {
        byLanguage = new Map();
        made.set(catalogue, byLanguage);
      }
      let localised = byLanguage.get(language);
      if (!localised) {
        localised = localizeCatalogue(catalogue, language);
        byLanguage.set(language, localised);
      }
      return localised;
    },
  };
}
