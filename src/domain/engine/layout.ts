import type { Flow } from '../flow';
import { writeFlows } from './link-flows';
import type { State } from './state';

/**
 * How a deriver lays its links' flows out in matrix order (initiator rank, then responder rank,
 * then protocol and port): from scratch, or after a patch by replacing the segments of the links
 * it touched in the last layout and copying the rest.
 */

/** The other host's rank across link `i`, seen from the host ranked `rank`. */
function otherOf(state: State, i: number, rank: number): number {
  const a = state.rankA[i]!;
  return a === rank ? state.rankB[i]! : a;
}

/**
 * Writes the flows the host ranked `rank` opens across link `i` into `out` from `at`.
 *
 * @param state - A state whose link `i` is derived.
 * @param i - The link's position in `state.links`.
 * @param rank - The matrix position of the initiating host (one of the link's ends).
 * @param out - The array to write to.
 * @param at - The index of the first flow to write.
 * @returns The index after the last flow written.
 * @example
 * at = writeHalf(state, i, state.rankA[i], flows, at); // what the link's source opens
 */
export function writeHalf(state: State, i: number, rank: number, out: Flow[], at: number): number {
  const x = state.perLink[i];
  if (x === undefined) return at;
  const fromSource = state.rankA[i] === rank;
  return writeFlows(fromSource ? x.ab : x.ba, state.links[i]!, fromSource, out, at);
}

/**
 * How many flows the host ranked `rank` opens across link `i` (none when the link has no flows).
 *
 * @param state - A deriver's state.
 * @param i - The link's position in `state.links`.
 * @param rank - The matrix position of one of the link's hosts.
 * @returns The length of the link's `ab` when that host is its source, else of its `ba`.
 * @example
 * halfLength(state, i, state.rankB[i]); // flows the target opens on the source
 */
export function halfLength(state: State, i: number, rank: number): number {
  const x = state.perLink[i];
  if (x === undefined) return 0;
  return state.rankA[i] === rank ? x.ab.length : x.ba.length;
}

/**
 * Sorts the link indices `order[from..to)` by the other host's rank, in place. Most hosts have a
 * handful of links: insertion sort needs no work array; a hub (a site server with thousands of
 * links) takes the native sort.
 */
function sortIndices(order: Int32Array, from: number, to: number, rank: number, state: State): void {
  if (to - from > 24) {
    const part = Array.from(order.subarray(from, to)).sort(
      (x, y) => otherOf(state, x, rank) - otherOf(state, y, rank),
    );
    order.set(part, from);
    return;
  }
  for (let i = from + 1; i < to; i += 1) {
    const x = order[i]!;
    const key = otherOf(state, x, rank);
    let j = i - 1;
    while (j >= from && otherOf(state, order[j]!, rank) > key) {
      order[j + 1] = order[j]!;
      j -= 1;
    }
    order[j + 1] = x;
  }
}

/** Writes the flows the host ranked `rank` opens across the links `order[from..to)` into `out` from `at`. */
function writeRun(
  order: Int32Array,
  from: number,
  to: number,
  rank: number,
  state: State,
  out: Flow[],
  at: number,
): number {
  let n = at;
  for (let k = from; k < to; k += 1) n = writeHalf(state, order[k]!, rank, out, n);
  return n;
}

/**
 * Every flow of a full derivation, in matrix order, written straight into the result: one pass
 * counts each host's link halves and flows, a second files the links by initiating host (indices in
 * a typed array), then each host's run is sorted and its flows written. Where each host's flows
 * start is kept (`state.offsets`), so a patch can find the segments it replaces.
 *
 * @param state - A state whose links' flows are all derived.
 * @returns Every flow, in matrix order.
 * @example
 * state.result = result(layOut(state), emptyOf(state));
 */
export function layOut(state: State): Flow[] {
  const n = state.hosts.length;
  const { perLink, rankA, rankB } = state;
  const start = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < perLink.length; i += 1) {
    const x = perLink[i];
    if (x === undefined) continue;
    if (x.ab.length > 0) start[rankA[i]! + 1]! += 1;
    if (x.ba.length > 0) start[rankB[i]! + 1]! += 1;
    total += x.ab.length + x.ba.length;
  }
  for (let r = 0; r < n; r += 1) start[r + 1]! += start[r]!;
  const order = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let i = 0; i < perLink.length; i += 1) {
    const x = perLink[i];
    if (x === undefined) continue;
    if (x.ab.length > 0) order[fill[rankA[i]!]!++] = i;
    if (x.ba.length > 0) order[fill[rankB[i]!]!++] = i;
  }
  const flows = new Array<Flow>(total);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let r = 0; r < n; r += 1) {
    offsets[r] = at;
    const from = start[r]!;
    const to = start[r + 1]!;
    if (to - from > 1) sortIndices(order, from, to, r, state);
    at = writeRun(order, from, to, r, state, flows, at);
  }
  offsets[n] = at;
  state.offsets = offsets;
  return flows;
}

/**
 * One link's segment in one host's run: the flows the host ranked `rank` opens across link `link`
 * to the host ranked `other`, `before` of them in the last layout (the link's flows now are
 * `state.perLink[link]`).
 */
export interface SegmentChange {
  readonly rank: number;
  readonly other: number;
  readonly link: number;
  readonly before: number;
}

/**
 * Every flow after a patch, in matrix order: the last layout with the changed segments replaced.
 * Each changed segment is found in its host's run by binary search on the other host's rank (a
 * run holds one segment per other host, one link per host pair); the flows between changes are
 * copied, so the cost is one copy of the flows list and a few lookups per change. Updates
 * `state.offsets`.
 *
 * @param state - The patched state (its `perLink` holds the links' new flows; `offsets` the last layout's).
 * @param last - The last layout's flows.
 * @param changes - The segments to replace, at most one per rank and other rank.
 * @returns A new array of every flow; `last` is left as it was.
 * @example
 * const flows = spliceRuns(state, prev.result.flows, [{ rank: 3, other: 7, link: 12, before: 2 }]);
 */
export function spliceRuns(state: State, last: readonly Flow[], changes: SegmentChange[]): Flow[] {
  const { offsets, slots } = state;
  const n = state.hosts.length;
  changes.sort((x, y) => x.rank - y.rank || x.other - y.other);
  const rankOf = (flow: Flow) => slots.get(flow.responder)!.rank;
  // Where each segment starts in `last`, and how many flows it has now.
  const starts = new Int32Array(changes.length);
  const after = new Int32Array(changes.length);
  let total = last.length;
  for (let c = 0; c < changes.length; c += 1) {
    const { rank, other, link, before } = changes[c]!;
    let lo = offsets[rank]!;
    let hi = offsets[rank + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rankOf(last[mid]!) < other) lo = mid + 1;
      else hi = mid;
    }
    starts[c] = lo;
    after[c] = halfLength(state, link, rank);
    total += after[c]! - before;
  }
  const flows = new Array<Flow>(total);
  let from = 0;
  let at = 0;
  for (let c = 0; c < changes.length; c += 1) {
    const to = starts[c]!;
    for (let k = from; k < to; k += 1) flows[at++] = last[k]!;
    at = writeHalf(state, changes[c]!.link, changes[c]!.rank, flows, at);
    from = to + changes[c]!.before;
  }
  for (let k = from; k < last.length; k += 1) flows[at++] = last[k]!;
  // Runs after a changed one move by what the changes before them added.
  let shift = 0;
  let c = 0;
  for (let r = 0; r <= n; r += 1) {
    offsets[r]! += shift;
    while (c < changes.length && changes[c]!.rank === r) {
      shift += after[c]! - changes[c]!.before;
      c += 1;
    }
  }
  return flows;
}
