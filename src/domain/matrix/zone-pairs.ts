import { PortCollector, type ProtocolPorts } from '../host-pairs';
import type { FlowRow } from '../rows';

/**
 * What a firewall between two zones must let through: one row per source zone and destination
 * zone, the ports of every crossing flow merged per protocol.
 */
export interface ZonePair {
  /** The zone ids ('' for a host in no zone); with the names as the rows write them. */
  readonly sourceZoneId: string;
  readonly sourceZone: string;
  readonly sourceZoneCidrs: readonly string[];
  readonly targetZoneId: string;
  readonly targetZone: string;
  readonly targetZoneCidrs: readonly string[];
  /** TCP first, then UDP; only protocols that occur. */
  readonly protocols: readonly ProtocolPorts[];
  /** E.g. `TCP 80, 443, 49152-65535; UDP 67, 68`. */
  readonly portsText: string;
  /** Service names in first-seen order. */
  readonly services: readonly string[];
  /** How many matrix rows the pair merges. */
  readonly flows: number;
  /** Some flow of the pair opens the RPC dynamic range. */
  readonly highRisk: boolean;
}

interface Accumulator {
  readonly first: FlowRow;
  readonly ports: PortCollector;
  readonly services: string[];
  flows: number;
  highRisk: boolean;
}

/**
 * Consolidates the matrix rows that cross a zone boundary into zone pairs. A flow between two
 * hosts of no zone is left out: it may cross a firewall, but no zone pair can name it (the matrix
 * marks it as crossing, zone unknown). A host in no zone on one side is kept, with an empty zone.
 *
 * @param rows - Matrix rows (from `flowsToRows`); ports are read as values.
 * @returns One pair per (source zone, destination zone), sorted by the zones' names (no zone first).
 * @example
 * const pairs = consolidateZonePairs(flowsToRows(flows, document, words));
 * pairs[0]; // { sourceZone: 'Clients', targetZone: 'Datacenter', portsText: 'TCP 80, 443; UDP 67, 68', … }
 */
export function consolidateZonePairs(rows: readonly FlowRow[]): ZonePair[] {
  const pairs = new Map<string, Accumulator>();
  for (const row of rows) {
    if (!row.crossesZone || (row.sourceZoneId === '' && row.targetZoneId === '')) continue;
    let acc = pairs.get(row.zonePair);
    if (!acc) {
      acc = { first: row, ports: new PortCollector(), services: [], flows: 0, highRisk: false };
      pairs.set(row.zonePair, acc);
    }
    acc.ports.add(row.protocol, row.port);
    if (!acc.services.includes(row.service)) acc.services.push(row.service);
    acc.flows += 1;
    acc.highRisk ||= row.highRisk;
  }
  return [...pairs.values()].map(toPair).sort(byNames);
}

function toPair(acc: Accumulator): ZonePair {
  const { protocols, text } = acc.ports.merged();
  const { first } = acc;
  return {
    sourceZoneId: first.sourceZoneId,
    sourceZone: first.sourceZone,
    sourceZoneCidrs: first.sourceZoneCidrs,
    targetZoneId: first.targetZoneId,
    targetZone: first.targetZone,
    targetZoneCidrs: first.targetZoneCidrs,
    protocols,
    portsText: text,
    services: acc.services,
    flows: acc.flows,
    highRisk: acc.highRisk,
  };
}

function byNames(a: ZonePair, b: ZonePair): number {
  return (
    a.sourceZone.localeCompare(b.sourceZone) ||
    a.targetZone.localeCompare(b.targetZone) ||
    a.sourceZoneId.localeCompare(b.sourceZoneId) ||
    a.targetZoneId.localeCompare(b.targetZoneId)
  );
}
