import type { Link } from '../document';
import type { Flow } from '../flow';

/** What a flow says apart from its hosts and link: shared by every link between alike hosts. */
export type FlowContent = Omit<Flow, 'initiator' | 'responder' | 'linkId'>;

/**
 * The flows across one link, per direction, each in protocol/port order: `ab` what host `a` opens
 * on `b`, `ba` the reverse. The contents are shared with every link between alike hosts; the flows
 * themselves are made by `writeFlows` when they are laid out, so a link costs one small object here.
 */
export class LinkFlows {
  /** Matrix positions of the two hosts (`a` the link's source, `b` its target), set by the deriver. */
  rankA = 0;
  rankB = 0;
  constructor(
    readonly ab: readonly FlowContent[],
    readonly ba: readonly FlowContent[],
    readonly link: Link,
  ) {}
}

/**
 * The flow contents one end of a link opens across it.
 *
 * @param x - A link's flows.
 * @param rank - The matrix position of one of the link's hosts.
 * @returns `x.ab` when that host is the link's source, else `x.ba`.
 * @example
 * contentsFrom(linkFlows, linkFlows.rankB).length; // flows the target opens on the source
 */
export function contentsFrom(x: LinkFlows, rank: number): readonly FlowContent[] {
  return x.rankA === rank ? x.ab : x.ba;
}

/**
 * Writes the flows one end of a link opens across it into `out`, as views of the shared contents.
 *
 * @param x - A link's flows.
 * @param rank - The matrix position of the initiating host.
 * @param out - The array to write to (preallocated by the caller).
 * @param at - The index of the first flow to write.
 * @returns The index after the last flow written.
 * @example
 * const next = writeFlows(linkFlows, linkFlows.rankA, flows, 0); // flows[0..next) opened by the source
 */
export function writeFlows(x: LinkFlows, rank: number, out: Flow[], at: number): number {
  let n = at;
  if (x.rankA === rank) {
    for (const content of x.ab) out[n++] = new SourceFlow(content, x.link);
  } else {
    for (const content of x.ba) out[n++] = new TargetFlow(content, x.link);
  }
  return n;
}
/**
 * The content a flow shares with the flows of alike links, when the engine made it.
 *
 * @param flow - A derived flow, or one made by hand.
 * @returns The shared content object (the same for every flow of one template entry), else undefined.
 * @example
 * sharedContent(derivation.flows[0]!) === sharedContent(derivation.flows[9]!); // alike links: true
 */
export function sharedContent(flow: Flow): FlowContent | undefined {
  return flow instanceof LinkFlow ? flow.content : undefined;
}

/**
 * A flow as a view of shared content and its link. Links between hosts with the same roles and
 * options (most client groups, say) derive their content once; each flow then costs two fields.
 * `SourceFlow` is opened by the link's source host, `TargetFlow` by its target.
 */
abstract class LinkFlow implements Flow {
  constructor(
    readonly content: FlowContent,
    readonly link: Link,
  ) {}
  abstract readonly initiator: string;
  abstract readonly responder: string;
  get linkId() {
    return this.link.id;
  }
  get protocol() {
    return this.content.protocol;
  }
  get port() {
    return this.content.port;
  }
  get service() {
    return this.content.service;
  }
  get services() {
    return this.content.services;
  }
  get initiatorRoles() {
    return this.content.initiatorRoles;
  }
  get responderRoles() {
    return this.content.responderRoles;
  }
  get sections() {
    return this.content.sections;
  }
  get ruleIds() {
    return this.content.ruleIds;
  }
  get descriptions() {
    return this.content.descriptions;
  }
  get notes() {
    return this.content.notes;
  }
  get configurable() {
    return this.content.configurable;
  }
  get settings() {
    return this.content.settings;
  }
  get dynamic() {
    return this.content.dynamic;
  }
  get bothInitiate() {
    return this.content.bothInitiate;
  }
}

class SourceFlow extends LinkFlow {
  get initiator() {
    return this.link.source;
  }
  get responder() {
    return this.link.target;
  }
}

class TargetFlow extends LinkFlow {
  get initiator() {
    return this.link.target;
  }
  get responder() {
    return this.link.source;
  }
}
