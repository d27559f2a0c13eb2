import type { Host, Link, TopologyDocument } from './document';

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
 * The link places of a restored document, from the places restore found its links' ends at.
 *
 * @param document - a document as restore made it (every end names a host, every id once)
 * @param ends - source and target place of link `i` at `2i` and `2i + 1`
 * @returns the places, or undefined when `ends` is not one pair per link
 * @example
 * linkPlacesOf(result.document, linkEnds)?.ends;
 */
export function linkPlacesOf(
  document: TopologyDocument,
  ends: Int32Array | undefined,
): LinkPlaces | undefined {
  const { hosts, links } = document;
  return ends?.length === links.length * 2 ? { hosts, links, ends } : undefined;
}
