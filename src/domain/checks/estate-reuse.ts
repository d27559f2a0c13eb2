import type { Finding } from './finding';

/** Findings that name more hosts and links than this get a set of their own. */
const LONG = 32;

/** The ids a family's short findings name, and its findings with long lists. */
interface Named {
  readonly short: Set<string>;
  readonly long: readonly Finding[];
}

/**
 * Whether a family's findings name a host or link an edit changed, as a look-up per changed id.
 * The ids of the findings with short lists are one set per list of findings (a family an edit
 * left alike keeps its list, and 2,600 shared-name findings at 100k are not walked per edit); a
 * finding with a long list (the notes list 30,000 hosts at 100k) gets a set of its own, made once
 * per finding object, so a family whose notes changed does not list them all again. For one
 * checker.
 */
export class HostSets {
  private readonly families = new WeakMap<readonly Finding[], Named>();
  private readonly findings = new WeakMap<Finding, Set<string>>();

  /** True when a finding of `findings` names one of `ids` among its hosts or links. */
  named(findings: readonly Finding[], ids: ReadonlySet<string>): boolean {
    if (ids.size === 0 || findings.length === 0) return false;
    let named = this.families.get(findings);
    if (!named) {
      const short = new Set<string>();
      const long: Finding[] = [];
      for (const finding of findings) {
        const { hosts, links } = finding;
        if (hosts.length + links.length > LONG) long.push(finding);
        else {
          for (const id of hosts) short.add(id);
          for (const id of links) short.add(id);
        }
      }
      named = { short, long };
      this.families.set(findings, named);
    }
    for (const id of ids) if (named.short.has(id)) return true;
    for (const finding of named.long) {
      let set = this.findings.get(finding);
      if (!set) {
        set = new Set(finding.hosts);
        for (const id of finding.links) set.add(id);
        this.findings.set(finding, set);
      }
      for (const id of ids) if (set.has(id)) return true;
    }
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
 * The findings of one run of an estate-wide family, each replaced by the last run's finding of its
 * id when the two are alike: findings an edit did not change keep their objects (and their sort
 * keys), and the first of any id is kept, as `sortFindings` does. Lists an unchanged finding
 * shares with the last run (the link notes' host and link lists) compare at once.
 *
 * @param last - The family's findings of the last run.
 * @param fresh - Its findings of this run, in check order.
 * @returns The findings, and whether they are the very objects of `last`.
 * @example
 * const { findings, same } = reuseEstate(state.families[0], siteEstateChecks(ctx));
 */
export function reuseEstate(
  last: readonly Finding[],
  fresh: readonly Finding[],
): { findings: Finding[]; same: boolean } {
  const byId = new Map<string, Finding>();
  for (const finding of last) byId.set(finding.id, finding);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  let same = true;
  for (const finding of fresh) {
    if (seen.has(finding.id)) continue;
    seen.add(finding.id);
    const old = byId.get(finding.id);
    const kept = old !== undefined && sameValue(old, finding);
    findings.push(kept ? old : finding);
    same &&= kept && last[findings.length - 1] === old;
  }
  return { findings, same: same && findings.length === last.length };
}
