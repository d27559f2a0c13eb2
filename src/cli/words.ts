/**
 * The CLI's words: the run's language (`--lang de|en`, English by default) and its messages, said
 * with an i18next instance of that language. Errors carry messages, printed by `runCli` in the
 * language the command line asked for.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { loadEdition } from '@/domain/editions';
import { isMessage, type Message } from '@/domain/message';
// The CLI speaks German at once when asked (the app loads German on first use).
import '@/i18n/german-now';
import { formatMessage } from '@/i18n/format-message';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '@/i18n/languages';
import { i18nFor } from '@/i18n/row-words';

/** Text a CLI prints: a message we wrote, or text given to us (a path, an error of the system). */
export type CliText = Message | string;

/**
 * The language `--lang` names in an argument list, without judging the rest (errors found while
 * reading the arguments are printed in it too). English when it is missing or not one we speak.
 *
 * @param argv - The arguments after the script.
 * @returns The language to print in.
 * @example
 * languageIn(['a.json', '--lang', 'de']); // 'de'
 */
export function languageIn(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined) return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  }
  return DEFAULT_LANGUAGE;
}

/** The message refusing a `--lang` value, naming the languages the CLI speaks. */
export function badLanguage(value: string): Message {
  return { key: 'cli:usage.badLanguage', params: { value, allowed: LANGUAGES.join(', ') } };
}

/**
 * Says a CLI text in a language: messages through the catalogues (roles named from `catalogue`,
 * the base edition's when not given), plain text as it is.
 *
 * @example
 * say('de')({ key: 'cli:derive.noFlows' }); // 'Die Topologie ergibt keine Datenflüsse'
 */
export function sayIn(language: Language, catalogue?: Catalogue): (text: CliText) => string {
  const i18n = i18nFor(language);
  let words = catalogue;
  return (text) => {
    if (!isMessage(text)) return text;
    words ??= loadEdition('2018-de');
    return formatMessage(text, { i18n, catalogue: words });
  };
}
