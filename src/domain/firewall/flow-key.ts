import { formatPort } from '../flow';
import type { FlowRow } from '../rows';

/** What identifies a flow across derivations: its link, its two hosts, its protocol and port. */
export type FlowKeyParts = Pick<FlowRow, 'linkId' | 'sourceId' | 'targetId' | 'protocol' | 'port'>;

/**
 * A flow's key: the same flow gets the same key in every derivation of the same document (row ids
 * such as F-0001 shift when a flow is added before it). Built from ids, not names, so renaming a
 * host keeps its flows' keys; JSON, so no id can run into the next part.
 *
 * @param row - A matrix row (or anything with its link, host ids, protocol and port).
 * @returns A string unique among the flows of one derivation.
 * @example
 * flowKey(row); // '["l1","mp","site","TCP","443"]'
 */
export function flowKey(row: FlowKeyParts): string {
  return JSON.stringify([row.linkId, row.sourceId, row.targetId, row.protocol, formatPort(row.port)]);
}
