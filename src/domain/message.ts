import type { RoleId } from './catalogue-types';

/**
 * Words at the edge: the domain says what happened as a message key and its values; the UI, the
 * workbook writer and the CLI turn it into a sentence in the user's language (src/i18n). A sentence
 * built here could not be translated.
 */

/** A value inside a message. Roles and lists are named or joined in the reader's language. */
export type MessageParam =
  | string
  | number
  | { readonly role: RoleId }
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
