import type { Catalogue, RoleId } from '../catalogue-types';
import { listParam, type MessageParam, message } from '../message';

/**
 * Values inside the checks' messages: role names in English running text (src/i18n names roles
 * with it), and lists, quotes and counts as message values the reader's language puts into words.
 */

/** First words of role names that stay capitalised in running text. */
const PROPER_WORDS = new Set(['Microsoft', 'Exchange', 'Configuration', 'Mac', 'Windows', 'SMS']);

/**
 * A role's English name for running text.
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
 * Items joined by semicolons, for lists whose items hold commas themselves (port lists per protocol,
 * changed settings).
 *
 * @param items - At least one item.
 * @returns The single item, or `first; second; …` as nested messages.
 * @example
 * semicolons(['UDP 67', 'TCP 80']); // says 'UDP 67; TCP 80'
 */
export function semicolons(items: readonly MessageParam[]): MessageParam {
  const [first = '', ...rest] = items;
  return rest.length === 0
    ? first
    : { message: message('checks:list.semicolons', { first, rest: semicolons(rest) }) };
}

/**
 * A text the user typed, in the language's quotes: `"web01"`, `„web01“`.
 *
 * @example
 * quoted('web01');
 */
export const quoted = (text: string): MessageParam => ({ message: message('checks:list.quoted', { text }) });

/**
 * Host names as running text; more than three are cut to the first three and a count.
 *
 * @param names - Host names in order (at least the first three of them).
 * @param count - How many hosts there are, when `names` holds only the first three.
 * @returns `A, B and C`; `A, B, C and 2 more`.
 * @example
 * hostList(['DP1', 'DP2']); // says 'DP1 and DP2'
 */
export function hostList(names: readonly string[], count = names.length): MessageParam {
  if (count <= 3) return listParam(names.slice(0, count));
  return {
    message: message('checks:list.moreHosts', {
      hosts: names.slice(0, 3).join(', '),
      count: count - 3,
    }),
  };
}

/**
 * A number of links: `1 link`, `3 links`.
 *
 * @example
 * linkCount(2); // says '2 links'
 */
export const linkCount = (count: number): MessageParam => ({
  message: message('checks:list.links', { count }),
});
