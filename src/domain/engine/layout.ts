import type { Flow } from '../flow';
import { writeFlows } from './link-flows';
import type { State } from './state';

/** What a link's flows are read from: a state's lists, or the ones a derivation kept of them. */
export type LinkParts = Pick<State, 'links' | 'perLink' | 'rankA'>;

/**
 * How a deriver lays its links' flows out in matrix order (initiator rank, then responder rank,
 * then protocol and port) after a patch: by replacing the segments of the links it touched in the
 * last layout and copying the rest. A full derivation plans its flows instead (flow-plan.ts).
 */

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
export function writeHalf(state: LinkParts, i: number, rank: number, out: Flow[], at: number): number {
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
export function halfLength(state: LinkParts, i: number, rank: number): number {
  const x = state.perLink[i];
  if (x === undefined) return 0;
  return state.rankA[i] === rank ? x.ab.length : x.ba.length;
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
