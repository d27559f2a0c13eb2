import type { Flow } from '../flow';
import { halfLength, type SegmentChange } from './layout';
import { BLOCK_RANKS, lastAtMost, makeBlock, type PlanBlock } from './plan-block';
import type { State } from './state';

/**
 * Where a derivation's flows stand in matrix order, before any flow object is made (issue 18). A
 * 100,000-host estate derives 1.2 million flows, and making them all costs a third of the
 * derivation and much of the garbage collection after it, while opening it shows some forty rows.
 * The plan is cut into blocks of consecutive hosts (`PlanBlock`): "flow number f" is two binary
 * searches, the whole list is written block by block when something reads every flow, and a patch
 * rebuilds only the blocks of the hosts whose segments it changed, sharing the rest with the plan
 * before (as does whatever is made block by block from it, such as the matrix's compact columns).
 */
export interface FlowPlan {
  /** The blocks, by rank: block `b` covers ranks `b * BLOCK_RANKS` up to the next block's. */
  readonly blocks: readonly PlanBlock[];
  /** Where each block's flows start in matrix order (one more at the end: the flow count). */
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

/** Where each block's flows start, from the blocks' lengths (one more at the end). */
function blockStarts(blocks: readonly PlanBlock[]): Int32Array {
  const starts = new Int32Array(blocks.length + 1);
  for (let b = 0; b < blocks.length; b += 1) starts[b + 1] = starts[b]! + blocks[b]!.length;
  return starts;
}

/**
 * Plans every flow of a full derivation in matrix order: one pass counts each host's link halves,
 * a second files the links by initiating host (indices in a typed array), then each host's run is
 * sorted, and the runs are cut into blocks of `BLOCK_RANKS` hosts.
 *
 * @param state - A state whose links' flows are all derived.
 * @returns The plan of every flow, in matrix order.
 * @example
 * const plan = planFlows(state);
 * plan.starts[plan.blocks.length]; // how many flows
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
  const blocks: PlanBlock[] = [];
  for (let first = 0; first < n; first += BLOCK_RANKS) {
    const end = Math.min(n, first + BLOCK_RANKS);
    for (let r = first; r < end; r += 1) {
      if (runs[r + 1]! - runs[r]! > 1) sortRun(order, runs[r]!, runs[r + 1]!, r, state);
    }
    const from = runs[first]!;
    const local = runs.slice(first, end + 1);
    for (let r = 0; r < local.length; r += 1) local[r]! -= from;
    blocks.push(makeBlock(state, first, local, order.slice(from, runs[end]!)));
  }
  return { blocks, starts: blockStarts(blocks) };
}

/**
 * Flow number `f` of a plan, made on its own (a new object each call) unless its block's flows
 * are written.
 *
 * @param plan - The plan.
 * @param f - A position in matrix order.
 * @returns The flow, or undefined past the last one.
 * @example
 * planFlowAt(plan, 0)?.initiator; // the first host in matrix order that opens a flow
 */
export function planFlowAt(plan: FlowPlan, f: number): Flow | undefined {
  const { blocks, starts } = plan;
  if (!(f >= 0 && f < starts[blocks.length]!) || !Number.isInteger(f)) return undefined;
  // The last block starting at or before f: an empty block shares its start with the next one.
  const b = lastAtMost(starts, blocks.length, f);
  return blocks[b]!.flowAt(f - starts[b]!);
}

/**
 * Every flow of a plan, in matrix order (what `planFlowAt` gives for each position). Each block
 * writes its flows once: a block an edit kept gives the same flow objects as before.
 *
 * @param plan - The plan.
 * @returns A new array of every flow.
 * @example
 * writePlan(plan).length === plan.starts[plan.blocks.length]; // true
 */
export function writePlan(plan: FlowPlan): Flow[] {
  const { blocks, starts } = plan;
  const flows = new Array<Flow>(starts[blocks.length]!);
  let at = 0;
  for (const block of blocks) {
    const part = block.flows();
    for (let k = 0; k < part.length; k += 1) flows[at++] = part[k]!;
  }
  return flows;
}

/**
 * One block after a patch: each host's run with its changed segments replaced, added or dropped.
 * A changed segment is found in its host's run by the other host's rank (a run holds one segment
 * per other host).
 */
function spliceBlock(state: State, block: PlanBlock, changes: readonly SegmentChange[]): PlanBlock {
  const ranks = block.runs.length - 1;
  const order: number[] = [];
  const runs = new Int32Array(ranks + 1);
  let c = 0;
  for (let r = 0; r < ranks; r += 1) {
    const rank = block.first + r;
    runs[r] = order.length;
    const from = order.length;
    for (let s = block.runs[r]!; s < block.runs[r + 1]!; s += 1) order.push(block.order[s]!);
    for (; c < changes.length && changes[c]!.rank === rank; c += 1) {
      const { other, link, before } = changes[c]!;
      let lo = from;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (otherOf(state, order[mid]!, rank) < other) lo = mid + 1;
        else hi = mid;
      }
      const flows = halfLength(state, link, rank) > 0;
      if (before > 0) {
        if (flows) order[lo] = link;
        else order.splice(lo, 1);
      } else if (flows) order.splice(lo, 0, link);
    }
  }
  runs[ranks] = order.length;
  return makeBlock(state, block.first, runs, Int32Array.from(order));
}

/**
 * The plan after a patch: the blocks of the hosts with changed segments are made anew, every other
 * block is the last plan's own, so the cost is a few blocks and one pass over the block list; no
 * flow is made and no list of the engine is copied.
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
  const blocks = last.blocks.slice();
  for (let c = 0; c < changes.length; ) {
    const b = Math.floor(changes[c]!.rank / BLOCK_RANKS);
    let end = c + 1;
    while (end < changes.length && Math.floor(changes[end]!.rank / BLOCK_RANKS) === b) end += 1;
    blocks[b] = spliceBlock(state, last.blocks[b]!, changes.slice(c, end));
    c = end;
  }
  return { blocks, starts: blockStarts(blocks) };
}
