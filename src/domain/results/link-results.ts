/** Test results applied to a document and read per flow and per link. */

import type { FlowResults } from '../document';
import { flowKey } from '../firewall/flow-key';
import type { Flow } from '../flow';
import type { RowOptions } from '../matrix/file-facts';
import type { FlowCheck } from './import-results';

/**
 * The key of a derived flow, the same as its matrix row's (`flowKey`): the initiator is the row's
 * source, the responder its target.
 *
 * @param flow - A flow of a derivation.
 * @returns Its flow key.
 * @example
 * results[flowKeyOf(flow)]; // 'verified' | 'blocked' | undefined
 */
export function flowKeyOf(flow: Flow): string {
  const { linkId, initiator, responder, protocol, port } = flow;
  return flowKey({ linkId, sourceId: initiator, targetId: responder, protocol, port });
}

/**
 * Merges the checks of one import into a document's results: a flow tested again takes the new
 * result, flows the import does not name keep theirs.
 *
 * @param current - The document's results (undefined when none).
 * @param checks - What one result file said, by flow key (`importResults`).
 * @returns New results, or `current` itself when the import changes nothing (no undo step).
 * @example
 * mergeResults({ a: 'blocked' }, new Map([['a', 'verified']])); // { a: 'verified' }
 */
export function mergeResults(
  current: FlowResults | undefined,
  checks: ReadonlyMap<string, FlowCheck>,
): FlowResults | undefined {
  const changed = [...checks].some(([key, state]) => current?.[key] !== state);
  if (!changed) return current;
  return { ...current, ...Object.fromEntries(checks) };
}

/**
 * How many flows a set of checks verified and found blocked.
 *
 * @param checks - Checks by flow key.
 * @returns The two counts.
 * @example
 * countChecks(new Map([['a', 'verified'], ['b', 'blocked']])); // { verified: 1, blocked: 1 }
 */
export function countChecks(checks: ReadonlyMap<string, FlowCheck>): { verified: number; blocked: number } {
  let verified = 0;
  for (const state of checks.values()) if (state === 'verified') verified += 1;
  return { verified, blocked: checks.size - verified };
}

/** What the tests said about one link's flows. */
export interface LinkResult {
  /** `blocked` when any flow was blocked, `verified` when every flow was verified, else undefined. */
  readonly state: FlowCheck | undefined;
  readonly flows: number;
  readonly verified: number;
  /** The link's blocked flows, in derivation order. */
  readonly blocked: readonly Flow[];
}

/**
 * The results of each link that has any, read against the current flows: a result whose flow is
 * no longer derived is not counted (it stays in the document for when the flow comes back).
 *
 * @param flows - The flows of the current derivation.
 * @param results - The document's results.
 * @returns By link id, for links with at least one tested flow.
 * @example
 * linkResults(derivation.flows, document.results).get('l1')?.state; // 'blocked'
 */
export function linkResults(
  flows: readonly Flow[],
  results: FlowResults | undefined,
): ReadonlyMap<string, LinkResult> {
  const out = new Map<string, LinkResult>();
  if (results === undefined) return out;
  const counts = new Map<string, { flows: number; verified: number; blocked: Flow[] }>();
  for (const flow of flows) {
    let entry = counts.get(flow.linkId);
    if (!entry) {
      entry = { flows: 0, verified: 0, blocked: [] };
      counts.set(flow.linkId, entry);
    }
    entry.flows += 1;
    // hasOwn: results come from files and peers; no key may read Object's prototype.
    const key = flowKeyOf(flow);
    const state = Object.hasOwn(results, key) ? results[key] : undefined;
    if (state === 'verified') entry.verified += 1;
    else if (state === 'blocked') entry.blocked.push(flow);
  }
  for (const [linkId, entry] of counts) {
    if (entry.verified === 0 && entry.blocked.length === 0) continue;
    const state =
      entry.blocked.length > 0 ? 'blocked' : entry.verified === entry.flows ? 'verified' : undefined;
    out.set(linkId, { state, ...entry });
  }
  return out;
}

/**
 * The row builder's options for a document's results: its rows' `verified` then says what the
 * test said about each flow.
 *
 * @param results - The document's results (undefined when none).
 * @returns The options `flowsToRows` and the row source take, or undefined when there are none.
 * @example
 * flowsToRows(flows, document, words, rowOptions(document.results));
 */
export function rowOptions(results: FlowResults | undefined): RowOptions | undefined {
  return results === undefined ? undefined : { checks: new Map(Object.entries(results)) };
}
