import type { Host, Link, TopologyDocument } from './document';
import { type HostOrders, isPermutation } from './host-orders';

/**
 * Where each link's ends sit in the host list, for one document's hosts and links (issue 18). The
 * reading worker finds them while it restores a file; the engine, the checks and the far layer then
 * file a 100,000-host estate's 408,408 links by place, instead of each looking up 816,816 ids. A
 * value: it holds the very lists it was made for, and is read only for those.
 */
export interface LinkPlaces {
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  /**
   * Source and target of link `i` as places in `hosts`, at `2i` and `2i + 1`. Every end names a
   * host, and no two hosts share an id (as restore makes documents).
   */
  readonly ends: Int32Array;
  /** The hosts' places in the matrix's and the checks' order, when the reader worked them out. */
  readonly orders?: HostOrders;
}

/**
 * The ends of `links`, when `places` was made for these very lists.
 *
 * @param places - link places, if any are known
 * @param hosts - the hosts in use
 * @param links - the links in use
 * @returns the ends (see {@link LinkPlaces.ends}), or undefined: then look each end up by id
 * @example
 * const ends = endsFor(state.linkPlaces, hosts, links);
 */
export function endsFor(
  places: LinkPlaces | null | undefined,
  hosts: readonly Host[],
  links: readonly Link[],
): Int32Array | undefined {
  return places && places.hosts === hosts && places.links === links && places.ends.length === links.length * 2
    ? places.ends
    : undefined;
}

/**
 * The hosts' orders `places` carries, when it was made for these very hosts.
 *
 * @param places - link places, if any are known
 * @param hosts - the hosts in use
 * @returns the orders, or undefined: then sort the hosts
 * @example
 * slotHosts(hosts, kinds, reads, ordersFor(state.linkPlaces, hosts)?.matrix);
 */
export function ordersFor(
  places: LinkPlaces | null | undefined,
  hosts: readonly Host[],
): HostOrders | undefined {
  return places?.hosts === hosts ? places.orders : undefined;
}

/**
 * The link places of a restored document, from the places restore found its links' ends at.
 *
 * @param document - a document as restore made it (every end names a host, every id once)
 * @param ends - source and target place of link `i` at `2i` and `2i + 1`
 * @param orders - the hosts' orders worked out with them, kept when each is an order of the hosts
 * @returns the places, or undefined when `ends` is not one pair per link
 * @example
 * linkPlacesOf(result.document, linkEnds)?.ends;
 */
export function linkPlacesOf(
  document: TopologyDocument,
  ends: Int32Array | undefined,
  orders?: HostOrders,
): LinkPlaces | undefined {
  const { hosts, links } = document;
  if (ends?.length !== links.length * 2) return undefined;
  const n = hosts.length;
  return orders && isPermutation(orders.matrix, n) && isPermutation(orders.names, n)
    ? { hosts, links, ends, orders }
    : { hosts, links, ends };
}
