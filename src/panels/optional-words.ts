import type { i18n as I18n } from 'i18next';

/**
 * Words for something named by data (an export format's id, a template's id): the catalogue's
 * words when it has them, else the data's own (English) words. A format or template added later
 * shows its own words until the catalogues name it, rather than a raw key.
 *
 * @param i18n - The app's i18next instance (from `useTranslation`).
 * @param key - The full key, `namespace:path`.
 * @param fallback - What to show when no catalogue holds the key.
 * @returns The words in the app's language, or the fallback.
 * @example
 * wordsOr(i18n, `toolbar:templates.items.${template.id}.name`, template.name);
 */
export function wordsOr(i18n: I18n, key: string, fallback: string): string {
  // Keys made from data are not typed; i18n.exists checks them at run time.
  return i18n.exists(key) ? (i18n.t(key as never) as unknown as string) : fallback;
}
