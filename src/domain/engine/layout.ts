import type { Flow } from '../flow';
import { contentsFrom, type LinkFlows, writeFlows } from './link-flows';
import { adjacencyOf, type State } from './state';

/**
 * How a deriver lays its links' flows out in matrix order (initiator rank, then responder rank,
 * then protocol and port), from scratch or host by host after a patch.
 */

/**
 * Rebuilds the flows a host initiates after a patch: its share of every link, by the other host's rank.
 *
 * @param state - The state being patched (its links' flows are up to date).
 * @param hostId - A host whose links changed.
 * @example
 * for (const id of dirty) rebuildBucket(state, id);
 */
export function rebuildBucket(state: State, hostId: string): void {
  const r = state.slots.get(hostId)?.rank ?? 0;
  const { perLink } = state;
  const own = (adjacencyOf(state).get(hostId) ?? []).filter((i) => {
    const x = perLink[i];
    return x !== undefined && contentsFrom(x, r).length > 0;
  });
  if (own.length === 0) {
    bucketsOf(state)[r] = undefined;
    return;
  }
  const order = Int32Array.from(own);
  sortIndices(order, 0, order.length, r, perLink);
  let total = 0;
  for (const i of order) total += contentsFrom(perLink[i]!, r).length;
  const flows = new Array<Flow>(total);
  writeRun(order, 0, order.length, r, perLink, flows, 0);
  bucketsOf(state)[r] = flows;
}

/** The other host's rank across link `i`, seen from the host ranked `rank`. */
function otherOf(perLink: readonly (LinkFlows | undefined)[], i: number, rank: number): number {
  const x = perLink[i]!;
  return x.rankA === rank ? x.rankB : x.rankA;
}

/**
 * Sorts the link indices `order[from..to)` by the other host's rank, in place. Most hosts have a
 * handful of links: insertion sort needs no work array; a hub (a site server with thousands of
 * links) takes the native sort.
 */
function sortIndices(
  order: Int32Array,
  from: number,
  to: number,
  rank: number,
  perLink: readonly (LinkFlows | undefined)[],
): void {
  if (to - from > 24) {
    const part = Array.from(order.subarray(from, to)).sort(
      (x, y) => otherOf(perLink, x, rank) - otherOf(perLink, y, rank),
    );
    order.set(part, from);
    return;
  }
  for (let i = from + 1; i < to; i += 1) {
    const x = order[i]!;
    const key = otherOf(perLink, x, rank);
    let j = i - 1;
    while (j >= from && otherOf(perLink, order[j]!, rank) > key) {
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
  perLink: readonly (LinkFlows | undefined)[],
  out: Flow[],
  at: number,
): number {
  let n = at;
  for (let k = from; k < to; k += 1) n = writeFlows(perLink[order[k]!]!, rank, out, n);
  return n;
}

/**
 * Every flow of a full derivation, in matrix order, written straight into the result: one pass
 * counts each host's link halves and flows, a second files the links by initiating host (indices in
 * a typed array), then each host's run is sorted and its flows written. Where each host's flows
 * start is kept, so the first patch can cut them into per-host buckets.
 *
 * @param state - A state whose links' flows are all derived.
 * @returns Every flow, in matrix order.
 * @example
 * state.result = result(layOut(state), emptyOf(state));
 */
export function layOut(state: State): Flow[] {
  const n = state.hosts.length;
  const { perLink } = state;
  const start = new Int32Array(n + 1);
  let total = 0;
  for (const x of perLink) {
    if (x === undefined) continue;
    if (x.ab.length > 0) start[x.rankA + 1]! += 1;
    if (x.ba.length > 0) start[x.rankB + 1]! += 1;
    total += x.ab.length + x.ba.length;
  }
  for (let r = 0; r < n; r += 1) start[r + 1]! += start[r]!;
  const order = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let i = 0; i < perLink.length; i += 1) {
    const x = perLink[i];
    if (x === undefined) continue;
    if (x.ab.length > 0) order[fill[x.rankA]!++] = i;
    if (x.ba.length > 0) order[fill[x.rankB]!++] = i;
  }
  const flows = new Array<Flow>(total);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let r = 0; r < n; r += 1) {
    offsets[r] = at;
    const from = start[r]!;
    const to = start[r + 1]!;
    if (to - from > 1) sortIndices(order, from, to, r, perLink);
    at = writeRun(order, from, to, r, perLink, flows, at);
  }
  offsets[n] = at;
  state.offsets = offsets;
  return flows;
}

/** Per-host buckets, cut from the full derivation's result on the first patch. */
function bucketsOf(state: State): (readonly Flow[] | undefined)[] {
  if (!state.buckets) {
    const { flows } = state.result;
    const offsets = state.offsets!;
    const buckets = new Array<readonly Flow[] | undefined>(state.hosts.length);
    for (let r = 0; r < state.hosts.length; r += 1) {
      if (offsets[r + 1]! > offsets[r]!) buckets[r] = flows.slice(offsets[r], offsets[r + 1]);
    }
    state.buckets = buckets;
  }
  return state.buckets;
}

/**
 * Every flow of a patched state, in matrix order: the per-host buckets, one after another.
 *
 * @param state - A state whose buckets are up to date.
 * @returns A new array of the state's flows.
 * @example
 * const flows = assembleBuckets(state); // after rebuildBucket for each changed host
 */
export function assembleBuckets(state: State): Flow[] {
  const buckets = bucketsOf(state);
  let total = 0;
  for (const bucket of buckets) if (bucket) total += bucket.length;
  const flows: Flow[] = new Array(total);
  let i = 0;
  for (const bucket of buckets) {
    if (!bucket) continue;
    for (const flow of bucket) flows[i++] = flow;
  }
  return flows;
}
