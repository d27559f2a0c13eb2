import type { Link } from '../document';
import type { Flow } from '../flow';

/** What a flow says apart from its hosts and link: shared by every link between alike hosts. */
export type FlowContent = Omit<Flow, 'initiator' | 'responder' | 'linkId'>;

/**
 * The flow contents across one link (or between two kinds of host), per direction, each in
 * protocol/port order: `ab` what the link's source opens on its target, `ba` the reverse. The same
 * object serves every link between alike hosts; the flows themselves are made by `writeFlows` when
 * they are laid out, so a link costs no object of its own.
 */
export interface LinkFlows {
  readonly ab: readonly FlowContent[];
  readonly ba: readonly FlowContent[];
}

/**
 * Writes the flows one end of a link opens across it into `out`, as views of the shared contents.
 *
 * @param contents - The contents that end opens (`ab` for the source, `ba` for the target).
 * @param link - The link.
 * @param fromSource - True when the link's source opens them.
 * @param out - The array to write to (preallocated by the caller).
 * @param at - The index of the first flow to write.
 * @returns The index after the last flow written.
 * @example
 * const next = writeFlows(template.ab, link, true, flows, 0); // flows[0..next) opened by the source
 */
export function writeFlows(
  contents: readonly FlowContent[],
  link: Link,
  fromSource: boolean,
  out: Flow[],
  at: number,
): number {
  let n = at;
  if (fromSource) {
    for (let k = 0; k < contents.length; k += 1) out[n++] = new SourceFlow(contents[k]!, link);
  } else {
    for (let k = 0; k < contents.length; k += 1) out[n++] = new TargetFlow(contents[k]!, link);
  }
  return n;
}

/**
 * One flow of a link, as a view of the shared content.
 *
 * @param content - What the flow says apart from its hosts and link.
 * @param link - The link it crosses.
 * @param fromSource - True when the link's source opens it.
 * @returns The flow.
 * @example
 * makeFlow(template.ab[0]!, link, true).initiator === link.source; // true
 */
export function makeFlow(content: FlowContent, link: Link, fromSource: boolean): Flow {
  return fromSource ? new SourceFlow(content, link) : new TargetFlow(content, link);
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
