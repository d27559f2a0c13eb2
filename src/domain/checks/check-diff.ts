/** List differences for the incremental checker: what an edit removed and added. */

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
  if (before === after) return { removed: [], added: [], moved: false };
  const n = Math.min(before.length, after.length);
  let p = 0;
  // Object.is, not ===: it does not read the objects (src/domain/list-scan.ts).
  while (p < n && Object.is(before[p], after[p])) p += 1;
  let s = 0;
  while (s < n - p && Object.is(before[before.length - 1 - s], after[after.length - 1 - s])) s += 1;
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
