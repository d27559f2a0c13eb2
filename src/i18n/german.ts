/**
 * Where the German words are once they are here: the message catalogue (src/i18n/de) and the
 * catalogue's words (data/catalogue/de). The app loads them on first use (load-german.ts), so an
 * English reader never fetches them; the CLI, the export worker and the tests have them from the
 * start (german-now.ts).
 */
import type { DE } from './resources-de';

/** The files of data/catalogue/de as read (validated by catalogue-words.ts on first use). */
export interface GermanCatalogueFiles {
  readonly editions: unknown;
  readonly notes: unknown;
  readonly roles: unknown;
  readonly rules: unknown;
  readonly services: unknown;
  readonly settings: unknown;
  readonly supplementary: unknown;
}

export interface GermanFiles {
  readonly messages: typeof DE;
  readonly catalogue: GermanCatalogueFiles;
}

let german: GermanFiles | undefined;

/** The German files, or `undefined` while they are not loaded. */
export function germanIfLoaded(): GermanFiles | undefined {
  return german;
}

/**
 * The German files, for code that runs only in German.
 *
 * @throws Error when they were not loaded: a German word asked for before `loadGerman` resolved.
 */
export function germanFiles(): GermanFiles {
  if (!german) throw new Error('the German words are not loaded (see src/i18n/load-german.ts)');
  return german;
}

/** Makes the German files available (once; later calls keep the first). */
export function provideGerman(files: GermanFiles): void {
  german ??= files;
}
