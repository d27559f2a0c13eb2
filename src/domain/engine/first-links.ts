import type { Slot, State } from './state';

/**
 * Files every link of a full derivation: finds each link's ends, lists broken links and
 * self-links as empty, and derives each host pair once, by its first link (later links between
 * the same hosts carry no flows of their own). Links are bucketed by their lower-ranked end with a
 * counting sort on typed arrays, in link order within a bucket, so a repeat is found by one mark
 * per higher-ranked end: no set of host pairs is built.
 *
 * @param state - A fresh state: its slots are set, its rank arrays hold room for every link.
 * @param derive - Derives link `i` between the slots `a` (its source) and `b` (its target).
 * @param places - The links' ends as places in the host list, and the slot of each place: each
 *   end is then read, not looked up by id.
 * @example
 * fileLinks(state, (i, a, b) => deriveHalves(state, i, a, b));
 */
export function fileLinks(
  state: State,
  derive: (i: number, a: Slot, b: Slot) => void,
  places?: { readonly ends: Int32Array; readonly byPlace: readonly Slot[] },
): void {
  const { links, slots, byRank, rankA, rankB, empty } = state;
  const n = byRank.length;
  // Where each bucket starts, then (after filing) where it ends.
  const ends = new Int32Array(n + 1);
  for (let i = 0; i < links.length; i += 1) {
    let a: Slot | undefined;
    let b: Slot | undefined;
    if (places) {
      a = places.byPlace[places.ends[2 * i]!];
      b = places.byPlace[places.ends[2 * i + 1]!];
    } else {
      const link = links[i]!;
      a = slots.get(link.source);
      b = slots.get(link.target);
    }
    if (!a || !b || a === b) {
      empty.add(i);
      rankA[i] = -1;
      continue;
    }
    rankA[i] = a.rank;
    rankB[i] = b.rank;
    ends[Math.min(a.rank, b.rank) + 1]! += 1;
  }
  for (let r = 0; r < n; r += 1) ends[r + 1]! += ends[r]!;
  const order = new Int32Array(ends[n]!);
  for (let i = 0; i < links.length; i += 1) {
    const a = rankA[i]!;
    if (a < 0) continue;
    const b = rankB[i]!;
    order[ends[Math.min(a, b)]!++] = i;
  }
  // The bucket of rank r now spans [ends[r - 1], ends[r]); `seen[h]` is r + 1 once the pair (r, h) is filed.
  const seen = new Int32Array(n);
  let from = 0;
  for (let r = 0; r < n; r += 1) {
    const to = ends[r]!;
    for (let k = from; k < to; k += 1) {
      const i = order[k]!;
      const a = rankA[i]!;
      const b = rankB[i]!;
      const other = a === r ? b : a;
      if (seen[other] === r + 1) continue;
      seen[other] = r + 1;
      derive(i, byRank[a]!, byRank[b]!);
    }
    from = to;
  }
}

/**
 * True when an earlier link of the state already joins the hosts ranked `a` and `b` (a patch's
 * appended link then carries no flows of its own). Scans the host's links when the state's
 * adjacency is built, else the rank arrays of the links before `before` (a few appended links
 * are cheaper to check so than to build the adjacency for).
 *
 * @param state - A deriver's state.
 * @param id - The id of one of the hosts.
 * @param a - One host's rank.
 * @param b - The other host's rank.
 * @param before - The appended link's position in `state.links`.
 * @returns Whether a link before it joins the same hosts.
 * @example
 * if (!joined(state, link.source, a.rank, b.rank, i)) deriveHalves(state, i, a, b);
 */
export function joined(state: State, id: string, a: number, b: number, before: number): boolean {
  const { rankA, rankB, adjacency } = state;
  const same = (j: number) => {
    const x = rankA[j]!;
    const y = rankB[j]!;
    return (x === a && y === b) || (x === b && y === a);
  };
  if (adjacency) {
    for (const j of adjacency.get(id) ?? []) if (same(j)) return true;
    return false;
  }
  for (let j = 0; j < before; j += 1) if (same(j)) return true;
  return false;
}
