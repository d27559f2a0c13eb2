/** List differences for the incremental checker: what an edit removed and added, merged results. */
import { compareFindings, type Finding } from './finding';

/**
 * Items of `before` not in `after` and of `after` not in `before`, by identity, and whether the
 * items in both changed their order. Cost grows with the stretch between the common start and end.
 *
 * @param before - The last version of a list (hosts, links).
 * @param after - The new version.
 * @returns The removed and added items, and whether kept items moved.
 * @example
 * diff([a, b, c], [a, c, d]); // { removed: [b], added: [d], moved: false }
 */
export function diff<T>(
  before: readonly T[],
  after: readonly T[],
): { removed: T[]; added: T[]; moved: boolean } {
  const n = Math.min(before.length, after.length);
  let p = 0;
  while (p < n && before[p] === after[p]) p += 1;
  let s = 0;
  while (s < n - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s += 1;
  const middle = before.slice(p, before.length - s);
  const old = new Set(middle);
  const added: T[] = [];
  const kept: T[] = [];
  for (let i = p; i < after.length - s; i += 1) {
    const item = after[i] as T;
    if (old.delete(item)) kept.push(item);
    else added.push(item);
  }
  // Kept items in another order than before: compare them with the old middle, removed ones left out.
  let k = 0;
  let moved = false;
  for (const item of middle) {
    if (old.has(item)) continue;
    if (kept[k] !== item) {
      moved = true;
      break;
    }
    k += 1;
  }
  return { removed: [...old], added, moved };
}

/**
 * Merges two lists of findings sorted by `compareFindings`.
 *
 * @param a - One sorted list.
 * @param b - The other.
 * @returns A new sorted list of both.
 * @example
 * mergeFindings(kept, fresh.sort(compareFindings));
 */
export function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (compareFindings(a[i] as Finding, b[j] as Finding) <= 0) out.push(a[i++] as Finding);
    else out.push(b[j++] as Finding);
  }
  while (i < a.length) out.push(a[i++] as Finding);
  while (j < b.length) out.push(b[j++] as Finding);
  return out;
}
