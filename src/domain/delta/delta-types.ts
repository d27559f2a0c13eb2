/**
 * The shapes of a flow delta: what "Compare with..." reads on each side and what it hands to the
 * CSV, the workbook's "Changes" sheet and (later) the canvas. Data only; the exports word it.
 */
import type { Protocol } from '../catalogue-types';
import type { FlowPort } from '../flow';

/**
 * One side's flow as the comparison reads it: a {@link FlowRow} satisfies it, and so does a row
 * read back from one of our workbooks (which has names and addresses, no ids).
 */
export interface DeltaRow {
  /** Initiator host name. */
  readonly source: string;
  /** Responder host name. */
  readonly target: string;
  readonly protocol: Protocol;
  readonly port: FlowPort;
  /** The service's name as the matrix writes it. */
  readonly service: string;
  /** Section anchors of the rules merged into the row. */
  readonly sections: readonly string[];
  /** Host and link ids: only rows derived from a diagram have them. */
  readonly sourceId?: string;
  readonly targetId?: string;
  readonly linkId?: string;
}

/** What happened to a flow between the earlier request and now. */
export type DeltaChange = 'added' | 'removed' | 'changed';

/** The order of {@link DeltaChange} in every list and file. */
export const DELTA_CHANGES: readonly DeltaChange[] = ['added', 'removed', 'changed'];

/**
 * One change. `added` has only after ports, `removed` only before ports, `changed` both: the ports
 * the same hosts, protocol and service open now instead of the earlier ones (ports both sides have
 * count as unchanged and are not listed).
 */
export interface DeltaEntry {
  readonly change: DeltaChange;
  /** The link as host names: initiator and responder (the newer side's spelling when both have it). */
  readonly source: string;
  readonly target: string;
  readonly protocol: Protocol;
  readonly service: string;
  /** Sorted by port; empty for `added`. */
  readonly portsBefore: readonly FlowPort[];
  /** Sorted by port; empty for `removed`. */
  readonly portsAfter: readonly FlowPort[];
  /** Section anchors of the rows involved, first seen first, without repeats. */
  readonly sections: readonly string[];
  /** Ids from the newer side when it has them (else the earlier side's), to find the link on the canvas. */
  readonly sourceId?: string;
  readonly targetId?: string;
  readonly linkId?: string;
}

/** The difference between two sets of flow rows. */
export interface FlowDelta {
  readonly added: readonly DeltaEntry[];
  readonly removed: readonly DeltaEntry[];
  readonly changed: readonly DeltaEntry[];
  /** Flows (hosts, protocol, port) both sides have. */
  readonly unchanged: number;
  /** `names-and-ids` when every row on both sides carried host ids, else `names`. */
  readonly matchedBy: 'names' | 'names-and-ids';
}
