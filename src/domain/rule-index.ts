import type { Catalogue, RoleId, Rule } from './catalogue-types';
import { ANY_ROLE } from './catalogue-types';

/** Rules grouped by role pair, built once per catalogue and list selection. */
export interface RuleIndex {
  /** `byPair.get(from)?.get(to)`: the rules whose `from` and `to` are these roles. */
  readonly byPair: ReadonlyMap<RoleId, ReadonlyMap<RoleId, readonly Rule[]>>;
  /** Rules any host may open towards `to` (the supplementary `any` rules). */
  readonly fromAny: ReadonlyMap<RoleId, readonly Rule[]>;
  /** Role pairs (`a|b`) that share at least one rule, in either direction, for quick link checks. */
  readonly related: ReadonlySet<string>;
}

export const pairKey = (from: RoleId, to: RoleId): string => `${from}|${to}`;

const cache = new WeakMap<Catalogue, Map<string, RuleIndex>>();

/**
 * Indexes the document's rules plus the supplementary lists switched on. Cached per catalogue and
 * list selection, so a derivation costs O(links × rules per role pair), not O(links × catalogue).
 */
export function ruleIndex(catalogue: Catalogue, lists: readonly string[] = []): RuleIndex {
  const listKey = lists.length === 0 ? '' : [...lists].sort().join(',');
  let perCatalogue = cache.get(catalogue);
  if (!perCatalogue) {
    perCatalogue = new Map();
    cache.set(catalogue, perCatalogue);
  }
  const cached = perCatalogue.get(listKey);
  if (cached) return cached;
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
  const index: RuleIndex = { byPair, fromAny, related };
  perCatalogue.set(listKey, index);
  return index;
}
