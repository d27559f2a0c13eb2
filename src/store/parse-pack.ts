/**
 * The shape a restored document travels in from the parse worker to the page (issue 18). Posted as
 * it is, a 100,000-host document is a million objects and two million strings that the page's
 * thread must rebuild one by one (structured clone); packed, the links are one text of ids and
 * the hosts' places in a typed array (their ids are the hosts' own strings again on the page), the
 * layout is a typed array of coordinates in host order, the hosts are columns (host-pack.ts; JSON
 * text when they are not as restore makes them) and the report lines JSON text, which the page
 * reads faster than a structured clone of the same objects.
 */
import type { Link, TopologyDocument } from '@/domain/document';
import type { HostOrders } from '@/domain/host-orders';
import type { Message } from '@/domain/message';
import type { RestoreResult } from '@/domain/restore';
import { type PackedHosts, packHosts } from './host-pack';

/** A document's restored links, packed by {@link packLinks}. */
export interface PackedLinks {
  /** The link ids, one per line (an id has no line break). */
  readonly linkIds: string;
  /** Each link's source and target, as places in the host list. */
  readonly ends: Int32Array;
  /** The links with a label: place and label. */
  readonly labels: readonly (readonly [number, string])[];
  /** The places of the links an import inferred. */
  readonly inferred: readonly number[];
}

/** A restored document, packed by {@link packResult}. */
export interface PackedDocument extends PackedLinks {
  /** The document's keys in their order, so the page rebuilds it key for key. */
  readonly keys: readonly string[];
  /** Everything but hosts, links and layout (small), as structured clone carries it. */
  readonly rest: Readonly<Record<string, unknown>>;
  /**
   * The hosts as columns, or as JSON text when they are not as restore makes them; null when they
   * went ahead of the result (parse-split.ts), for {@link unpackResult} to be given unpacked.
   */
  readonly hosts: PackedHosts | string | null;
  /** x and y of each host, in host order. */
  readonly positions: Float64Array;
  /** The hosts' places in the matrix's and the checks' order, when worked out with them. */
  readonly orders?: HostOrders;
}

/** A restore result as the worker posts it: the document packed, the report lines as JSON text. */
export type PackedResult =
  | {
      readonly ok: true;
      readonly packed: PackedDocument;
      readonly problems: string;
      readonly migratedFrom?: number;
    }
  | { readonly ok: false; readonly error: Message };

const LINK_KEYS = new Set(['id', 'source', 'target', 'label', 'inferred']);

/** Each link's source and target as places in the host list, looked up by id. */
function endsOf(document: TopologyDocument): Int32Array | undefined {
  const { hosts, links } = document;
  const place = new Map<string, number>();
  for (let i = 0; i < hosts.length; i += 1) place.set((hosts[i] as TopologyDocument['hosts'][number]).id, i);
  const ends = new Int32Array(links.length * 2);
  for (let i = 0; i < links.length; i += 1) {
    const link = links[i] as Link;
    const from = place.get(link.source);
    const to = place.get(link.target);
    if (from === undefined || to === undefined) return undefined;
    ends[2 * i] = from;
    ends[2 * i + 1] = to;
  }
  return ends;
}

/**
 * A document's links packed, or undefined when one is not as restore makes links (a line break in
 * its id, another field, `inferred` other than true).
 *
 * @param links - the restored links
 * @param ends - the places of their ends in the host list (2 per link)
 * @returns the packed links
 * @example packLinks([{ id: 'l1', source: 'a', target: 'b' }], Int32Array.of(0, 1))
 */
export function packLinks(links: readonly Link[], ends: Int32Array): PackedLinks | undefined {
  const ids: string[] = [];
  const labels: [number, string][] = [];
  const inferred: number[] = [];
  for (let i = 0; i < links.length; i += 1) {
    const link = links[i] as Link;
    if (link.id.includes('\n')) return undefined;
    for (const key in link) if (!LINK_KEYS.has(key)) return undefined;
    ids.push(link.id);
    if (link.label !== undefined) labels.push([i, link.label]);
    if (link.inferred === true) inferred.push(i);
    else if (link.inferred !== undefined) return undefined;
  }
  return { linkIds: ids.join('\n'), ends, labels, inferred };
}

/**
 * Whether a position has own fields x then y and nothing else, as restore makes positions (a loop
 * over its keys: no list of keys nor text made for each of 100,000 positions).
 */
function isXY(p: object): boolean {
  let n = 0;
  for (const key in p) {
    if (key !== (n === 0 ? 'x' : 'y') || !Object.hasOwn(p, key)) return false;
    n += 1;
  }
  return n === 2;
}

/** A packed document but its links. */
export type PackedBody = Omit<PackedDocument, keyof PackedLinks>;

/**
 * x and y of each host in host order, or undefined when the layout is not as restore makes
 * layouts (a host without a position, a position of other fields).
 *
 * @param hosts - a restored document's hosts
 * @param layout - its layout
 * @example positionsOf(document.hosts, document.layout)
 */
export function positionsOf(
  hosts: TopologyDocument['hosts'],
  layout: TopologyDocument['layout'],
): Float64Array | undefined {
  // Restore gives every host a position, made in host order.
  if (Object.keys(layout).length !== hosts.length) return undefined;
  const positions = new Float64Array(hosts.length * 2);
  for (let i = 0; i < hosts.length; i += 1) {
    const id = (hosts[i] as TopologyDocument['hosts'][number]).id;
    const p = Object.hasOwn(layout, id) ? layout[id] : undefined;
    if (p === undefined || !isXY(p)) return undefined;
    positions[2 * i] = p.x;
    positions[2 * i + 1] = p.y;
  }
  return positions;
}

/**
 * The hosts and the rest of a document packed: all of it but its links and positions.
 *
 * @param document - a restored document (its links and layout are not read)
 * @example { ...packHostsAndRest(document), positions }
 */
export function packHostsAndRest(document: TopologyDocument): Omit<PackedBody, 'positions'> {
  const rest: Record<string, unknown> = { ...document };
  delete rest.hosts;
  delete rest.links;
  delete rest.layout;
  const { hosts } = document;
  return { keys: Object.keys(document), rest, hosts: packHosts(hosts) ?? JSON.stringify(hosts) };
}

/**
 * Everything of a document but its links packed, or undefined when it is not as restore makes
 * documents (a host without a position, a position of other fields).
 *
 * @param document - a restored document (its links are not read)
 * @returns the packed hosts, layout and the rest
 * @example packBody(document)?.positions
 */
export function packBody(document: TopologyDocument): PackedBody | undefined {
  const positions = positionsOf(document.hosts, document.layout);
  return positions && { ...packHostsAndRest(document), positions };
}

/** The packed document, or undefined when it is not as restore makes documents (then it goes as it is). */
function packDocument(
  document: TopologyDocument,
  linkEnds: Int32Array | undefined,
): PackedDocument | undefined {
  const { links } = document;
  const ends = linkEnds?.length === links.length * 2 ? linkEnds : endsOf(document);
  const linkPart = ends && packLinks(links, ends);
  const body = linkPart && packBody(document);
  return body && { ...body, ...linkPart };
}

/**
 * Packs a restore result for posting, with the buffers to transfer (not copy). A document not made
 * by restore (a link to a missing host, extra fields) is not packed: the result goes as it is.
 *
 * @param result - what `readDocumentText` gave
 * @param linkEnds - the places of the links' ends, as `readDocumentTextWithEnds` gives them beside
 *   the result (each end is looked up by id without them); they are transferred, so not read after
 * @returns the message's result and its transferable buffers
 * @example
 * const { result: packed, transfer } = packResult(result);
 * postMessage({ type: 'packed', result: packed }, transfer);
 */
export function packResult(
  result: RestoreResult,
  linkEnds?: Int32Array,
): {
  result: PackedResult | RestoreResult;
  transfer: ArrayBuffer[];
} {
  if (!result.ok) return { result, transfer: [] };
  const packed = packDocument(result.document, linkEnds);
  if (!packed) return { result, transfer: [] };
  return packedMessage(packed, result.problems, result.migratedFrom);
}

/**
 * A packed document as the worker posts it, with the buffers to transfer.
 *
 * @param packed - the document, packed
 * @param problems - restore's report lines
 * @param migratedFrom - the version it was migrated from, if it was
 * @returns the message's result and its transferable buffers
 * @example packedMessage(packDocument(document, ends)!, [])
 */
export function packedMessage(
  packed: PackedDocument,
  problems: readonly Message[],
  migratedFrom?: number,
): { result: PackedResult; transfer: ArrayBuffer[] } {
  const transfer = [packed.ends.buffer as ArrayBuffer, packed.positions.buffer as ArrayBuffer];
  if (packed.hosts !== null && typeof packed.hosts !== 'string') {
    const { shapes, roleAt, optionAt, at } = packed.hosts;
    transfer.push(shapes.buffer as ArrayBuffer, roleAt.buffer as ArrayBuffer, optionAt.buffer as ArrayBuffer);
    if (at) transfer.push(at.buffer as ArrayBuffer);
  }
  if (packed.orders)
    transfer.push(packed.orders.matrix.buffer as ArrayBuffer, packed.orders.names.buffer as ArrayBuffer);
  return {
    result: {
      ok: true,
      packed,
      problems: JSON.stringify(problems),
      ...(migratedFrom === undefined ? {} : { migratedFrom }),
    },
    transfer,
  };
}
