import type { Catalogue } from '@/domain/catalogue-types';
import { catalogue as defaultCatalogue } from '@/domain/default-catalogue';
import type { Message } from '@/domain/message';
import { createI18n } from '@/i18n/create-i18n';
import { formatMessage } from '@/i18n/format-message';
import type { Language } from '@/i18n/languages';

const instances = new Map<Language, ReturnType<typeof createI18n>>();

/**
 * A domain message in words, for assertions on what the user reads: `english(finding.message)`.
 * A key missing from the catalogue throws, so a test cannot pass on a raw key.
 */
export function words(message: Message, language: Language, catalogue: Catalogue = defaultCatalogue): string {
  let i18n = instances.get(language);
  if (!i18n) {
    i18n = createI18n(language, (_lng, key) => {
      throw new Error(`no catalogue holds the key ${key}`);
    });
    instances.set(language, i18n);
  }
  return formatMessage(message, { i18n, catalogue });
}

export const english = (message: Message, catalogue?: Catalogue) => words(message, 'en', catalogue);
export const german = (message: Message, catalogue?: Catalogue) => words(message, 'de', catalogue);
