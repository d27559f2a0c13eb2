import type { BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { createI18n } from './create-i18n';
import { type Language, rememberLanguage } from './languages';
import { loadGerman } from './load-german';
import { createCatalogueLanguages } from './localize-catalogue';
import type { Namespace } from './resources-en';

/**
 * Loads German on the first switch to it (its messages and the catalogue's words, one piece): the
 * instance switches once they are here, so no half-German screen shows.
 */
const germanOnFirstUse: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    if (language !== 'de') {
      callback(new Error(`no words in ${language}`), false);
      return;
    }
    loadGerman().then(
      (german) => callback(null, german.messages[namespace as Namespace]),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * The app's one i18next instance. Components read it through react-i18next's `useTranslation`
 * (registered here, so a component needs no provider around it); main.tsx sets the starting language.
 */
export const appI18n = createI18n(undefined, undefined, germanOnFirstUse);
appI18n.use(initReactI18next);
// `use` after init: register the React binding the way init would have.
initReactI18next.init(appI18n);

/** The app's catalogues in each language, made once each. */
export const appCatalogues = createCatalogueLanguages();

/**
 * Switches the app's language: every component re-renders in it, the page's `lang` follows (screen
 * readers, hyphenation), and a choice the user made is remembered in this browser (the language
 * found at start is not, so a browser set to another language later is followed). German loads
 * on its first use: the promise resolves once the app shows the language.
 */
export function setAppLanguage(
  language: Language,
  win?: Window,
  options: { remember?: boolean } = {},
): Promise<unknown> {
  const switched = appI18n.changeLanguage(language);
  if (win) {
    win.document.documentElement.lang = language;
    if (options.remember ?? true) rememberLanguage(win, language);
  }
  return switched;
}
