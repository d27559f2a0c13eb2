import { type FlowPort, formatPort, portHigh, portLow } from './flow';
import type { FlowRow } from './rows';

/** An inclusive port interval; a single port has `from === to`. */
export interface PortInterval {
  readonly from: number;
  readonly to: number;
}

/** The ports one protocol needs between two hosts, merged. */
export interface ProtocolPorts {
  readonly protocol: 'TCP' | 'UDP';
  readonly ports: readonly PortInterval[];
}

/**
 * Every permission one host needs on another, consolidated for a firewall change request: one row
 * per (source host, destination host), the ports merged per protocol.
 */
export interface HostPair {
  readonly sourceId: string;
  readonly source: string;
  readonly sourceAddress: string;
  readonly sourceZone: string;
  readonly targetId: string;
  readonly target: string;
  readonly targetAddress: string;
  readonly targetZone: string;
  /** TCP first, then UDP; only protocols that occur. */
  readonly protocols: readonly ProtocolPorts[];
  /** E.g. `TCP 80, 443, 10123; UDP 69`. */
  readonly portsText: string;
  /** Service names in first-seen order. */
  readonly services: readonly string[];
  /** Matrix rule ids (F-0001 …) merged into this pair. */
  readonly ruleIds: readonly string[];
  /** Some flow of the pair opens the RPC dynamic range. */
  readonly highRisk: boolean;
}

const PROTOCOL_ORDER = ['TCP', 'UDP'] as const;

const isPortNumber = (n: number) => Number.isInteger(n) && n >= 0 && n <= 65535;

/**
 * The interval a row's port covers. Rows come from the engine, whose ports are valid; a port
 * that is not (a fraction, beyond 65535, a range running backwards) gives undefined, so a caller
 * keeps it as written instead of merging nonsense.
 *
 * @param port - A single port or a range.
 * @returns `{ from, to }` (`from === to` for a single port), or undefined for an impossible port.
 * @example
 * portInterval({ kind: 'single', port: 443 }); // { from: 443, to: 443 }
 * portInterval({ kind: 'range', from: 49152, to: 65535 }); // { from: 49152, to: 65535 }
 * portInterval({ kind: 'range', from: 1000, to: 999 }); // undefined
 */
export function portInterval(port: FlowPort): PortInterval | undefined {
  const from = portLow(port);
  const to = portHigh(port);
  return isPortNumber(from) && isPortNumber(to) && from <= to ? { from, to } : undefined;
}

/**
 * Merges port intervals: overlapping ones are joined, and so are touching ones when either is a
 * range (135 stays apart from 137, but 49152 and 49153-65535 become 49152-65535). Neighbouring
 * single ports stay listed one by one (`67, 68`), as a change request names them.
 *
 * @param intervals - Intervals in any order, duplicates allowed.
 * @returns New intervals, sorted by their first port, none overlapping.
 * @example
 * mergePorts([{ from: 443, to: 443 }, { from: 80, to: 80 }, { from: 443, to: 443 }]);
 * // [{ from: 80, to: 80 }, { from: 443, to: 443 }]
 */
export function mergePorts(intervals: readonly PortInterval[]): PortInterval[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: PortInterval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last) {
      const overlaps = next.from <= last.to;
      const touches = next.from === last.to + 1 && (last.from !== last.to || next.from !== next.to);
      if (overlaps || touches) {
        out[out.length - 1] = { from: last.from, to: Math.max(last.to, next.to) };
        continue;
      }
    }
    out.push(next);
  }
  return out;
}

/**
 * An interval as a change request writes it.
 *
 * @param interval - A merged interval.
 * @returns `"443"` for one port, `"49152-65535"` for a range.
 * @example
 * formatInterval({ from: 67, to: 68 }); // '67-68'
 */
export function formatInterval(interval: PortInterval): string {
  return interval.from === interval.to ? String(interval.from) : `${interval.from}-${interval.to}`;
}

/**
 * Collects the ports of many flows per protocol and merges them: a firewall rule's port list.
 * Ports that are not valid ports are kept as written, once each, rather than merged into nonsense.
 *
 * @example
 * const ports = new PortCollector();
 * ports.add('TCP', { kind: 'single', port: 443 });
 * ports.merged().text; // 'TCP 443'
 */
export class PortCollector {
  private readonly intervals = new Map<'TCP' | 'UDP', PortInterval[]>();
  private readonly odd = new Map<'TCP' | 'UDP', string[]>();

  add(protocol: 'TCP' | 'UDP', port: FlowPort): void {
    const interval = portInterval(port);
    if (interval) {
      const list = this.intervals.get(protocol) ?? [];
      list.push(interval);
      this.intervals.set(protocol, list);
      return;
    }
    const list = this.odd.get(protocol) ?? [];
    const text = formatPort(port);
    if (!list.includes(text)) list.push(text);
    this.odd.set(protocol, list);
  }

  /** TCP first, then UDP, only protocols that occur; the text as `TCP 80, 443; UDP 67, 68`. */
  merged(): { readonly protocols: ProtocolPorts[]; readonly text: string } {
    const protocols: ProtocolPorts[] = [];
    const texts: string[] = [];
    for (const protocol of PROTOCOL_ORDER) {
      const intervals = this.intervals.get(protocol);
      const odd = this.odd.get(protocol) ?? [];
      if (!intervals && odd.length === 0) continue;
      const ports = mergePorts(intervals ?? []);
      protocols.push({ protocol, ports });
      texts.push(`${protocol} ${[...ports.map(formatInterval), ...odd].join(', ')}`);
    }
    return { protocols, text: texts.join('; ') };
  }
}

interface Accumulator {
  readonly first: FlowRow;
  readonly ports: PortCollector;
  readonly services: string[];
  readonly ruleIds: string[];
  highRisk: boolean;
}

/**
 * Consolidates matrix rows into host pairs, in the order each pair first appears in the matrix.
 * Pure. Pairs are keyed by host id, so two hosts that share a name stay apart.
 *
 * @param rows - Matrix rows (from `flowsToRows`); their ports are read as values.
 * @returns One pair per (source host id, destination host id), ports merged per protocol.
 * @example
 * const pairs = consolidateHostPairs(flowsToRows(flows, document, catalogue));
 * pairs[0].portsText; // 'TCP 80, 443, 10123'
 */
export function consolidateHostPairs(rows: readonly FlowRow[]): HostPair[] {
  const pairs = new Map<string, Accumulator>();
  for (const row of rows) {
    const key = JSON.stringify([row.sourceId, row.targetId]);
    let acc = pairs.get(key);
    if (!acc) {
      acc = { first: row, ports: new PortCollector(), services: [], ruleIds: [], highRisk: false };
      pairs.set(key, acc);
    }
    acc.ports.add(row.protocol, row.port);
    if (!acc.services.includes(row.service)) acc.services.push(row.service);
    acc.ruleIds.push(row.id);
    acc.highRisk ||= row.highRisk;
  }
  return [...pairs.values()].map((acc) => {
    const { protocols, text } = acc.ports.merged();
    const { first } = acc;
    return {
      sourceId: first.sourceId,
      source: first.source,
      sourceAddress: first.sourceAddress,
      sourceZone: first.sourceZone,
      targetId: first.targetId,
      target: first.target,
      targetAddress: first.targetAddress,
      targetZone: first.targetZone,
      protocols,
      portsText: text,
      services: acc.services,
      ruleIds: acc.ruleIds,
      highRisk: acc.highRisk,
    };
  });
}
