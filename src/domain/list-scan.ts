/**
 * Scans of two versions of a document's lists (hosts, links), as an edit's patches make them. They
 * compare with `Object.is`: for the same object it answers without reading the object, where `===`
 * must first rule out NaN and so reads every element's type from memory (over the 408,408 links of
 * a 100,000-host estate, 7–26 ms against about 1 ms). Any scan of a whole list by identity should
 * compare this way.
 */

/**
 * Whether `list` starts with every entry of `prefix`, the same objects in the same order.
 *
 * @param list - The longer (or equal) list.
 * @param prefix - The list it should extend.
 * @returns True when `list[i]` is `prefix[i]` for every index of `prefix`.
 * @example
 * startsWith([...links, link], links); // true
 */
export function startsWith<T>(list: readonly T[], prefix: readonly T[]): boolean {
  if (list.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i += 1) if (!Object.is(list[i], prefix[i])) return false;
  return true;
}

/**
 * The positions where two lists of the same length hold different objects, up to a limit.
 *
 * @param next - The list now.
 * @param last - The list before, as long as `next`.
 * @param limit - The most positions wanted.
 * @returns The positions in order, or undefined when more than `limit` differ.
 * @example
 * changedAt(hosts.with(3, moved), hosts, 10); // [3]
 */
export function changedAt<T>(next: readonly T[], last: readonly T[], limit: number): number[] | undefined {
  const at: number[] = [];
  for (let i = 0; i < next.length; i += 1) {
    if (Object.is(next[i], last[i])) continue;
    if (at.length === limit) return undefined;
    at.push(i);
  }
  return at;
}
