/**
 * The runs of rows an edit kept: the same objects, in the same order, in the list before and after.
 * An edit re-derives only the flows of the links it touched, so the rows between its changes are
 * copied, not coded again. Each mismatch is bridged by looking ahead in both lists at once until an
 * object of one is seen in the other: the search costs what the edit changed, not the list's length.
 *
 * @param next - The list after the edit.
 * @param last - The list before it.
 * @returns Triples `[at, from, length]`: `next[at + k] === last[from + k]` for k below length, in
 *   increasing `at` and `from`.
 * @example
 * keptRuns([a, x, b, c], [a, b, c]); // [0, 0, 1, 2, 1, 2]
 */
export function keptRuns<T>(next: readonly T[], last: readonly T[]): number[] {
  const n = next.length;
  const m = last.length;
  const runs: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (next[i] === last[j]) {
      let k = 1;
      while (i + k < n && j + k < m && next[i + k] === last[j + k]) k += 1;
      runs.push(i, j, k);
      i += k;
      j += k;
      continue;
    }
    const seenNext = new Map<T, number>();
    const seenLast = new Map<T, number>();
    for (let d = 0; ; d += 1) {
      if (i + d >= n && j + d >= m) {
        i = n;
        break;
      }
      if (i + d < n) {
        const at = seenLast.get(next[i + d]!);
        if (at !== undefined) {
          i += d;
          j = at;
          break;
        }
        seenNext.set(next[i + d]!, i + d);
      }
      if (j + d < m) {
        const at = seenNext.get(last[j + d]!);
        if (at !== undefined) {
          i = at;
          j += d;
          break;
        }
        seenLast.set(last[j + d]!, j + d);
      }
    }
  }
  return runs;
}
