import type { Link, Settings } from '../document';
import type { Flow } from '../flow';
import type { Deriver } from './deriver';
import { type FlowPlan, planFlowAt, writePlan } from './flow-plan';
import type { LinkFlows } from './link-flows';
import type { PlanBlock } from './plan-block';
import type { Derivation, State } from './state';

/**
 * What a derivation knows of each link, for whatever is made link by link (the canvas's link
 * models): the flows per link as the engine keeps them, and which links the last patch touched.
 */
export interface LinkView {
  /** The deriver that made the derivation: serials count per deriver. */
  readonly deriver: Deriver;
  /** The derivation's number within its deriver. */
  readonly serial: number;
  /** The serial of the derivation this one patched, or -1 when it was derived from scratch. */
  readonly base: number;
  /**
   * Positions (in `links`) of the links the patch derived anew or added, each once, when `base` is
   * not -1; every other link kept its flows. A link's ends and the links before it stayed the same.
   */
  readonly touched: readonly number[];
  /** The links derived, in document order. */
  readonly links: readonly Link[];
  /** The settings they were derived under. */
  readonly settings: Settings;
  /**
   * The flows across link `i`, per direction; undefined for a link whose host pair an earlier link
   * already joins, a self-link and a link to a missing host (those carry no flow of their own).
   */
  flowsAt(i: number): LinkFlows | undefined;
}

/**
 * A derivation that knows the deriver that made it, so `deriveFlows` can hand the next call to it.
 * It holds its flows as a plan, and writes them as a list only when something reads them all
 * (`flows`): the first screen of the matrix reads a few by position (`flowAt`), and the compact
 * columns read the plan's blocks (`blocks`).
 */
export class Result implements Derivation {
  readonly #deriver: Deriver;
  readonly #state: State;
  readonly #serial: number;
  readonly #base: number;
  readonly #touched: readonly number[];
  #flows: readonly Flow[] | undefined;
  readonly #plan: FlowPlan;
  constructor(
    plan: FlowPlan,
    readonly emptyLinks: readonly string[],
    deriver: Deriver,
    state: State,
    serial: number,
    base: number,
    touched: readonly number[],
  ) {
    this.#plan = plan;
    this.#deriver = deriver;
    this.#state = state;
    this.#serial = serial;
    this.#base = base;
    this.#touched = touched;
  }

  /** Every flow, in matrix order: written from the plan on the first read, the same array after. */
  get flows(): readonly Flow[] {
    this.#flows ??= writePlan(this.#plan);
    return this.#flows;
  }

  /** How many flows, without writing them. */
  get flowCount(): number {
    return this.#plan.starts[this.#plan.blocks.length] as number;
  }

  /** Flow number `i` in matrix order: from the list once written, else from its block. */
  flowAt(i: number): Flow | undefined {
    if (this.#flows) return this.#flows[i];
    return planFlowAt(this.#plan, i);
  }

  /** The plan's blocks in matrix order: what is made block by block shares a kept block's part. */
  get blocks(): readonly PlanBlock[] {
    return this.#plan.blocks;
  }

  /** Whether the flows are written as a list (for tests: a first screen should not need them). */
  get written(): boolean {
    return this.#flows !== undefined;
  }

  /** The plan of a result (what a patch of it splices). */
  static planOf(derivation: Derivation): FlowPlan | undefined {
    return #plan in derivation ? derivation.#plan : undefined;
  }

  static deriverOf(derivation: Derivation): Deriver | undefined {
    return #deriver in derivation ? derivation.#deriver : undefined;
  }

  static linkViewOf(derivation: Derivation): LinkView | undefined {
    if (!(#state in derivation)) return undefined;
    const state = derivation.#state;
    // The state is patched forward in place: it describes only its deriver's latest derivation.
    if (state.result !== derivation) return undefined;
    const { perLink } = state;
    return {
      deriver: derivation.#deriver,
      serial: derivation.#serial,
      base: derivation.#base,
      touched: derivation.#touched,
      links: state.links,
      settings: state.settings,
      flowsAt: (i) => perLink[i],
    };
  }
}

/**
 * The deriver that made a derivation, if a deriver made it.
 *
 * @param derivation - A result of `Deriver.derive` or `deriveFlows`, or any other object of that shape.
 * @returns Its deriver, or undefined for a derivation built by hand.
 * @example
 * deriverOf(deriveFlows(document, catalogue))?.catalogue === catalogue; // true
 */
export function deriverOf(derivation: Derivation): Deriver | undefined {
  return Result.deriverOf(derivation);
}

/**
 * The engine's view of a derivation's links, while it is its deriver's latest (a later derive
 * patches the state it reads).
 *
 * @param derivation - A result of `deriveFlows`.
 * @returns The per-link flows and what the last patch touched, or undefined for a derivation built
 *   by hand or one its deriver has since moved on from.
 * @example
 * const view = linkViewOf(derivation);
 * view?.flowsAt(0)?.ab.length; // flows the first link's source opens
 */
export function linkViewOf(derivation: Derivation): LinkView | undefined {
  return Result.linkViewOf(derivation);
}

/** A derivation's flows, read by position without writing them all where the engine planned them. */
export interface FlowList {
  readonly length: number;
  /** Flow number `i` in matrix order (a planned flow is a new object each call). */
  at(i: number): Flow | undefined;
  /** Every flow, in matrix order (the derivation's `flows`). */
  all(): readonly Flow[];
  /**
   * The flows in consecutive blocks, in matrix order. The engine's blocks are its plan's: a block
   * an edit did not touch is the same object in the next derivation, with the same flows.
   */
  blocks(): readonly FlowBlock[];
}

/** A run of consecutive flows in matrix order, made once and never changed. */
export interface FlowBlock {
  readonly length: number;
  /** Its flows, in matrix order: the same array on every call. */
  flows(): readonly Flow[];
}

/** How many flows each block of a written list holds. */
const LIST_BLOCK = 1024;

/** A written list's flows in blocks: new blocks on every call, each a view of a part of the list. */
function listBlocks(flows: readonly Flow[]): FlowBlock[] {
  const blocks: FlowBlock[] = [];
  for (let at = 0; at < flows.length; at += LIST_BLOCK) {
    let part: readonly Flow[] | undefined;
    const from = at;
    const to = Math.min(flows.length, at + LIST_BLOCK);
    blocks.push({ length: to - from, flows: () => (part ??= flows.slice(from, to)) });
  }
  return blocks;
}

/**
 * The flows of a derivation as a list read by position.
 *
 * @param derivation - A result of `deriveFlows`, or a derivation built by hand.
 * @returns Its flows; for the engine's result, none is made until read.
 * @example
 * const list = flowListOf(deriveFlows(document, catalogue));
 * list.at(0)?.id; // the first row's flow, the others not made
 */
export function flowListOf(derivation: Derivation): FlowList {
  if (derivation instanceof Result)
    return {
      length: derivation.flowCount,
      at: (i) => derivation.flowAt(i),
      all: () => derivation.flows,
      blocks: () => derivation.blocks,
    };
  return writtenList(derivation.flows);
}

/**
 * A written list of flows read as a `FlowList`.
 *
 * @param flows - Flows in matrix order.
 * @returns The list; its blocks are new views on every call (nothing to share with another list).
 * @example
 * writtenList(flows).at(0) === flows[0]; // true
 */
export function writtenList(flows: readonly Flow[]): FlowList {
  return { length: flows.length, at: (i) => flows[i], all: () => flows, blocks: () => listBlocks(flows) };
}

/**
 * Whether a derivation's flows are written as a list (always, for one built by hand).
 *
 * @param derivation - A result of `deriveFlows`, or a derivation built by hand.
 * @returns False while the engine's result holds its flows as a plan.
 * @example
 * flowsWritten(deriveFlows(document, catalogue)); // false after a full derivation
 */
export function flowsWritten(derivation: Derivation): boolean {
  return !(derivation instanceof Result) || derivation.written;
}
