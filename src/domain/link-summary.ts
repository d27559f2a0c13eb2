import type { Catalogue, Protocol, ServiceId } from './catalogue-types';
import type { Link } from './document';
import { comparePorts, type Flow, type FlowPort, samePort } from './flow';

/** What a link carries, in short: the one summary the canvas and the link inspector show. */
export interface LinkSummary {
  /** Service classes of the link's flows (every merged rule's), each once, in catalogue order. */
  readonly services: readonly ServiceId[];
  /** The link's source host opens at least one flow. */
  readonly forward: boolean;
  /** The link's target host opens at least one flow. */
  readonly backward: boolean;
  /** No flow crosses the link (the hosts' roles share no rule in force). */
  readonly empty: boolean;
  readonly flowCount: number;
  /** Ports per protocol (TCP, then UDP; a protocol without ports is left out), each once, sorted. */
  readonly ports: readonly { readonly protocol: Protocol; readonly ports: readonly FlowPort[] }[];
  /** Some flow uses RPC's dynamic range (note 6). */
  readonly dynamic: boolean;
}

/** What the summary reads of a flow: the engine's shared flow contents have these too. */
export type FlowFacts = Pick<Flow, 'protocol' | 'port' | 'service' | 'services' | 'dynamic'>;

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP'];

/** Service classes by catalogue position; made once per call, as a call may summarise every link. */
type ServiceOrder = ReadonlyMap<ServiceId, number>;

function serviceOrder(catalogue: Catalogue): ServiceOrder {
  return new Map(catalogue.services.map((s, i) => [s.id, i]));
}

/** A single port before a range with the same numbers, so equal ports end up side by side. */
function portOrder(a: FlowPort, b: FlowPort): number {
  return comparePorts(a, b) || (a.kind === b.kind ? 0 : a.kind === 'single' ? -1 : 1);
}

/**
 * Summarises the flows across one link, given per direction (as the engine keeps them).
 *
 * @param fromSource - Flows the link's source host opens.
 * @param fromTarget - Flows the link's target host opens.
 * @param catalogue - Gives the order of the service classes.
 * @returns The link's summary; ports stay {@link FlowPort} values (text is made where it is shown).
 * @example
 * const s = summarizeFlows(linkFlows.ab, linkFlows.ba, catalogue);
 * s.forward; // true when the source opens something
 */
export function summarizeFlows(
  fromSource: readonly FlowFacts[],
  fromTarget: readonly FlowFacts[],
  catalogue: Catalogue,
): LinkSummary {
  return summarize(fromSource, fromTarget, serviceOrder(catalogue));
}

function summarize(
  fromSource: readonly FlowFacts[],
  fromTarget: readonly FlowFacts[],
  order: ServiceOrder,
): LinkSummary {
  const serviceIds = new Set<ServiceId>();
  const byProtocol = new Map<Protocol, FlowPort[]>();
  let dynamic = false;
  for (const list of [fromSource, fromTarget]) {
    for (const f of list) {
      for (const s of f.services.length > 0 ? f.services : [f.service]) serviceIds.add(s);
      const ports = byProtocol.get(f.protocol);
      if (ports) ports.push(f.port);
      else byProtocol.set(f.protocol, [f.port]);
      if (f.dynamic) dynamic = true;
    }
  }
  const ports: { protocol: Protocol; ports: FlowPort[] }[] = [];
  for (const protocol of PROTOCOLS) {
    const all = byProtocol.get(protocol);
    if (!all) continue;
    all.sort(portOrder);
    ports.push({ protocol, ports: all.filter((p, i) => i === 0 || !samePort(all[i - 1]!, p)) });
  }
  const flowCount = fromSource.length + fromTarget.length;
  return {
    services: [...serviceIds].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99)),
    forward: fromSource.length > 0,
    backward: fromTarget.length > 0,
    empty: flowCount === 0,
    flowCount,
    ports,
    dynamic,
  };
}

/**
 * Summarises one link from its flows.
 *
 * @param link - The link (its two ends tell the directions apart).
 * @param flows - The link's flows (as `deriveFlows` returns them, filtered to this link).
 * @param catalogue - Gives the order of the service classes.
 * @returns Services, directions, ports and counts of the link.
 * @example
 * const own = deriveFlows(document, catalogue).flows.filter((f) => f.linkId === link.id);
 * summarizeLink(link, own, catalogue).ports; // [{ protocol: 'TCP', ports: [{ kind: 'single', port: 80 }, …] }]
 */
export function summarizeLink(
  link: Pick<Link, 'source' | 'target'>,
  flows: readonly Flow[],
  catalogue: Catalogue,
): LinkSummary {
  return summarizeOwn(link, flows, serviceOrder(catalogue));
}

function summarizeOwn(
  link: Pick<Link, 'source' | 'target'>,
  flows: readonly Flow[],
  order: ServiceOrder,
): LinkSummary {
  const fromSource: Flow[] = [];
  const fromTarget: Flow[] = [];
  for (const f of flows) {
    if (f.initiator === link.source) fromSource.push(f);
    else if (f.initiator === link.target) fromTarget.push(f);
  }
  return summarize(fromSource, fromTarget, order);
}

/**
 * Summarises every link from a derivation's flows in one pass.
 *
 * @param links - The document's links.
 * @param flows - Every derived flow.
 * @param catalogue - Gives the order of the service classes.
 * @returns A summary per link id (an empty one for a link without flows).
 * @example
 * const { flows } = deriveFlows(document, catalogue);
 * linkSummaries(document.links, flows, catalogue).get('l1')?.empty; // false
 */
export function linkSummaries(
  links: readonly Link[],
  flows: readonly Flow[],
  catalogue: Catalogue,
): ReadonlyMap<string, LinkSummary> {
  const byLink = new Map<string, Flow[]>();
  for (const flow of flows) {
    const list = byLink.get(flow.linkId);
    if (list) list.push(flow);
    else byLink.set(flow.linkId, [flow]);
  }
  const order = serviceOrder(catalogue);
  const out = new Map<string, LinkSummary>();
  for (const link of links) out.set(link.id, summarizeOwn(link, byLink.get(link.id) ?? [], order));
  return out;
}
