import { initReactI18next } from 'react-i18next';
import { createI18n } from './create-i18n';
import { type Language, rememberLanguage } from './languages';
import { createCatalogueLanguages } from './localize-catalogue';

/**
 * The app's one i18next instance. Components read it through react-i18next's `useTranslation`
 * (registered here, so a component needs no provider around it); main.tsx sets the starting language.
 */
export const appI18n = createI18n();
appI18n.use(initReactI18next);
// `use` after init: register the React binding the way init would have.
initReactI18next.init(appI18n);

/** The app's catalogues in each language, made once each. */
export const appCatalogues = createCatalogueLanguages();

/**
 * Switches the app's language: every component re-renders in it, the page's `lang` follows (screen
 * readers, hyphenation), and a choice the user made is remembered in this browser (the language
 * found at start is not, so a browser set to another language later is followed).
 */
export function setAppLanguage(language: Language, win?: Window, options: { remember?: boolean } = {}): void {
  void appI18n.changeLanguage(language);
  if (!win) return;
  win.document.documentElement.lang = language;
  if (options.remember ?? true) rememberLanguage(win, language);
}
