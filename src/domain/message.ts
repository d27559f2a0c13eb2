import type { RoleId } from './catalogue-types';

/**
 * Words at the edge: the domain says what happened as a message key and its values; the UI, the
 * workbook writer and the CLI turn it into a sentence in the user's language (src/i18n). A sentence
 * built here could not be translated.
 */

/**
 * A value inside a message. Roles, settings and the catalogue's own words are looked up, and lists
 * joined, in the reader's language, where the message is said.
 */
export type MessageParam =
  | string
  | number
  | { readonly role: RoleId }
  /** A port, range or flag setting of the catalogue, named by its label (`settingParam`). */
  | { readonly setting: string }
  /** The title of the catalogue's edition (`editionTitleParam`). */
  | { readonly editionTitle: true }
  /** Why the catalogue's edition retired a role (`retiredReasonParam`). */
  | { readonly retiredReason: RoleId }
  | { readonly list: readonly MessageParam[]; readonly join: 'and' | 'or' }
  | { readonly message: Message };

export interface Message {
  /** `namespace:key.path` in the message catalogues, e.g. `checks:siteWithoutServer`. */
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/**
 * A message value.
 *
 * @param key - The catalogue key, `namespace:key.path`.
 * @param params - Values the sentence names: text, numbers, `{ role }`, `{ list, join }`, `{ message }`.
 * @returns The message, a plain value to keep, compare or write out later.
 * @example
 * message('checks:siteWithoutServer', { site: 'P01', count: 3 });
 */
export function message(key: string, params?: Readonly<Record<string, MessageParam>>): Message {
  return params === undefined ? { key } : { key, params };
}

/**
 * A role as a message value, named in the reader's language.
 *
 * @example
 * message('checks:roleMissing', { role: roleParam('management-point') });
 */
export const roleParam = (role: RoleId): MessageParam => ({ role });

/**
 * A port, range or flag setting as a message value, named by the catalogue's label in the reader's
 * language (`Client HTTP port`, `Client-HTTP-Port`); an unknown key is said as it is.
 *
 * @param key - The setting's key in the catalogue (`clientHttp`, `rpcDynamic`, `multicast`).
 * @returns The value to pass in a message's params.
 * @example
 * message('restore:settings.flagDefault', { setting: settingParam('siteInstallRemoteSql') });
 */
export const settingParam = (key: string): MessageParam => ({ setting: key });

/**
 * The title of the edition of the catalogue the message is said with, in the reader's language.
 *
 * @returns The value to pass in a message's params.
 * @example
 * message('cli:edition', { id: 'current', title: editionTitleParam(), url });
 */
export const editionTitleParam = (): MessageParam => ({ editionTitle: true });

/**
 * The reason the catalogue's edition gives for retiring a role, in the reader's language (without
 * a closing full stop: the sentence around it ends itself).
 *
 * @param role - A role the edition retired.
 * @returns The value to pass in a message's params.
 * @example
 * message('checks:retiredRole', { reason: retiredReasonParam('application-catalog-website-point') });
 */
export const retiredReasonParam = (role: RoleId): MessageParam => ({ retiredReason: role });

/**
 * Names joined as running text (`a, b and c`; `a, b und c` in German).
 *
 * @example
 * listParam(['MP', 'DP'], 'or');
 */
export const listParam = (items: readonly MessageParam[], join: 'and' | 'or' = 'and'): MessageParam => ({
  list: items,
  join,
});

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
