import type { Link } from '../document';
import type { Flow } from '../flow';
import type { Deriver } from './deriver';
import type { LinkFlows } from './link-flows';
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
  /**
   * The flows across link `i`, per direction; undefined for a link whose host pair an earlier link
   * already joins, a self-link and a link to a missing host (those carry no flow of their own).
   */
  flowsAt(i: number): LinkFlows | undefined;
}

/** A derivation that knows the deriver that made it, so `deriveFlows` can hand the next call to it. */
export class Result implements Derivation {
  readonly #deriver: Deriver;
  readonly #state: State;
  readonly #serial: number;
  readonly #base: number;
  readonly #touched: readonly number[];
  constructor(
    readonly flows: readonly Flow[],
    readonly emptyLinks: readonly string[],
    deriver: Deriver,
    state: State,
    serial: number,
    base: number,
    touched: readonly number[],
  ) {
    this.#deriver = deriver;
    this.#state = state;
    this.#serial = serial;
    this.#base = base;
    this.#touched = touched;
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
