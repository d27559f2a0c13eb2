import type { Host, Link, Position, TopologyDocument, Zone } from '@/domain/document';
import { nextId } from '@/domain/edits/ids';
import type { EntityKind } from '@/domain/shared-doc/shared-shape';

/** Ids of this user's entities that a peer's concurrent creation under the same id replaced. */
export type LostIds = Readonly<Record<EntityKind, ReadonlySet<string>>>;

/**
 * Puts back what two people created under one id at the same time (both offline, or within one
 * round trip): ids are numbered per document (`h7`), so two people adding a host at once both make
 * `h7`, and the shared document keeps one. The other person's host comes back under a free id, with
 * its links, zone, nesting and position following it; nothing either of them drew is lost.
 *
 * @param local - This user's document before the peer's update (holds the lost entities).
 * @param shared - The document the shared document holds now (the peer's entities won the ids).
 * @param lost - The ids whose entity in `local` the peer's replaced.
 * @returns `shared` plus the lost entities under new ids, and this user's links and hosts
 *   pointing at them.
 * @example
 * rehome(mine, theirs, { hosts: new Set(['h7']), links: new Set(), zones: new Set() }).hosts.at(-1)?.id; // 'h8'
 */
export function rehome(local: TopologyDocument, shared: TopologyDocument, lost: LostIds): TopologyDocument {
  const taken = new Set<string>();
  for (const doc of [local, shared]) {
    for (const list of [doc.hosts, doc.links, doc.zones]) for (const item of list) taken.add(item.id);
  }
  const rename = (set: ReadonlySet<string>) => {
    const map = new Map<string, string>();
    for (const id of set) {
      const fresh = nextId(id.replace(/\d+$/, '') || 'x', taken);
      taken.add(fresh);
      map.set(id, fresh);
    }
    return map;
  };
  const hostIds = rename(lost.hosts);
  const zoneIds = rename(lost.zones);
  const linkIds = rename(lost.links);
  const host = (id: string) => hostIds.get(id) ?? id;
  const zone = (id: string | undefined) => (id === undefined ? id : (zoneIds.get(id) ?? id));

  const localHosts = new Set(local.hosts.map((h) => h.id));
  const localLinks = new Set(local.links.map((l) => l.id));
  const localZones = new Set(local.zones.map((z) => z.id));
  const withZone = <T extends { readonly zone?: string }>(item: T): T =>
    item.zone !== undefined && zoneIds.has(item.zone) ? { ...item, zone: zone(item.zone) as string } : item;

  // This user's own entities that stayed in the shared document follow the renamed ones.
  const hosts: Host[] = shared.hosts.map((h) =>
    localHosts.has(h.id) && !lost.hosts.has(h.id) ? withZone(h) : h,
  );
  const links: Link[] = shared.links.map((l) =>
    localLinks.has(l.id) && !lost.links.has(l.id)
      ? { ...l, source: host(l.source), target: host(l.target) }
      : l,
  );
  const zones: Zone[] = shared.zones.map((z) =>
    localZones.has(z.id) && !lost.zones.has(z.id) && z.parent !== undefined && zoneIds.has(z.parent)
      ? { ...z, parent: zone(z.parent) as string }
      : z,
  );
  const layout: Record<string, Position> = { ...shared.layout };
  for (const h of local.hosts) {
    const fresh = hostIds.get(h.id);
    if (!fresh) continue;
    hosts.push(withZone({ ...h, id: fresh }));
    const at = local.layout[h.id];
    if (at) layout[fresh] = at;
  }
  for (const l of local.links) {
    const fresh = linkIds.get(l.id);
    if (fresh) links.push({ ...l, id: fresh, source: host(l.source), target: host(l.target) });
  }
  for (const z of local.zones) {
    const fresh = zoneIds.get(z.id);
    if (fresh)
      zones.push({
        ...z,
        id: fresh,
        ...(z.parent === undefined ? {} : { parent: zone(z.parent) as string }),
      });
  }
  return { ...shared, hosts, links, zones, layout };
}
