import { catalogue } from '@/domain/default-catalogue';
import { listParam, message, roleParam } from '@/domain/message';
import { createI18n } from '@/i18n/create-i18n';
import { formatMessage } from '@/i18n/format-message';
import { english, german } from '../support/words';

describe('domain messages in words', () => {
  it('come from the catalogue of the language, and a key no catalogue holds is refused in tests', () => {
    const m = message('common:language.title');
    expect(english(m)).toBe('Language of the app and of its exports');
    expect(german(m)).toBe('Sprache der App und ihrer Exporte');
    expect(() => english(message('common:no.such.key'))).toThrow(
      /no catalogue holds the key common:no.such.key/,
    );
  });

  it('name roles as each language writes them, join lists with Intl and format numbers', () => {
    const params = {
      roles: listParam([roleParam('management-point'), roleParam('distribution-point'), 'X'], 'or'),
      count: 1234,
    };
    const say = (language: 'en' | 'de') => {
      const i18n = createI18n(language);
      i18n.addResource(language, 'common', 'probe', '{{roles}} · {{count, number}}');
      return formatMessage(message('common:probe', params), { i18n, catalogue });
    };
    expect(say('en')).toBe('management point, distribution point, or X · 1,234');
    expect(say('de')).toBe('Verwaltungspunkt, Verteilungspunkt oder X · 1.234');
  });
});
