import { type GermanFiles, germanIfLoaded, provideGerman } from './german';

let loading: Promise<GermanFiles> | undefined;

/**
 * Loads the German words (messages and the catalogue's words) once, on first use: the app's
 * language switch, or a German reader's first paint. Resolves at once when they are here.
 *
 * @returns The German files, now also available to the synchronous readers (germanFiles).
 */
export function loadGerman(): Promise<GermanFiles> {
  const known = germanIfLoaded();
  if (known) return Promise.resolve(known);
  loading ??= import('./german-data').then(
    ({ GERMAN }) => {
      provideGerman(GERMAN);
      return GERMAN;
    },
    (error: unknown) => {
      // Another try on the next switch (the page may have been offline).
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
