import type { Catalogue, RoleId, Rule } from './catalogue-types';
import { ANY_ROLE } from './catalogue-types';

/** Rules grouped by `from|to` role pair, built once per catalogue and list selection. */
export interface RuleIndex {
  /** Rules whose `from` is `from` and `to` is `to`. */
  readonly byPair: ReadonlyMap<string, readonly Rule[]>;
  /** Rules any host may open towards `to` (the supplementary `any` rules). */
  readonly fromAny: ReadonlyMap<RoleId, readonly Rule[]>;
  /** Role pairs that share at least one rule, in either direction, for quick link checks. */
  readonly related: ReadonlySet<string>;
}

export const pairKey = (from: RoleId, to: RoleId): string => `${from}|${to}`;

const cache = new WeakMap<Catalogue, Map<string, RuleIndex>>();

/**
 * Indexes the document's rules plus the supplementary lists switched on. Cached per catalogue and
 * list selection, so a derivation costs O(links × rules per role pair), not O(links × catalogue).
 */
export function ruleIndex(catalogue: Catalogue, lists: readonly string[] = []): RuleIndex {
  const listKey = [...lists].sort().join(',');
  let perCatalogue = cache.get(catalogue);
  if (!perCatalogue) {
    perCatalogue = new Map();
    cache.set(catalogue, perCatalogue);
  }
  const cached = perCatalogue.get(listKey);
  if (cached) return cached;
  const byPair = new Map<string, Rule[]>();
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
    const key = pairKey(rule.from, rule.to);
    const list = byPair.get(key) ?? [];
    list.push(rule);
    byPair.set(key, list);
    related.add(key);
    related.add(pairKey(rule.to, rule.from));
  }
  const index: RuleIndex = { byPair, fromAny, related };
  perCatalogue.set(listKey, index);
  return index;
}
