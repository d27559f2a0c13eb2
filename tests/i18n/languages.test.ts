// @vitest-environment jsdom
import { LANGUAGE_KEY, pickLanguage, rememberLanguage, startLanguage } from '@/i18n/languages';

describe('the language the app starts in', () => {
  afterEach(() => window.localStorage.clear());

  it('is the first browser language the app speaks, by its primary subtag, else English', () => {
    expect(pickLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'en-GB', 'de'])).toBe('en');
    expect(pickLanguage(['fr-FR', 'it'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('is the remembered choice over the browser language; a bad stored value is ignored', () => {
    rememberLanguage(window, 'de');
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('de');
    expect(startLanguage(window)).toBe('de');
    window.localStorage.setItem(LANGUAGE_KEY, 'klingon');
    expect(startLanguage(window)).toBe(pickLanguage(window.navigator.languages));
  });
});
