import type { State } from './state';

/**
 * How a deriver lays its links' flows out in matrix order: initiator rank, then responder rank,
 * then protocol and port. Each host's run holds one segment per link it opens flows across, by the
 * other host's rank; a full derivation plans the runs and a patch replaces the segments of the
 * links it touched (flow-plan.ts).
 */

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
export function halfLength(state: Pick<State, 'perLink' | 'rankA'>, i: number, rank: number): number {
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
