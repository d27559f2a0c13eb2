/** The edition a CLI run derives and checks with: the document's, or the one `--edition` names. */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { BASE_EDITION, EDITIONS, isEditionId, loadEdition } from '@/domain/editions';
import { editionTitleParam, type Message, message } from '@/domain/message';
import { settingsForEdition } from '@/domain/settings';
import type { Language } from '@/i18n/languages';
import { UsageError } from './args';
import { loadTopology } from './io';
import { sayIn } from './words';

export interface EditionRun {
  readonly catalogue: Catalogue;
  /** The document with its settings in the edition in force (as the app's switch moves them). */
  readonly document: TopologyDocument;
  /** Restore's problems, as messages to print in the run's language. */
  readonly problems: readonly Message[];
}

/**
 * Checks `--edition` before any file is read, so a typo costs nothing.
 *
 * @param option - The flag's value, if given.
 * @returns The edition id, or undefined when the document's own edition applies.
 * @throws UsageError naming the known editions.
 */
export function editionOption(option: string | undefined): (typeof EDITIONS)[number]['id'] | undefined {
  if (option === undefined) return undefined;
  if (!isEditionId(option)) {
    throw new UsageError(
      message('cli:usage.unknownEdition', { edition: option, known: EDITIONS.map((e) => e.id).join(', ') }),
    );
  }
  return option;
}

/**
 * Reads a topology file and picks the catalogue in force: `edition` when given (the document's
 * settings move there), else the edition the document names (`2018-de` for older files).
 */
export function loadWithEdition(path: string, edition: ReturnType<typeof editionOption>): EditionRun {
  const { document, problems } = loadTopology(path, loadEdition(BASE_EDITION));
  const catalogue = loadEdition(edition ?? document.settings.edition);
  return {
    catalogue,
    document: { ...document, settings: settingsForEdition(document.settings, catalogue) },
    problems,
  };
}

/**
 * The stderr line that names the edition in force (its title as `language` writes it) and where
 * its section links go.
 */
export function editionLine(catalogue: Catalogue, language: Language = 'en'): string {
  const { id, url } = catalogue.edition;
  return `${sayIn(language, catalogue)(message('cli:edition', { id, title: editionTitleParam(), url }))}\n`;
}
