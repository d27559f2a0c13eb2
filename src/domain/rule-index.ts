import type { Catalogue, RoleId, Rule } from './catalogue-types';
import { ANY_ROLE } from './catalogue-types';
import type { Host } from './document';
import { knownRoles } from './engine/host-reads';

/** Rules grouped by role pair, built once per deriver and list selection. */
export interface RuleIndex {
  /** `byPair.get(from)?.get(to)`: the rules whose `from` and `to` are these roles. */
  readonly byPair: ReadonlyMap<RoleId, ReadonlyMap<RoleId, readonly Rule[]>>;
  /** Rules any host may open towards `to` (the supplementary `any` rules). */
  readonly fromAny: ReadonlyMap<RoleId, readonly Rule[]>;
  /** Role pairs (`a|b`) that share at least one rule, in either direction, for quick link checks. */
  readonly related: ReadonlySet<string>;
}

/**
 * The key of a role pair in {@link RuleIndex.related}.
 *
 * @param from - One role id.
 * @param to - The other role id.
 * @returns `from|to`.
 * @example
 * index.related.has(pairKey('client', 'management-point')); // true
 */
export const pairKey = (from: RoleId, to: RoleId): string => `${from}|${to}`;

/**
 * The supplementary lists switched on, as one key (order does not matter): a deriver keeps one rule
 * index per key.
 *
 * @param lists - Ids of supplementary lists, as `settings.supplementary` holds them.
 * @returns The ids sorted and joined by commas; empty for none.
 * @example
 * listKey(['windows-server', 'discovery']); // 'discovery,windows-server'
 */
export function listKey(lists: readonly string[]): string {
  return lists.length === 0 ? '' : [...lists].sort().join(',');
}

/**
 * Indexes the document's rules plus the supplementary lists switched on, so a derivation costs
 * O(links × rules per role pair), not O(links × catalogue). Not cached here: a deriver keeps the
 * index it built for each list selection.
 *
 * @param catalogue - The catalogue whose rules are indexed.
 * @param lists - Ids of the supplementary lists to include.
 * @returns Rules by role pair, `any` rules by their `to` role, and the related role pairs.
 * @example
 * buildRuleIndex(catalogue).byPair.get('client')?.get('management-point')?.length; // 3
 */
export function buildRuleIndex(catalogue: Catalogue, lists: readonly string[] = []): RuleIndex {
  const byPair = new Map<RoleId, Map<RoleId, Rule[]>>();
  const fromAny = new Map<RoleId, Rule[]>();
  const related = new Set<string>();
  const wanted = new Set(lists);
  const rules = [...catalogue.rules, ...catalogue.supplementaryRules.filter((r) => wanted.has(r.list ?? ''))];
  for (const rule of rules) {
    if (rule.from === ANY_ROLE) {
      const list = fromAny.get(rule.to) ?? [];
      list.push(rule);
      fromAny.set(rule.to, list);
      continue;
    }
    let byTo = byPair.get(rule.from);
    if (!byTo) {
      byTo = new Map();
      byPair.set(rule.from, byTo);
    }
    const list = byTo.get(rule.to) ?? [];
    list.push(rule);
    byTo.set(rule.to, list);
    related.add(pairKey(rule.from, rule.to));
    related.add(pairKey(rule.to, rule.from));
  }
  return { byPair, fromAny, related };
}

/**
 * True when some rule joins a role of `a` with a role of `b` in either direction.
 *
 * @param index - The rule index of the catalogue and supplementary lists in use.
 * @param a - One host.
 * @param b - The other host.
 * @param catalogue - The catalogue the index was built from (for the roles it knows).
 * @returns Whether a link between the hosts can carry a flow.
 * @example
 * sharesRules(buildRuleIndex(catalogue), client, mp, catalogue); // true
 */
export function sharesRules(index: RuleIndex, a: Host, b: Host, catalogue: Catalogue): boolean {
  for (const ra of a.roles) {
    for (const rb of b.roles) if (index.related.has(pairKey(ra, rb))) return true;
  }
  const rolesA = knownRoles(a, catalogue);
  const rolesB = knownRoles(b, catalogue);
  if (rolesA.length > 0 && rolesB.some((r) => index.fromAny.has(r))) return true;
  return rolesB.length > 0 && rolesA.some((r) => index.fromAny.has(r));
}
