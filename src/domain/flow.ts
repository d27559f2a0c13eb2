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

export function formatPort(port: FlowPort): string {
  return port.kind === 'single' ? String(port.port) : `${port.from}-${port.to}`;
}

/** Orders ports by their first number, so 80 < 443 < 8530 < 49152-65535. */
export function comparePorts(a: FlowPort, b: FlowPort): number {
  return portLow(a) - portLow(b) || portHigh(a) - portHigh(b);
}

export function portLow(p: FlowPort): number {
  return p.kind === 'single' ? p.port : p.from;
}

export function portHigh(p: FlowPort): number {
  return p.kind === 'single' ? p.port : p.to;
}

export function samePort(a: FlowPort, b: FlowPort): boolean {
  return portLow(a) === portLow(b) && portHigh(a) === portHigh(b) && a.kind === b.kind;
}
