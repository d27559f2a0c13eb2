import type { Link } from '../document';
import type { Flow } from '../flow';
import { type FlowContent, makeFlow, writeFlows } from './link-flows';
import type { State } from './state';

/**
 * How many hosts (consecutive ranks) one block of a plan covers. An edit rebuilds the blocks of the
 * hosts whose segments it changed and shares the others, so its cost follows the block size and
 * the block count, not the flow count: at 100,000 hosts a block holds some 500 segments and 750
 * flows, and there are 1,560 blocks.
 */
export const BLOCK_RANKS = 64;

/** The last index `k` in `list[0..end)` with `list[k] <= value` (the list ascends). */
export function lastAtMost(list: Int32Array, end: number, value: number): number {
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
 * The flows of `BLOCK_RANKS` consecutive hosts in matrix order, before any is made: each host's
 * run of segments (one per link it opens flows across, by the other host's rank), and what each
 * segment's flows are made of. It holds the contents and links themselves, not positions in the
 * engine's lists, so it stays true after later patches and a patch copies none of those lists.
 * It never changes once made; its flows are written on the first read and kept.
 */
export class PlanBlock {
  #flows: Flow[] | undefined;
  constructor(
    /** The rank of its first host. */
    readonly first: number,
    /** Where each of its hosts' runs starts in `order` (one more at the end). */
    readonly runs: Int32Array,
    /** The link position (in the state's links) of each segment. */
    readonly order: Int32Array,
    /** Where each segment's flows start within the block (one more at the end: the flow count). */
    readonly starts: Int32Array,
    /** Each segment's contents, in protocol/port order. */
    readonly halves: readonly (readonly FlowContent[])[],
    /** Each segment's link. */
    readonly links: readonly Link[],
    /** Each segment: 1 when its host is the link's source. */
    readonly fromSource: Uint8Array,
  ) {}

  /** How many flows the block holds. */
  get length(): number {
    return this.starts[this.order.length]!;
  }

  /** Flow number `k` of the block: from its written flows if read, else made on its own. */
  flowAt(k: number): Flow {
    if (this.#flows) return this.#flows[k]!;
    const s = lastAtMost(this.starts, this.order.length, k);
    return makeFlow(this.halves[s]![k - this.starts[s]!]!, this.links[s]!, this.fromSource[s] === 1);
  }

  /** Every flow of the block in matrix order: written on the first call, the same array after. */
  flows(): readonly Flow[] {
    if (!this.#flows) {
      const out = new Array<Flow>(this.length);
      let at = 0;
      for (let s = 0; s < this.order.length; s += 1) {
        at = writeFlows(this.halves[s]!, this.links[s]!, this.fromSource[s] === 1, out, at);
      }
      this.#flows = out;
    }
    return this.#flows;
  }
}

/**
 * Makes a block from its hosts' runs, reading each segment's contents from the state as it is now.
 * Only halves with flows may be listed (an empty segment is never planned).
 *
 * @param state - A state whose listed links are derived.
 * @param first - The rank of the block's first host.
 * @param runs - Where each host's run starts in `order` (one more at the end), from 0.
 * @param order - The links of each run in turn, by the other host's rank.
 * @returns The block.
 * @example
 * const block = makeBlock(state, 0, Int32Array.of(0, 1), Int32Array.of(12));
 */
export function makeBlock(state: State, first: number, runs: Int32Array, order: Int32Array): PlanBlock {
  const count = order.length;
  const starts = new Int32Array(count + 1);
  const halves = new Array<readonly FlowContent[]>(count);
  const links = new Array<Link>(count);
  const fromSource = new Uint8Array(count);
  let at = 0;
  for (let r = 0; r + 1 < runs.length; r += 1) {
    const rank = first + r;
    for (let s = runs[r]!; s < runs[r + 1]!; s += 1) {
      const i = order[s]!;
      const x = state.perLink[i]!;
      const source = state.rankA[i] === rank;
      const half = source ? x.ab : x.ba;
      starts[s] = at;
      halves[s] = half;
      links[s] = state.links[i]!;
      fromSource[s] = source ? 1 : 0;
      at += half.length;
    }
  }
  starts[count] = at;
  return new PlanBlock(first, runs, order, starts, halves, links, fromSource);
}
