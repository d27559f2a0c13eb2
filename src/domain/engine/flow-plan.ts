import type { Flow } from '../flow';
import { halfLength, type LinkParts, type SegmentChange, writeHalf } from './layout';
import { makeFlow } from './link-flows';
import type { State } from './state';

/**
 * Where a full derivation's flows stand in matrix order, before any flow object is made (issue 18):
 * which link each segment of flows comes from and where it starts. A 100,000-host estate derives
 * 1.2 million flows, and making them all costs a third of the derivation and much of the garbage
 * collection after it, while opening it shows some forty rows. The plan answers "flow number f"
 * with two binary searches; the whole list is written from it when something reads every flow.
 */
export interface FlowPlan {
  /** Link positions (in the state's links), one per segment: each host's run in turn, by the other host's rank. */
  readonly order: Int32Array;
  /** Where each host's run starts in `order`, by rank (one more at the end). */
  readonly runs: Int32Array;
  /** Where each segment's flows start in matrix order (one more at the end: the flow count). */
  readonly starts: Int32Array;
}

/** The other host's rank across link `i`, seen from the host ranked `rank`. */
function otherOf(state: State, i: number, rank: number): number {
  const a = state.rankA[i]!;
  return a === rank ? state.rankB[i]! : a;
}

/**
 * Sorts the link indices `order[from..to)` by the other host's rank, in place. Most hosts have a
 * handful of links: insertion sort needs no work array; a hub (a site server with thousands of
 * links) takes the native sort.
 */
function sortRun(order: Int32Array, from: number, to: number, rank: number, state: State): void {
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

/**
 * Plans every flow of a full derivation in matrix order: one pass counts each host's link halves,
 * a second files the links by initiating host (indices in a typed array), then each host's run is
 * sorted and its segments' starts summed. Where each host's flows start is kept
 * (`state.offsets`), so a patch can find the segments it replaces.
 *
 * @param state - A state whose links' flows are all derived.
 * @returns The plan of every flow, in matrix order.
 * @example
 * const plan = planFlows(state);
 * plan.starts[plan.order.length]; // how many flows
 */
export function planFlows(state: State): FlowPlan {
  const n = state.hosts.length;
  const { perLink, rankA, rankB } = state;
  const runs = new Int32Array(n + 1);
  for (let i = 0; i < perLink.length; i += 1) {
    const x = perLink[i];
    if (x === undefined) continue;
    if (x.ab.length > 0) runs[rankA[i]! + 1]! += 1;
    if (x.ba.length > 0) runs[rankB[i]! + 1]! += 1;
  }
  for (let r = 0; r < n; r += 1) runs[r + 1]! += runs[r]!;
  const order = new Int32Array(runs[n]!);
  const fill = runs.slice(0, n);
  for (let i = 0; i < perLink.length; i += 1) {
    const x = perLink[i];
    if (x === undefined) continue;
    if (x.ab.length > 0) order[fill[rankA[i]!]!++] = i;
    if (x.ba.length > 0) order[fill[rankB[i]!]!++] = i;
  }
  const starts = new Int32Array(order.length + 1);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let r = 0; r < n; r += 1) {
    offsets[r] = at;
    const from = runs[r]!;
    const to = runs[r + 1]!;
    if (to - from > 1) sortRun(order, from, to, r, state);
    for (let s = from; s < to; s += 1) {
      starts[s] = at;
      at += halfLength(state, order[s]!, r);
    }
  }
  starts[order.length] = at;
  offsets[n] = at;
  state.offsets = offsets;
  return { order, runs, starts };
}

/** The last index `k` in `list[0..end)` with `list[k] <= value` (the list ascends). */
function lastAtMost(list: Int32Array, end: number, value: number): number {
  let lo = 0;
  let hi = end;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= value) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Flow number `f` of a plan, made on its own (a new object each call).
 *
 * @param parts - The state the plan was made of, unchanged since.
 * @param plan - The plan.
 * @param f - A position in matrix order.
 * @returns The flow, or undefined past the last one.
 * @example
 * planFlowAt(state, plan, 0)?.initiator; // the first host in matrix order that opens a flow
 */
export function planFlowAt(parts: LinkParts, plan: FlowPlan, f: number): Flow | undefined {
  const { order, runs, starts } = plan;
  const count = order.length;
  if (!(f >= 0 && f < starts[count]!) || !Number.isInteger(f)) return undefined;
  // Empty segments do not occur (only halves with flows are planned): the search finds f's own.
  const s = lastAtMost(starts, count, f);
  const rank = lastAtMost(runs, runs.length - 1, s);
  const i = order[s]!;
  const fromSource = parts.rankA[i] === rank;
  const x = parts.perLink[i]!;
  return makeFlow((fromSource ? x.ab : x.ba)[f - starts[s]!]!, parts.links[i]!, fromSource);
}

/**
 * Every flow of a plan, in matrix order (what `planFlowAt` gives for each position).
 *
 * @param parts - The state the plan was made of, unchanged since.
 * @param plan - The plan.
 * @returns A new array of every flow.
 * @example
 * writePlan(state, plan).length === plan.starts[plan.order.length]; // true
 */
export function writePlan(parts: LinkParts, plan: FlowPlan): Flow[] {
  const { order, runs, starts } = plan;
  const flows = new Array<Flow>(starts[order.length]!);
  let at = 0;
  for (let r = 0; r + 1 < runs.length; r += 1) {
    for (let s = runs[r]!; s < runs[r + 1]!; s += 1) at = writeHalf(parts, order[s]!, r, flows, at);
  }
  return flows;
}

/** Runs of segments longer than this are copied in one move. */
const LONG_RUN = 256;

/**
 * The plan after a patch: the last plan with the changed segments replaced, added or dropped.
 * Each changed segment is found in its host's run by binary search on the other host's rank (a
 * run holds one segment per other host); the rest is copied with its start shifted by what the
 * changes before it added, so the cost is one copy of the segment arrays and a few lookups per
 * change, and no flow is made. Updates `state.offsets`.
 *
 * @param state - The patched state (its `perLink` holds the links' new flows).
 * @param last - The last derivation's plan (left as it was).
 * @param changes - The segments to replace, at most one per rank and other rank.
 * @returns The new plan.
 * @example
 * const plan = splicePlan(state, lastPlan, [{ rank: 3, other: 7, link: 12, before: 0 }]);
 */
export function splicePlan(state: State, last: FlowPlan, changes: SegmentChange[]): FlowPlan {
  changes.sort((x, y) => x.rank - y.rank || x.other - y.other);
  const n = last.runs.length - 1;
  // Where each change's segment is (or would go) in the last order, and its flow count now.
  const at = new Int32Array(changes.length);
  const after = new Int32Array(changes.length);
  let segments = last.order.length;
  for (let c = 0; c < changes.length; c += 1) {
    const { rank, other, link, before } = changes[c]!;
    let lo = last.runs[rank]!;
    let hi = last.runs[rank + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (otherOf(state, last.order[mid]!, rank) < other) lo = mid + 1;
      else hi = mid;
    }
    at[c] = lo;
    after[c] = halfLength(state, link, rank);
    segments += (after[c]! > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
  }
  const order = new Int32Array(segments);
  const starts = new Int32Array(segments + 1);
  const runs = new Int32Array(n + 1);
  let out = 0;
  let shift = 0;
  let from = 0;
  let c = 0;
  // Copies the last plan's segments [from, to) with their starts shifted: a long run in one move
  // (an edit changes a segment or two of 800,000 at 100k), short ones one by one (a view per run
  // would cost more than it saves when many segments change).
  const copy = (to: number) => {
    if (to - from > LONG_RUN) {
      order.set(last.order.subarray(from, to), out);
      if (shift === 0) starts.set(last.starts.subarray(from, to), out);
      else for (let s = from, o = out; s < to; s += 1, o += 1) starts[o] = last.starts[s]! + shift;
      out += to - from;
    } else {
      for (let s = from; s < to; s += 1) {
        order[out] = last.order[s]!;
        starts[out] = last.starts[s]! + shift;
        out += 1;
      }
    }
    from = to;
  };
  for (let r = 0; r < n; r += 1) {
    copy(last.runs[r]!);
    runs[r] = out;
    for (; c < changes.length && changes[c]!.rank === r; c += 1) {
      copy(at[c]!);
      const { link, before } = changes[c]!;
      if (after[c]! > 0) {
        order[out] = link;
        starts[out] = last.starts[from]! + shift;
        out += 1;
      }
      if (before > 0) from += 1;
      shift += after[c]! - before;
    }
  }
  copy(last.order.length);
  runs[n] = out;
  starts[out] = last.starts[last.order.length]! + shift;
  const offsets = new Int32Array(n + 1);
  for (let r = 0; r <= n; r += 1) offsets[r] = starts[runs[r]!]!;
  state.offsets = offsets;
  return { order, runs, starts };
}
