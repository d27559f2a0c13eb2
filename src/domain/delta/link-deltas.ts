/**
 * A delta as the canvas draws it: what changed on each link of today's diagram, and the changes
 * that belong to no link of it (links only the earlier request had).
 */
import { comparableName } from '../checks/host-names';
import type { Host, Link } from '../document';
import { deltaEntries } from './compare-flows';
import type { DeltaChange, DeltaEntry, FlowDelta } from './delta-types';

/** The delta on today's diagram. */
export interface LinkDeltas {
  /** The change per link id; a link without an entry is unchanged. */
  readonly byLink: ReadonlyMap<string, DeltaChange>;
  /** Entries whose link is not in today's diagram (an earlier link since deleted), in file order. */
  readonly elsewhere: readonly DeltaEntry[];
}

const SEP = '\u0000';
const pairOf = (a: string, b: string) => [comparableName(a), comparableName(b)].sort().join(SEP);

/**
 * Finds each entry's link in today's diagram: by the entry's link id when that link still joins
 * hosts of the entry's names (an id can be reused by a new link), else by the names of its two
 * hosts in either direction (a workbook row has names only). A link with entries of one kind is
 * `added` or `removed`, with a mix (ports gone and others come) `changed`.
 *
 * @param delta - A result of `compareFlows`.
 * @param links - Today's links.
 * @param hosts - Today's hosts (their names find links for entries without ids).
 * @returns The change per link, and the entries no link of today's diagram carries.
 * @example
 * const { byLink, elsewhere } = linkDeltas(delta, document.links, document.hosts);
 * byLink.get('l9'); // 'removed'
 */
export function linkDeltas(delta: FlowDelta, links: readonly Link[], hosts: readonly Host[]): LinkDeltas {
  const name = new Map(hosts.map((h) => [h.id, h.name]));
  const linkById = new Map(links.map((l) => [l.id, l]));
  const linkOfPair = new Map<string, string>();
  for (const link of links) {
    const key = pairOf(name.get(link.source) ?? '', name.get(link.target) ?? '');
    if (!linkOfPair.has(key)) linkOfPair.set(key, link.id);
  }
  const byLink = new Map<string, DeltaChange>();
  const elsewhere: DeltaEntry[] = [];
  for (const entry of deltaEntries(delta)) {
    const pair = pairOf(entry.source, entry.target);
    const byId = entry.linkId === undefined ? undefined : linkById.get(entry.linkId);
    const sameHosts =
      byId !== undefined && pairOf(name.get(byId.source) ?? '', name.get(byId.target) ?? '') === pair;
    const linkId = sameHosts ? byId.id : linkOfPair.get(pair);
    if (linkId === undefined) {
      elsewhere.push(entry);
      continue;
    }
    const known = byLink.get(linkId);
    byLink.set(linkId, known === undefined || known === entry.change ? entry.change : 'changed');
  }
  return { byLink, elsewhere };
}
