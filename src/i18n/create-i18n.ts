import i18next, { type i18n as I18n } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';
import { NAMESPACES, RESOURCES } from './resources';

export type { I18n };

/**
 * An i18next instance with every catalogue loaded, ready at once (no backend, no await). The app
 * keeps one (app-i18n.ts); the CLI and the export worker make their own for the language asked for.
 *
 * @param language - The language to start in.
 * @param onMissing - Called with a key no catalogue holds (tests fail on it; the app falls back to English).
 * @returns The instance; `instance.t('panels:host.name')`.
 * @example
 * createI18n('de').t('common:language.label'); // 'Sprache'
 */
export function createI18n(
  language: Language = DEFAULT_LANGUAGE,
  onMissing?: (language: string, key: string) => void,
): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: RESOURCES,
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
