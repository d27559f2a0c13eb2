import type { Host, TopologyDocument } from '../document';
import { type FlowPort, formatPort, portLow } from '../flow';
import type { FlowRow } from '../rows';
import { flowKey } from './flow-key';
import { compareByHost, hostNames, targetAddress } from './host-addresses';

/**
 * Why a flow is not tried: UDP has no handshake to wait for, and a target without an FQDN, a
 * single IP or a DNS-like name cannot be reached by name.
 */
export type UntestedReason = 'udp' | 'no-address';

/** One connection an initiating host tries (or notes as untested). */
export interface Probe {
  /** The initiator's and the target's names in the diagram: what the result CSV writes. */
  readonly source: string;
  readonly target: string;
  /** Where to connect: FQDN, IP or a plain host name. */
  readonly address: string | undefined;
  readonly protocol: 'TCP' | 'UDP';
  readonly port: FlowPort;
  /** The port tried: the port, or a range's first port. Undefined when untested. */
  readonly testPort: number | undefined;
  readonly untested?: UntestedReason;
  /** Keys of the flows this connection stands for (one per link that carries it). */
  readonly flowKeys: readonly string[];
}

/** The connections one initiating host tries. */
export interface HostProbes {
  readonly hostId: string;
  readonly host: string;
  /** Name, FQDN and the FQDN's first label, to recognise the host by. */
  readonly names: readonly string[];
  /** In matrix order. */
  readonly probes: readonly Probe[];
}

/**
 * What a connectivity test tries from each host: every flow the host opens, once per target,
 * protocol and port. TCP flows are tried on their port (a range on its first port); UDP flows and
 * targets without a usable address are listed as untested.
 *
 * @param rows - The matrix rows.
 * @param document - The diagram's hosts (names, FQDNs, IPs).
 * @returns One entry per initiating host, in natural name order.
 * @example
 * const [mp] = connectivityProbes(rows, document);
 * mp.probes[0]; // { source: 'P01-MP01', target: 'P01-SITE', address: 'p01-site.corp.example',
 *               //   protocol: 'TCP', testPort: 443, … }
 */
export function connectivityProbes(
  rows: readonly FlowRow[],
  document: Pick<TopologyDocument, 'hosts'>,
): HostProbes[] {
  const hostById = new Map<string, Host>(document.hosts.map((h) => [h.id, h]));
  const byHost = new Map<string, Map<string, Probe & { flowKeys: string[] }>>();
  for (const row of rows) {
    let probes = byHost.get(row.sourceId);
    if (!probes) {
      probes = new Map();
      byHost.set(row.sourceId, probes);
    }
    const slot = JSON.stringify([row.targetId, row.protocol, formatPort(row.port)]);
    const known = probes.get(slot);
    if (known) {
      known.flowKeys.push(flowKey(row));
      continue;
    }
    const target = hostById.get(row.targetId);
    const address = target ? targetAddress(target) : undefined;
    const untested: UntestedReason | undefined =
      row.protocol === 'UDP' ? 'udp' : address === undefined ? 'no-address' : undefined;
    probes.set(slot, {
      source: row.source,
      target: row.target,
      address,
      protocol: row.protocol,
      port: row.port,
      testPort: untested === undefined ? portLow(row.port) : undefined,
      ...(untested === undefined ? {} : { untested }),
      flowKeys: [flowKey(row)],
    });
  }
  const out: HostProbes[] = [];
  for (const [hostId, probes] of byHost) {
    const host = hostById.get(hostId);
    const name = host?.name ?? hostId;
    out.push({ hostId, host: name, names: host ? hostNames(host) : [name], probes: [...probes.values()] });
  }
  return out.sort(compareByHost);
}
