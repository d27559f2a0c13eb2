/** The languages the app, the workbook and the CLI speak; English first (the default). */
export const LANGUAGES = ['en', 'de'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Where the choice is remembered (per browser, like the theme). */
export const LANGUAGE_KEY = 'cm-port-planner/language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The first of the browser's languages the app speaks, by its primary subtag.
 *
 * @param preferred - `navigator.languages`, most preferred first (`de-AT`, `en-US`).
 * @returns `de` for `['de-AT', 'en']`; English when none is spoken here.
 * @example
 * pickLanguage(['fr-FR', 'de-DE']); // 'de'
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The remembered choice, else the browser's language (the first visit), else English. */
export function startLanguage(win: Window): Language {
  try {
    const stored = win.localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage refused: fall back to the browser's language.
  }
  const nav = win.navigator;
  return pickLanguage(nav.languages?.length ? nav.languages : [nav.language ?? DEFAULT_LANGUAGE]);
}

/** Remembers a choice; a refused storage keeps it for this page only. */
export function rememberLanguage(win: Window, language: Language): void {
  try {
    win.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage refused: the choice holds for this page.
  }
}
