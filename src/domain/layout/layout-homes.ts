/**
 * Where things go in the layout graph: which zones nest in which, and the zone each site's box sits in.
 */
import type { Host, TopologyDocument } from '../document';
import type { HostKind } from './layout-tiers';

/**
 * Each zone's parent as the layout nests it: parents that exist and lead to the top without a
 * cycle; a zone in a cycle, or under a zone that does not exist, goes to the top.
 *
 * @param document - The document whose zones to nest.
 * @returns Parent id per zone id, `undefined` for a zone at the top level.
 * @example
 * zoneParents(makeDocument([], [], { zones: [{ id: 'a', name: 'A', parent: 'ghost' }] })).get('a'); // undefined
 */
export function zoneParents(document: TopologyDocument): ReadonlyMap<string, string | undefined> {
  // An empty id would be taken for the top level.
  const declared = new Map(document.zones.filter((z) => z.id !== '').map((z) => [z.id, z.parent]));
  const parents = new Map<string, string | undefined>();
  for (const [id] of declared) {
    const seen = new Set([id]);
    let at = declared.get(id);
    while (at !== undefined && declared.has(at) && !seen.has(at)) {
      seen.add(at);
      at = declared.get(at);
    }
    const parent = declared.get(id);
    // `at` ends undefined or at an unknown id when the chain reaches the top; at a seen id in a cycle.
    parents.set(
      id,
      at !== undefined && seen.has(at) ? undefined : parent && declared.has(parent) ? parent : undefined,
    );
  }
  return parents;
}

/**
 * The zone a site's box goes in: the one most of its (non-peer) servers and systems are in, by
 * its clients only when it has none; `''` is the top level. A site's hundreds of clients in their
 * LAN took its box there and left its servers loose in the datacenter.
 *
 * @param hosts - The document's hosts.
 * @param zoneOf - The zone a host is laid out in (`''` for the top level).
 * @param kinds - Each host's kind by id (peers have no site box; clients weigh little).
 * @returns Zone id (or `''`) per site code.
 * @example
 * siteHomes(hosts, zoneOf, kinds).get('P01'); // 'core': its servers are there, its clients in 'lan'
 */
export function siteHomes(
  hosts: readonly Host[],
  zoneOf: (h: Host) => string,
  kinds: ReadonlyMap<string, HostKind>,
): ReadonlyMap<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const h of hosts) {
    const kind = kinds.get(h.id)!;
    if (!h.site || kind.edge) continue;
    const byZone = counts.get(h.site) ?? new Map<string, number>();
    // A client weighs less than any number of servers and more than nothing.
    byZone.set(zoneOf(h), (byZone.get(zoneOf(h)) ?? 0) + (kind.client ? 1 / (hosts.length + 1) : 1));
    counts.set(h.site, byZone);
  }
  const homes = new Map<string, string>();
  for (const [site, byZone] of counts) {
    let best = '';
    let most = 0;
    // Map order is first-seen order, so a tie goes to the zone of the site's first host.
    for (const [zone, n] of byZone) if (n > most) [best, most] = [zone, n];
    homes.set(site, best);
  }
  return homes;
}
