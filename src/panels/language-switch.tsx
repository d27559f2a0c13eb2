import { useTranslation } from 'react-i18next';
import { setAppLanguage } from '@/i18n/app-i18n';
import { isLanguage, LANGUAGES } from '@/i18n/languages';

/** English or German, switched at once for the whole app and its exports, and remembered. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    // Styled like the theme choice beside it: no caption, the choices name themselves.
    <label className="theme-toggle" title={t('language.title')}>
      <select
        aria-label={t('language.label')}
        value={current}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setAppLanguage(e.target.value, window);
        }}
      >
        {LANGUAGES.map((language) => (
          // Each language is named in its own words, as language pickers do.
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
