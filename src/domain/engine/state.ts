import type { Host, Link, Settings } from '../document';
import type { Flow } from '../flow';
import type { LinkPlaces } from '../link-places';
import type { RuleIndex } from '../rule-index';
import type { SlotsById } from './slots';
import type { Template } from './templates';

/** What the engine reads of a document: never positions, so moving a host never re-derives. */
export interface DerivationInput {
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  readonly settings: Settings;
  /** Where the links' ends are in `hosts`, when known for these lists (a full derivation reads them). */
  readonly places?: LinkPlaces | null | undefined;
}

/** The flows of a topology, as `deriveFlows` returns them. */
export interface Derivation {
  /** Every flow, ordered by initiator name, responder name, protocol and port. */
  readonly flows: readonly Flow[];
  /** Ids of links that carry no flow at all (the hosts' roles share no rule in force), in link order. */
  readonly emptyLinks: readonly string[];
}

/** A host and its place in the matrix order (by name, numeric-aware, then id). */
export interface Slot {
  host: Host;
  readonly rank: number;
  /** The host's signature (roles and the options rules read) and its number in `State.kinds`. */
  sig: string;
  kind: number;
}

/** A host signature, as the first host that had it spelt it (alike hosts share the string), and its number. */
export interface Kind {
  readonly sig: string;
  readonly number: number;
}

/**
 * What a deriver's last derivation built, so the next one can redo only what changed. Every field
 * describes exactly `hosts`, `links` and `settings` of that derivation.
 */
export interface State {
  hosts: readonly Host[];
  links: readonly Link[];
  settings: Settings;
  index: RuleIndex;
  /** Each host and its matrix position, by id: one lookup per link end whose place is not known. */
  slots: SlotsById;
  /** The slots in matrix order (`byRank[slot.rank] === slot`). */
  byRank: Slot[];
  /** Host signatures numbered, so a link finds its flow template by two indices. */
  kinds: Map<string, Kind>;
  /** Flow templates by the kinds of a link's two hosts, for this state's settings and rule index. */
  grid: (Template | undefined)[][];
  /**
   * The links each host takes part in (one per host pair; repeats carry the same flows). Built on
   * the first patch only, so a full derivation does not pay for it.
   */
  adjacency?: Map<string, number[]>;
  /**
   * The flows of each link, by its position in `links` (a template shared by alike links, `ab`
   * opened by the link's source); none for repeats and broken links.
   */
  perLink: (Template | undefined)[];
  /**
   * Matrix positions of each link's source (`rankA`) and target (`rankB`), by its position in
   * `links`; set where `perLink` is. Typed arrays with room to spare (see {@link roomFor}).
   */
  rankA: Int32Array;
  rankB: Int32Array;
  /** Positions (in `links`) of the links without flows: broken, self-links and hosts sharing no rule. */
  empty: Set<number>;
  result: Derivation;
}

/**
 * Files link `i` under the host `id` in an adjacency map.
 *
 * @param adjacency - Link positions by host id.
 * @param id - A host id.
 * @param i - The link's position in the state's links.
 * @example
 * addAdjacent(state.adjacency, link.source, i);
 */
export function addAdjacent(adjacency: Map<string, number[]>, id: string, i: number): void {
  const list = adjacency.get(id);
  if (list) list.push(i);
  else adjacency.set(id, [i]);
}

/**
 * The links of each host (one per host pair), built from the state's links on first use.
 *
 * @param state - A deriver's state.
 * @returns Link positions by host id, kept on the state.
 * @example
 * for (const i of adjacencyOf(state).get(host.id) ?? []) rederive(i);
 */
export function adjacencyOf(state: State): Map<string, number[]> {
  if (!state.adjacency) {
    const adjacency = new Map<string, number[]>();
    for (let i = 0; i < state.perLink.length; i += 1) {
      if (state.perLink[i] === undefined) continue;
      const link = state.links[i]!;
      addAdjacent(adjacency, link.source, i);
      addAdjacent(adjacency, link.target, i);
    }
    state.adjacency = adjacency;
  }
  return state.adjacency;
}

/**
 * Ids of the state's empty links, in link order.
 *
 * @param state - A deriver's state.
 * @returns Ids of links without flows (broken, self-links and hosts sharing no rule).
 * @example
 * emptyOf(state); // ['l7']
 */
export function emptyOf(state: State): string[] {
  if (state.empty.size === 0) return [];
  const at = Int32Array.from(state.empty).sort();
  return Array.from(at, (i) => state.links[i]!.id);
}

/**
 * The empty links after a patch: the last list when no link changed emptiness, with the appended
 * empty links after it when only those did, else listed afresh.
 */
export function emptyAfter(
  state: State,
  last: Derivation,
  emptied: boolean,
  before: number,
  appendFrom: number,
): readonly string[] {
  if (emptied) return emptyOf(state);
  if (state.empty.size === before) return last.emptyLinks;
  const added: string[] = [];
  for (let i = appendFrom; i < state.links.length; i += 1)
    if (state.empty.has(i)) added.push(state.links[i]!.id);
  return last.emptyLinks.concat(added);
}

/**
 * Makes room in the state's rank arrays for `n` links, doubling them when they are too short.
 *
 * @param state - A deriver's state.
 * @param n - How many links the arrays must hold.
 * @example
 * roomFor(state, state.links.length); // before appending links
 */
export function roomFor(state: State, n: number): void {
  if (state.rankA.length >= n) return;
  const size = Math.max(n, 2 * state.rankA.length);
  const a = new Int32Array(size);
  const b = new Int32Array(size);
  a.set(state.rankA);
  b.set(state.rankB);
  state.rankA = a;
  state.rankB = b;
}
