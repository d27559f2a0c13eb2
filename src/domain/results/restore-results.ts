/** Restore of a document's connectivity test results (`TopologyDocument.results`). */

import type { FlowResults } from '../document';
import { type Message, message } from '../message';
import { ID_PATTERN, isObject, own } from '../restore-values';

/** Longest flow key kept: three ids of at most 128 characters, a protocol and a port, quoted. */
const KEY_LIMIT = 512;
const PORT_TEXT = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** A flow key's parts, as `flowKey` writes them. */
export interface FlowKeyFields {
  readonly linkId: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly protocol: 'TCP' | 'UDP';
  /** The port as text: `443` or `49152-65535`. */
  readonly port: string;
}

function portOk(text: string): boolean {
  const m = PORT_TEXT.exec(text);
  if (!m) return false;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  // The canonical form only: no leading zeros, a range from low to high.
  const canonical = m[2] === undefined ? String(from) : `${from}-${to}`;
  return from >= 1 && to <= 65535 && (m[2] === undefined || from < to) && canonical === text;
}

/**
 * Reads a flow key back into its parts; anything `flowKey` cannot have written is refused, so a
 * key from a file or a peer is checked before it is kept.
 *
 * @param key - A key as stored in `results` (any text).
 * @returns The key's link, hosts, protocol and port, or undefined when it is not a flow key.
 * @example
 * parseFlowKey('["l1","mp","site","TCP","443"]'); // { linkId: 'l1', sourceId: 'mp', …, port: '443' }
 * parseFlowKey('443'); // undefined
 */
export function parseFlowKey(key: string): FlowKeyFields | undefined {
  if (key.length > KEY_LIMIT || !key.startsWith('[')) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(key);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || parts.length !== 5 || !parts.every((p) => typeof p === 'string'))
    return undefined;
  const [linkId, sourceId, targetId, protocol, port] = parts as string[];
  if (![linkId, sourceId, targetId].every((id) => ID_PATTERN.test(id ?? ''))) return undefined;
  if ((protocol !== 'TCP' && protocol !== 'UDP') || !portOk(port ?? '')) return undefined;
  // Written as flowKey writes it (no spaces, no escapes): one flow, one key.
  if (JSON.stringify(parts) !== key) return undefined;
  return {
    linkId: linkId ?? '',
    sourceId: sourceId ?? '',
    targetId: targetId ?? '',
    protocol,
    port: port ?? '',
  };
}

/**
 * Restores the test results of a document: keys that are not flow keys and values that are
 * neither `verified` nor `blocked` are dropped, one report line for each kind. Results of flows
 * the document no longer derives are kept: they come back when the flow does.
 *
 * @param value - the `results` object as read (already within the caps of limits.ts)
 * @param problems - report lines are appended here
 * @returns the results, or undefined when there are none (an empty object is not kept)
 * @example
 * restoreResults({ '["l1","a","b","TCP","443"]': 'blocked', x: 'open' }, problems);
 * // { '["l1","a","b","TCP","443"]': 'blocked' }, and problems gets one line about `x`
 */
export function restoreResults(value: unknown, problems: Message[]): FlowResults | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    problems.push(message('restore:results.notObject'));
    return undefined;
  }
  const results: Record<string, 'verified' | 'blocked'> = {};
  let badKeys = 0;
  let badValues = 0;
  for (const key of Object.keys(value)) {
    const state = own(value, key);
    if (parseFlowKey(key) === undefined) badKeys += 1;
    else if (state !== 'verified' && state !== 'blocked') badValues += 1;
    else results[key] = state;
  }
  if (badKeys > 0) problems.push(message('restore:results.badKeys', { count: badKeys }));
  if (badValues > 0) problems.push(message('restore:results.badValues', { count: badValues }));
  return Object.keys(results).length > 0 ? results : undefined;
}
