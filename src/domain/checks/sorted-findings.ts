import { compareText, type Finding, messageText, SEVERITY_RANK } from './finding';

/**
 * Findings in `compareFindings` order with each one's message sort key beside it, so the
 * incremental checker merges an edit's few changed findings into the kept list without building
 * the keys of the findings it kept.
 */
export interface SortedFindings {
  readonly findings: readonly Finding[];
  /** `messageText` of each finding, by position. */
  readonly keys: readonly string[];
}

export const NO_FINDINGS: SortedFindings = { findings: [], keys: [] };

function compare(a: Finding, ak: string, b: Finding, bk: string): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareText(ak, bk) || compareText(a.id, b.id)
  );
}

/**
 * Findings sorted, each key made once.
 *
 * @param findings - Findings in any order (ids unique).
 * @param known - Keys already made, by finding (a finding kept from the last list).
 * @returns The sorted findings and their keys.
 * @example
 * sortedFindings(fresh).findings[0]?.severity; // 'error' when there is one
 */
export function sortedFindings(
  findings: readonly Finding[],
  known?: ReadonlyMap<Finding, string>,
): SortedFindings {
  const keyed = findings.map((finding) => ({
    finding,
    key: known?.get(finding) ?? messageText(finding.message),
  }));
  keyed.sort((a, b) => compare(a.finding, a.key, b.finding, b.key));
  return { findings: keyed.map((k) => k.finding), keys: keyed.map((k) => k.key) };
}

/**
 * A sorted list without some findings, and other sorted findings merged in: one pass.
 *
 * @param list - A sorted list.
 * @param drop - Findings of `list` to leave out.
 * @param add - Sorted findings to merge in.
 * @returns The list itself when nothing is dropped or added, else a new list.
 * @example
 * state.hostResult = patchSorted(state.hostResult, stale, sortedFindings(fresh));
 */
export function patchSorted(
  list: SortedFindings,
  drop: ReadonlySet<Finding>,
  add: SortedFindings,
): SortedFindings {
  if (drop.size === 0 && add.findings.length === 0) return list;
  return mergeSorted(list, add, true, drop);
}

/**
 * Two sorted lists merged into one.
 *
 * @param a - One sorted list.
 * @param b - The other.
 * @param withKeys - Whether the result needs its keys (a list to patch later) or only findings.
 * @param drop - Findings of `a` to leave out.
 * @returns A new sorted list of both (new arrays, even when one list is empty).
 * @example
 * mergeSorted(kept, sortedFindings(fresh));
 */
export function mergeSorted(
  a: SortedFindings,
  b: SortedFindings,
  withKeys = true,
  drop?: ReadonlySet<Finding>,
): SortedFindings {
  const findings: Finding[] = [];
  const keys: string[] = [];
  const fa = a.findings;
  const fb = b.findings;
  let j = 0;
  for (let i = 0; i < fa.length; i += 1) {
    const f = fa[i] as Finding;
    if (drop?.has(f)) continue;
    const key = a.keys[i] as string;
    while (j < fb.length && compare(f, key, fb[j] as Finding, b.keys[j] as string) > 0) {
      findings.push(fb[j] as Finding);
      if (withKeys) keys.push(b.keys[j] as string);
      j += 1;
    }
    findings.push(f);
    if (withKeys) keys.push(key);
  }
  for (; j < fb.length; j += 1) {
    findings.push(fb[j] as Finding);
    if (withKeys) keys.push(b.keys[j] as string);
  }
  return { findings, keys };
}

/**
 * The keys of a sorted list by finding, for `sortedFindings` to reuse.
 *
 * @param list - A sorted list.
 * @returns Each finding's key.
 * @example
 * sortedFindings(next, keysOf(last));
 */
export function keysOf(list: SortedFindings): Map<Finding, string> {
  const keys = new Map<Finding, string>();
  list.findings.forEach((finding, i) => {
    keys.set(finding, list.keys[i] as string);
  });
  return keys;
}
