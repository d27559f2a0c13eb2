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
  return summarize(
    [fromSource, fromTarget],
    fromSource.length > 0,
    fromTarget.length > 0,
    serviceOrder(catalogue),
  );
}

/** The summary of a link without flows; shared, as most documents have a few and it never changes. */
const EMPTY: LinkSummary = Object.freeze({
  services: Object.freeze([]),
  forward: false,
  backward: false,
  empty: true,
  flowCount: 0,
  ports: Object.freeze([]),
  dynamic: false,
});

/** Sorts ports and drops repeats, in place (links are summarised by the thousand: no copies). */
function uniquePorts(ports: FlowPort[]): FlowPort[] {
  ports.sort(portOrder);
  let n = 0;
  for (const p of ports) if (n === 0 || !samePort(ports[n - 1]!, p)) ports[n++] = p;
  ports.length = n;
  return ports;
}

function summarize(
  lists: readonly (readonly FlowFacts[])[],
  forward: boolean,
  backward: boolean,
  order: ServiceOrder,
): LinkSummary {
  let flowCount = 0;
  for (const list of lists) flowCount += list.length;
  if (flowCount === 0) return EMPTY;
  // A link has a handful of service classes and ports: arrays beat sets and maps here.
  const services: ServiceId[] = [];
  const tcp: FlowPort[] = [];
  const udp: FlowPort[] = [];
  let dynamic = false;
  for (const list of lists) {
    for (const f of list) {
      const own = f.services;
      if (own.length === 0) {
        if (!services.includes(f.service)) services.push(f.service);
      } else for (const id of own) if (!services.includes(id)) services.push(id);
      (f.protocol === 'TCP' ? tcp : udp).push(f.port);
      if (f.dynamic) dynamic = true;
    }
  }
  // Ties (classes the catalogue does not list) by id: the order never depends on the flows' order.
  services.sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99) || (a < b ? -1 : a > b ? 1 : 0));
  const ports: { protocol: Protocol; ports: FlowPort[] }[] = [];
  if (tcp.length > 0) ports.push({ protocol: 'TCP', ports: uniquePorts(tcp) });
  if (udp.length > 0) ports.push({ protocol: 'UDP', ports: uniquePorts(udp) });
  return { services, forward, backward, empty: false, flowCount, ports, dynamic };
}

/** Summarises the engine's per-link flows for one catalogue (see {@link createLinkSummarizer}). */
export interface LinkSummarizer {
  /**
   * The summary of a link whose source opens `fromSource` and whose target opens `fromTarget`.
   * The same object for the same two lists: links between alike hosts share one summary.
   */
  of(fromSource: readonly FlowFacts[], fromTarget: readonly FlowFacts[]): LinkSummary;
}

/**
 * Makes a summarizer for one catalogue. The engine shares its flow lists between every link
 * joining alike hosts, so a summary is made once per pair of lists, not once per link; lists are
 * never changed once made, and a summary is dropped with its lists.
 *
 * @param catalogue - Gives the order of the service classes.
 * @returns A summarizer whose cache belongs to `catalogue` alone.
 * @example
 * const summarizer = createLinkSummarizer(catalogue);
 * summarizer.of(linkFlows.ab, linkFlows.ba) === summarizeFlows(linkFlows.ab, linkFlows.ba, catalogue); // false, but equal
 */
export function createLinkSummarizer(catalogue: Catalogue): LinkSummarizer {
  const order = serviceOrder(catalogue);
  const made = new WeakMap<readonly FlowFacts[], WeakMap<readonly FlowFacts[], LinkSummary>>();
  return {
    of(fromSource, fromTarget) {
      let bySecond = made.get(fromSource);
      if (!bySecond) {
        bySecond = new WeakMap();
        made.set(fromSource, bySecond);
      }
      let summary = bySecond.get(fromTarget);
      if (!summary) {
        summary = summarize([fromSource, fromTarget], fromSource.length > 0, fromTarget.length > 0, order);
        bySecond.set(fromTarget, summary);
      }
      return summary;
    },
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
  let forward = false;
  let backward = false;
  for (const f of flows) {
    const initiator = f.initiator;
    if (initiator === link.source) forward = true;
    else if (initiator === link.target) backward = true;
    if (forward && backward) break;
  }
  return summarize([flows], forward, backward, order);
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
