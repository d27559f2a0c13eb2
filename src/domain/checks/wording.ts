import type { Catalogue, RoleId } from '../catalogue-types';

/** Words of the checks' messages: role names in running text, lists of names. */

/**
 * Words as running text.
 *
 * @param words - The words, in order.
 * @param conjunction - The word before the last one.
 * @returns `a`, `a and b`, `a, b and c` (or `or`); empty for none.
 * @example
 * joinWords(['MP', 'DP', 'SUP'], 'or'); // 'MP, DP or SUP'
 */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

/** Roles named after a product, which takes no article: "no link to Microsoft Intune". */
const PRODUCT_ROLES = new Set<RoleId>(['intune', 'exchange-online']);

/** First words of role names that stay capitalised in running text. */
const PROPER_WORDS = new Set(['Microsoft', 'Exchange', 'Configuration', 'Mac', 'Windows', 'SMS']);

/**
 * A role's name for running text.
 *
 * @param catalogue - The catalogue in force.
 * @param role - A role id.
 * @returns "management point", "SMS provider", "Microsoft Intune".
 * @example
 * roleName(catalogue, 'management-point'); // 'management point'
 */
export function roleName(catalogue: Catalogue, role: RoleId): string {
  const name = catalogue.roleById.get(role)?.name ?? role;
  const first = name.split(' ')[0] ?? '';
  return /^[A-Z][a-z]/.test(name) && !PROPER_WORDS.has(first) ? name[0]?.toLowerCase() + name.slice(1) : name;
}

/**
 * A role's name with its article.
 *
 * @param catalogue - The catalogue in force.
 * @param role - A role id.
 * @returns "a management point", "an SMS provider", "the internet".
 * @example
 * aRole(catalogue, 'sms-provider'); // 'an SMS provider'
 */
export function aRole(catalogue: Catalogue, role: RoleId): string {
  const name = roleName(catalogue, role);
  if (role === 'internet') return `the ${name}`;
  if (PRODUCT_ROLES.has(role)) return name;
  return /^([aeiou]|SMS|SQL)/i.test(name) ? `an ${name}` : `a ${name}`;
}
