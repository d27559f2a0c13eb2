import type { Catalogue } from '@/domain/catalogue-types';
import type { Message, MessageParam } from '@/domain/message';
import type { I18n } from './create-i18n';
import { isLanguage, type Language } from './languages';
import { createCatalogueLanguages } from './localize-catalogue';
import { roleInText } from './role-names';

/** What turning a message into words needs: the i18next instance and the catalogue of the edition. */
export interface MessageContext {
  readonly i18n: I18n;
  readonly catalogue: Catalogue;
}

/** The instance's language as one the app speaks (English if it is set to anything else). */
export function languageOf(i18n: I18n): Language {
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lang) ? lang : 'en';
}

/** The catalogue in each language, made once per catalogue (catalogue words inside messages). */
const catalogues = createCatalogueLanguages();

/** A setting's label in the reader's language: port, range or flag; an unknown key as it is. */
function settingLabel(catalogue: Catalogue, key: string): string {
  const own = (list: readonly { readonly key: string; readonly label: string }[]) =>
    list.find((s) => s.key === key)?.label;
  return own(catalogue.portSettings) ?? own(catalogue.rangeSettings) ?? own(catalogue.flagSettings) ?? key;
}

/** One list formatter per language and kind: making one costs more than formatting many lists. */
const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(language: Language, type: 'disjunction' | 'conjunction'): Intl.ListFormat {
  const key = `${language}|${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(language, { type });
    listFormats.set(key, format);
  }
  return format;
}

function paramText(value: MessageParam, context: MessageContext, language: Language): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('role' in value) return roleInText(context.catalogue, value.role, language);
  if ('message' in value) return formatMessage(value.message, context);
  if ('setting' in value) return settingLabel(catalogues.of(context.catalogue, language), value.setting);
  if ('editionTitle' in value) return catalogues.of(context.catalogue, language).edition.title;
  if ('retiredReason' in value) {
    const role = catalogues.of(context.catalogue, language).roleById.get(value.retiredReason);
    // The sentence around the reason ends itself.
    return (role?.retired?.reason ?? '').replace(/\.$/, '');
  }
  const items = value.list.map((item) => String(paramText(item, context, language)));
  return listFormat(language, value.join === 'or' ? 'disjunction' : 'conjunction').format(items);
}

/**
 * A domain message as a sentence in the instance's language. Roles are named as the language writes
 * them, settings, the edition's title and a retired role's reason are the catalogue's words in that
 * language (localizeCatalogue), lists are joined by `Intl.ListFormat`, and numbers are formatted by the catalogue's
 * `{{n, number}}` (i18next's Intl formatter). A `count` parameter picks the plural form.
 *
 * @param message - The message from the domain (`{ key, params }`).
 * @param context - The i18next instance and the catalogue.
 * @returns The sentence.
 * @example
 * formatMessage({ key: 'checks:hostWithoutRoles', params: { host: 'SRV01' } }, { i18n, catalogue });
 */
export function formatMessage(message: Message, context: MessageContext): string {
  const language = languageOf(context.i18n);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    values[name] = paramText(value, context, language);
  }
  // Keys come from the domain as data, so they are not typed; the catalogue test checks each one.
  return context.i18n.t(message.key as never, values as never) as unknown as string;
}
