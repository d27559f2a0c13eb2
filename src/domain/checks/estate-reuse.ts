import type { Finding } from './finding';

/**
 * Long host lists of kept findings as sets, made once per list object (a finding kept across
 * edits keeps its list): whether a finding names a changed host is then a look-up per changed
 * host, not a walk over the 30,000 hosts a note may list. For one checker.
 */
export class HostSets {
  private readonly sets = new WeakMap<readonly string[], Set<string>>();

  /** True when `hosts` holds one of `changed`. */
  names(hosts: readonly string[], changed: ReadonlySet<string>): boolean {
    let set = this.sets.get(hosts);
    if (!set) {
      set = new Set(hosts);
      this.sets.set(hosts, set);
    }
    for (const id of changed) if (set.has(id)) return true;
    return false;
  }
}

/** True when two plain values (findings, their messages, lists) are alike, key for key. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * The estate-wide findings of a run, each replaced by the last run's finding of its id when the
 * two are alike and name none of the hosts the edit changed: findings an edit did not touch keep
 * their objects (and their sort keys), and the first of any id is kept, as `sortFindings` does.
 *
 * @param last - The last run's estate findings by id.
 * @param fresh - This run's estate findings, in check order.
 * @param changed - Ids of the hosts the edit replaced, added or removed.
 * @returns The findings by id, and whether they are the very objects of `last`.
 * @example
 * const { byId, same } = reuseEstate(state.estateById, estateFindings(ctx), new Set(['mp01']));
 */
export function reuseEstate(
  last: ReadonlyMap<string, Finding>,
  fresh: readonly Finding[],
  changed: ReadonlySet<string>,
  lists?: HostSets,
): { byId: Map<string, Finding>; same: boolean } {
  const names = (finding: Finding) =>
    changed.size > 0 &&
    (lists && finding.hosts.length > changed.size * 8
      ? lists.names(finding.hosts, changed)
      : finding.hosts.some((id) => changed.has(id)));
  const byId = new Map<string, Finding>();
  let same = true;
  for (const finding of fresh) {
    if (byId.has(finding.id)) continue;
    const old = last.get(finding.id);
    if (old !== undefined && !names(old) && sameValue(old, finding)) byId.set(finding.id, old);
    else {
      byId.set(finding.id, finding);
      same = false;
    }
  }
  return { byId, same: same && byId.size === last.size };
}
