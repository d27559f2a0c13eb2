import type { Host, TopologyDocument } from '../document';
import { comparePorts, type FlowPort, formatPort } from '../flow';
import type { FlowRow } from '../rows';
import { stableHash } from '../stable-hash';
import { flowKey } from './flow-key';
import { compareByHost, hostNames, remoteAddresses, type ZoneWithCidrs } from './host-addresses';

/** Every rule a script creates sits in this group, followed by the diagram's name. */
export const FIREWALL_GROUP_PREFIX = 'ConfigMgr Port Planner: ';

/** One inbound allow rule on the answering host: a protocol and port, opened to its initiators. */
export interface InboundRule {
  /** `CMPP-` and a hash of the group, host id, protocol and port: stable between exports. */
  readonly name: string;
  readonly protocol: 'TCP' | 'UDP';
  readonly port: FlowPort;
  /** The initiators' IPs, or their zones' CIDRs, sorted, without repeats; empty: create no rule. */
  readonly remoteAddresses: readonly string[];
  /** Names of the initiators, in matrix order. */
  readonly initiators: readonly string[];
  /** Initiators with neither a valid IP nor a zone CIDR: left out of the rule, with a warning. */
  readonly unplaced: readonly string[];
  /** Service names of the merged flows, without repeats. */
  readonly services: readonly string[];
  /** Section anchors of the merged flows, without repeats. */
  readonly sections: readonly string[];
  /** Keys ({@link flowKey}) of the flows the rule allows. */
  readonly flowKeys: readonly string[];
}

/** The rules one host needs, and the names a script recognises the host by. */
export interface HostInboundRules {
  readonly hostId: string;
  /** The host's name in the diagram. */
  readonly host: string;
  /** Name, FQDN, and the FQDN's first label ({@link hostNames}). */
  readonly names: readonly string[];
  /** Sorted by protocol, then port. */
  readonly rules: readonly InboundRule[];
}

interface Draft {
  readonly protocol: 'TCP' | 'UDP';
  readonly port: FlowPort;
  readonly addresses: Set<string>;
  readonly initiators: string[];
  readonly unplaced: string[];
  readonly services: string[];
  readonly sections: string[];
  readonly flowKeys: string[];
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/**
 * The firewall group of a diagram's rules. The firewall cmdlets take `-Group` as a wildcard
 * pattern, so `*`, `?`, brackets and the backtick become `-`: a diagram named `*` must not match,
 * and remove, every other diagram's rules.
 *
 * @param diagramName - The document's name.
 * @returns `ConfigMgr Port Planner: <name>`, the name on one line, without wildcard characters.
 * @example
 * firewallGroup('Standalone primary site'); // 'ConfigMgr Port Planner: Standalone primary site'
 * firewallGroup('Site [*]'); // 'ConfigMgr Port Planner: Site ---'
 */
export function firewallGroup(diagramName: string): string {
  return `${FIREWALL_GROUP_PREFIX}${diagramName
    .replace(/\s+/g, ' ')
    .replace(/[*?[\]`]/g, '-')
    .trim()}`;
}

/**
 * Which inbound rules each host needs: one per protocol and port the host answers, opened to the
 * addresses of every host that initiates it (flows of several links and initiators merge). A flow
 * both sides may open appears once per direction in the rows, so both hosts get their rule.
 *
 * @param rows - The matrix rows (`flowsToRows`).
 * @param document - The diagram's name, hosts and zones (zones may carry `cidrs`).
 * @returns One entry per answering host, in natural name order, with its rules.
 * @example
 * const [dp] = inboundRules(rows, document);
 * dp.rules[0]; // { name: 'CMPP-…', protocol: 'TCP', port: { kind: 'single', port: 443 },
 *              //   remoteAddresses: ['10.1.0.10'], initiators: ['P01-SITE'], … }
 */
export function inboundRules(
  rows: readonly FlowRow[],
  document: Pick<TopologyDocument, 'name' | 'hosts' | 'zones'>,
): HostInboundRules[] {
  const hostById = new Map<string, Host>(document.hosts.map((h) => [h.id, h]));
  const zoneById = new Map<string, ZoneWithCidrs>(document.zones.map((z) => [z.id, z]));
  const byHost = new Map<string, Map<string, Draft>>();
  for (const row of rows) {
    let drafts = byHost.get(row.targetId);
    if (!drafts) {
      drafts = new Map();
      byHost.set(row.targetId, drafts);
    }
    const slot = `${row.protocol} ${formatPort(row.port)}`;
    let draft = drafts.get(slot);
    if (!draft) {
      draft = {
        protocol: row.protocol,
        port: row.port,
        addresses: new Set(),
        initiators: [],
        unplaced: [],
        services: [],
        sections: [],
        flowKeys: [],
      };
      drafts.set(slot, draft);
    }
    const initiator = hostById.get(row.sourceId);
    const addresses = initiator ? remoteAddresses(initiator, zoneById) : [];
    for (const a of addresses) draft.addresses.add(a);
    addOnce(draft.initiators, row.source);
    if (addresses.length === 0) addOnce(draft.unplaced, row.source);
    addOnce(draft.services, row.service);
    for (const s of row.sections) addOnce(draft.sections, s);
    draft.flowKeys.push(flowKey(row));
  }
  const group = firewallGroup(document.name);
  const out: HostInboundRules[] = [];
  for (const [hostId, drafts] of byHost) {
    const host = hostById.get(hostId);
    const name = host?.name ?? hostId;
    const taken = new Set<string>();
    const rules = [...drafts.values()]
      .sort((a, b) => a.protocol.localeCompare(b.protocol) || comparePorts(a.port, b.port))
      .map((d): InboundRule => {
        const base = `CMPP-${stableHash(`${group}\n${hostId}\n${d.protocol}\n${formatPort(d.port)}`)}`;
        // Two slots of one host hashing alike is unlikely, but New-NetFirewallRule refuses a name twice.
        let ruleName = base;
        for (let n = 2; taken.has(ruleName); n += 1) ruleName = `${base}-${n}`;
        taken.add(ruleName);
        return {
          name: ruleName,
          protocol: d.protocol,
          port: d.port,
          remoteAddresses: [...d.addresses].sort(),
          initiators: d.initiators,
          unplaced: d.unplaced,
          services: d.services,
          sections: d.sections,
          flowKeys: d.flowKeys,
        };
      });
    out.push({ hostId, host: name, names: host ? hostNames(host) : [name], rules });
  }
  return out.sort(compareByHost);
}
