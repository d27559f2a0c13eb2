import type { Protocol, RoleId, ServiceId } from './catalogue-types';

/** A port a flow opens: one port, or a range (a fixed range, or the configured RPC dynamic range). */
export type FlowPort =
  | { readonly kind: 'single'; readonly port: number }
  | { readonly kind: 'range'; readonly from: number; readonly to: number };

/**
 * One permission a firewall must grant: the initiator opens `protocol`/`port` on the responder.
 * Flows from several rules with the same hosts, protocol and port are merged into one.
 */
export interface Flow {
  readonly linkId: string;
  readonly initiator: string;
  readonly responder: string;
  readonly protocol: Protocol;
  readonly port: FlowPort;
  /** Service class of the first rule (by catalogue order); decides the colour. */
  readonly service: ServiceId;
  /** Every service class of the merged rules. */
  readonly services: readonly ServiceId[];
  /** Roles on the initiator that cause the flow. */
  readonly initiatorRoles: readonly RoleId[];
  /** Roles on the responder that cause the flow. */
  readonly responderRoles: readonly RoleId[];
  /** Section anchors of every rule merged here. */
  readonly sections: readonly string[];
  readonly ruleIds: readonly string[];
  readonly descriptions: readonly string[];
  readonly notes: readonly number[];
  /** An administrator can change this port (note 2, WSUS, ranges). */
  readonly configurable: boolean;
  /** Setting keys that decided the port. */
  readonly settings: readonly string[];
  /** The port came from RPC's dynamic range (note 6): a wide opening, high risk. */
  readonly dynamic: boolean;
  /** Both hosts may open this connection (a `< -- >` rule in force in both directions). */
  readonly bothInitiate: boolean;
}

/**
 * A port as text, the way every written form shows it: the number, or `lo-hi` for a range. Call
 * it where text is written (cells, labels); rows and flows keep the {@link FlowPort} value.
 *
 * @param port - The port of a flow or matrix row.
 * @returns `"443"` for a single port, `"49152-65535"` for a range.
 * @example
 * formatPort({ kind: 'range', from: 49152, to: 65535 }); // '49152-65535'
 */
export function formatPort(port: FlowPort): string {
  return port.kind === 'single' ? String(port.port) : `${port.from}-${port.to}`;
}

/**
 * Orders ports by their first number, then their last, so 80 < 443 < 8530 < 49152-65535 and a
 * single port comes before a range that starts with it.
 *
 * @param a - One port.
 * @param b - The other port.
 * @returns A negative number when `a` sorts first, positive when `b` does, 0 when both cover the
 *   same numbers (as `Array.prototype.sort` wants).
 * @example
 * [{ kind: 'single', port: 443 }, { kind: 'single', port: 80 }].sort(comparePorts); // 80, then 443
 */
export function comparePorts(a: FlowPort, b: FlowPort): number {
  return portLow(a) - portLow(b) || portHigh(a) - portHigh(b);
}

/**
 * The lowest port number a port covers.
 *
 * @param p - A single port or a range.
 * @returns The port itself, or the range's first port.
 * @example
 * portLow({ kind: 'range', from: 1024, to: 5000 }); // 1024
 */
export function portLow(p: FlowPort): number {
  return p.kind === 'single' ? p.port : p.from;
}

/**
 * The highest port number a port covers.
 *
 * @param p - A single port or a range.
 * @returns The port itself, or the range's last port.
 * @example
 * portHigh({ kind: 'range', from: 1024, to: 5000 }); // 5000
 */
export function portHigh(p: FlowPort): number {
  return p.kind === 'single' ? p.port : p.to;
}

/**
 * True when two ports are the same port or the same range (a one-port range is not a single
 * port: the catalogue wrote them differently, and merged flows keep that apart).
 *
 * @param a - One port.
 * @param b - The other port.
 * @returns Whether both have the same kind and the same numbers.
 * @example
 * samePort({ kind: 'single', port: 80 }, { kind: 'single', port: 80 }); // true
 * samePort({ kind: 'single', port: 80 }, { kind: 'range', from: 80, to: 80 }); // false
 */
export function samePort(a: FlowPort, b: FlowPort): boolean {
  return portLow(a) === portLow(b) && portHigh(a) === portHigh(b) && a.kind === b.kind;
}
