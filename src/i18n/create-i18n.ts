import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { germanIfLoaded } from './german';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';
import { EN, NAMESPACES } from './resources-en';

export type { I18n };

/**
 * An i18next instance with every catalogue that is here, ready at once (no await): English, and
 * German once it is loaded (german.ts). The app keeps one (app-i18n.ts), which loads German on
 * first use through `backend`; the CLI and the export worker make their own for the language asked for.
 *
 * @param language - The language to start in.
 * @param onMissing - Called with a key no catalogue holds (tests fail on it; the app falls back to English).
 * @param backend - Loads a language that is not here yet when the instance switches to it.
 * @returns The instance; `instance.t('panels:host.name')`.
 * @example
 * createI18n('de').t('common:language.label'); // 'Sprache'
 */
export function createI18n(
  language: Language = DEFAULT_LANGUAGE,
  onMissing?: (language: string, key: string) => void,
  backend?: BackendModule,
): I18n {
  const german = germanIfLoaded();
  if (language !== DEFAULT_LANGUAGE && !german && !backend) {
    throw new Error(`the ${language} words are not loaded (see src/i18n/load-german.ts)`);
  }
  const instance = i18next.createInstance();
  if (backend) instance.use(backend);
  void instance.init({
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: german ? { en: EN, de: german.messages } : { en: EN },
    // With a backend, a language not given here is loaded when the instance switches to it.
    partialBundledLanguages: backend !== undefined,
    initAsync: false,
    // React escapes; the workbook and the CLI write plain text.
    interpolation: { escapeValue: false },
    returnNull: false,
    ...(onMissing
      ? {
          saveMissing: true,
          missingKeyHandler: (lngs: readonly string[], ns: string, key: string) =>
            onMissing(lngs.join(','), `${ns}:${key}`),
        }
      : {}),
  });
  return instance;
}
