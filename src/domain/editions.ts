import edition2018 from '@data/catalogue/editions/2018-de.json';
import currentCatalogue from '@data/catalogue/editions/current/catalogue.json';
import currentEdition from '@data/catalogue/editions/current/edition.json';
import currentRoles from '@data/catalogue/editions/current/roles.json';
import currentSections from '@data/catalogue/editions/current/sections.json';
import notes from '@data/catalogue/notes.json';
import roles from '@data/catalogue/roles.json';
import rules from '@data/catalogue/rules.json';
import services from '@data/catalogue/services.json';
import settings from '@data/catalogue/settings.json';
import supplementary from '@data/catalogue/supplementary.json';
import { buildCatalogue } from './catalogue';
import type { CatalogueFiles } from './catalogue-schema';
import type { Catalogue, EditionId } from './catalogue-types';
import { applyEdition } from './edition-overlay';

/** The base files in data/catalogue: they are the `2018-de` edition, and every other edition overlays them. */
export const BASE_FILES: CatalogueFiles = { roles, rules, services, notes, settings, supplementary };

export interface EditionEntry {
  readonly id: EditionId;
  /** Metadata as stored (validated when the edition is loaded). */
  readonly meta: unknown;
  /** What the edition adds, changes and retires; nothing for the base edition. */
  readonly overlay: { readonly sections?: unknown; readonly roles?: unknown; readonly catalogue?: unknown };
}

/**
 * The editions the app knows, oldest first. Adding an edition is one entry here plus its files in
 * data/catalogue/editions/<id>/.
 */
export const EDITIONS: readonly EditionEntry[] = [
  { id: '2018-de', meta: edition2018, overlay: {} },
  {
    id: 'current',
    meta: currentEdition,
    overlay: { sections: currentSections, roles: currentRoles, catalogue: currentCatalogue },
  },
];

/** The edition a new diagram uses. */
export const DEFAULT_EDITION: EditionId = 'current';
/** The edition of documents that name none (written before editions existed). */
export const BASE_EDITION: EditionId = '2018-de';

/**
 * True for a known edition id, e.g. to validate `settings.edition` of an opened file.
 *
 * @param value - Anything read from a file or the command line.
 * @returns Whether it names an edition of {@link EDITIONS}.
 * @example
 * isEditionId('current'); // true
 * isEditionId('2016-en'); // false
 */
export function isEditionId(value: unknown): value is EditionId {
  return EDITIONS.some((e) => e.id === value);
}

// Catalogues are immutable and costly to validate, and derivers key their caches by catalogue, so
// each edition is built once and the same object handed out on every call.
const built = new Map<EditionId, Catalogue>();

/**
 * The validated catalogue of one edition: the base files with the edition's overlay applied,
 * checked by buildCatalogue. Built on first use, then the same object.
 *
 * @param id - An edition id of {@link EDITIONS}.
 * @returns The edition's catalogue; retired roles stay in `roles` (marked `retired`) without rules.
 * @throws CatalogueError when the edition's files do not validate.
 * @example
 * const current = loadEdition('current');
 * current.sectionByAnchor.has('bkmk_client-cmg'); // true
 * current.roleById.get('app-catalog-website-point')?.retired?.release; // '1910'
 */
export function loadEdition(id: EditionId): Catalogue {
  const known = built.get(id);
  if (known) return known;
  const entry = EDITIONS.find((e) => e.id === id);
  if (!entry) throw new RangeError(`unknown edition ${String(id)}`);
  const catalogue = buildCatalogue(applyEdition(BASE_FILES, entry.meta, entry.overlay));
  built.set(id, catalogue);
  return catalogue;
}
