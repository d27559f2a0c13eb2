/**
 * Edits that bring hosts in from elsewhere: copy and paste, and adding another document (a
 * template) beside this one. Pasted hosts get fresh ids and free names by the same rules as any
 * new host (`idSeries`, `freeName`).
 */
import { comparableName, freeName } from '../checks/host-names';
import {
  type DocumentContent,
  type Host,
  LINK_ID_PREFIX,
  type Link,
  type Position,
  type Zone,
} from '../document';
import { clearOffset, HOST_HALF } from '../placement';
import { idSeries, nextId } from './ids';
import { layoutBounds } from './layout-bounds';

/** Hosts, the links among them and their positions: what copy puts on the clipboard. */
export interface Fragment {
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  readonly layout: Readonly<Record<string, Position>>;
}

/** How far right of the diagram an added document starts. */
export const MERGE_GAP = 320;

/**
 * Copies hosts and the links among them (links to hosts outside the selection stay behind).
 *
 * @param doc - the document
 * @param hostIds - the hosts to copy
 * @returns the fragment, or null when none of the hosts exists
 * @example
 * copyFragment(doc, ['site', 'mp'])?.links; // the links between site and mp only
 */
export function copyFragment(doc: DocumentContent, hostIds: readonly string[]): Fragment | null {
  const ids = new Set(hostIds);
  const hosts = doc.hosts.filter((h) => ids.has(h.id));
  if (hosts.length === 0) return null;
  const layout: Record<string, Position> = {};
  for (const h of hosts) layout[h.id] = doc.layout[h.id] ?? { x: 0, y: 0 };
  return { hosts, links: doc.links.filter((l) => ids.has(l.source) && ids.has(l.target)), layout };
}

/**
 * Adds a fragment with fresh ids and free names, moved by `offset`; zones the document lacks are
 * dropped from the pasted hosts. A copy is another machine: it keeps no IP address or FQDN unless
 * `keepAddresses` (a template added whole keeps its own).
 *
 * @param doc - the document
 * @param fragment - what was copied
 * @param offset - how far the copies sit from the originals
 * @param options - `keepAddresses`: keep the hosts' IP addresses and FQDNs
 * @returns the new document and the new host and link ids (for selecting them)
 * @example
 * pasteFragment(doc, copyFragment(doc, ['mp'])!, { x: 40, y: 40 }).doc.hosts.at(-1)?.name; // 'P01-MP02'
 */
export function pasteFragment<D extends DocumentContent>(
  doc: D,
  fragment: Fragment,
  offset: Position,
  options: { readonly keepAddresses?: boolean } = {},
): { doc: D; hostIds: string[]; linkIds: string[] } {
  const newHostId = idSeries(
    'h',
    doc.hosts.map((h) => h.id),
  );
  const newLinkId = idSeries(
    LINK_ID_PREFIX,
    doc.links.map((l) => l.id),
  );
  const names = new Set(doc.hosts.map((h) => comparableName(h.name)));
  const zones = new Set(doc.zones.map((z) => z.id));
  const idMap = new Map<string, string>();
  const hosts: Host[] = [];
  const layout: Record<string, Position> = { ...doc.layout };
  for (const host of fragment.hosts) {
    const id = newHostId();
    idMap.set(host.id, id);
    const name = freeName(host.name, names);
    names.add(comparableName(name));
    const { zone, ip, fqdn, ...rest } = host;
    const addresses = options.keepAddresses ? { ...(ip ? { ip } : {}), ...(fqdn ? { fqdn } : {}) } : {};
    hosts.push({ ...rest, ...addresses, ...(zone && zones.has(zone) ? { zone } : {}), id, name });
    const p = fragment.layout[host.id] ?? { x: 0, y: 0 };
    layout[id] = { x: p.x + offset.x, y: p.y + offset.y };
  }
  const links: Link[] = [];
  for (const link of fragment.links) {
    const source = idMap.get(link.source);
    const target = idMap.get(link.target);
    if (!source || !target) continue;
    links.push({ ...link, id: newLinkId(), source, target });
  }
  return {
    doc: { ...doc, hosts: [...doc.hosts, ...hosts], links: [...doc.links, ...links], layout },
    hostIds: hosts.map((h) => h.id),
    linkIds: links.map((l) => l.id),
  };
}

/**
 * Pastes a fragment centred near `centre` (the middle of the view for a paste) or, without one,
 * near where it was copied from (a duplicate), moved to the nearest spot where no pasted host
 * covers another. Like every paste, the copies get free names and no IP address or FQDN.
 *
 * @param doc - the document
 * @param fragment - what was copied
 * @param centre - where the middle of the pasted hosts should be, if free
 * @returns as {@link pasteFragment}: the new document and the new host and link ids
 * @example
 * pasteNear(doc, copyFragment(doc, ['mp'])!).doc.layout; // the copy beside mp, not on it
 */
export function pasteNear<D extends DocumentContent>(
  doc: D,
  fragment: Fragment,
  centre?: Position,
): { doc: D; hostIds: string[]; linkIds: string[] } {
  const placed = Object.values(fragment.layout);
  const bounds = layoutBounds(fragment.layout);
  const start =
    centre && bounds
      ? {
          x: centre.x - (bounds.minX + bounds.maxX) / 2 - HOST_HALF.x,
          y: centre.y - (bounds.minY + bounds.maxY) / 2 - HOST_HALF.y,
        }
      : { x: 0, y: 0 };
  const offset = clearOffset(Object.values(doc.layout), placed, start);
  return pasteFragment(doc, fragment, offset);
}

/** The addition's zones in this document: reused by name, or added (with a fresh id on a clash). */
function mergeZones(
  zones: readonly Zone[],
  added: readonly Zone[],
): { zones: readonly Zone[]; map: Map<string, string> } {
  const zoneIds = new Set(zones.map((z) => z.id));
  const zoneByName = new Map(zones.map((z) => [comparableName(z.name), z.id]));
  const map = new Map<string, string>();
  const newZones: Zone[] = [];
  for (const zone of added) {
    const existing = zoneByName.get(comparableName(zone.name));
    if (existing) {
      map.set(zone.id, existing);
      continue;
    }
    const id = zoneIds.has(zone.id) ? nextId(`${zone.id}-`, zoneIds) : zone.id;
    zoneIds.add(id);
    map.set(zone.id, id);
    // Kind, colour and ranges come along; the box does not (the addition is placed elsewhere,
    // so the zone is drawn around its hosts until it is moved or resized).
    const { box: _box, parent: _parent, id: _id, ...fields } = zone;
    newZones.push({ ...fields, id });
  }
  const withParents = newZones.map((z) => {
    const original = added.find((o) => map.get(o.id) === z.id);
    const parent = original?.parent ? map.get(original.parent) : undefined;
    return parent && parent !== z.id ? { ...z, parent } : z;
  });
  return { zones: [...zones, ...withParents], map };
}

/**
 * Adds another document (a template) to this one: hosts and links get fresh ids, names are kept
 * free, zones are reused by name or added, and the addition is placed right of what is there.
 * The current site settings stay.
 *
 * @param doc - the document
 * @param addition - the document to add (its settings are ignored)
 * @returns the new document and the ids of the added hosts
 * @example
 * mergeDocument(doc, template).hostIds.length === template.hosts.length; // true
 */
export function mergeDocument<D extends DocumentContent>(
  doc: D,
  addition: DocumentContent,
): { doc: D; hostIds: string[] } {
  const zones = mergeZones(doc.zones, addition.zones);
  const here = layoutBounds(doc.layout);
  const there = layoutBounds(addition.layout);
  const offset =
    here && there ? { x: here.maxX + MERGE_GAP - there.minX, y: here.minY - there.minY } : { x: 0, y: 0 };
  const hosts = addition.hosts.map((h) => {
    const { zone, ...rest } = h;
    const mapped = zone ? zones.map.get(zone) : undefined;
    return mapped ? { ...rest, zone: mapped } : rest;
  });
  const base = { ...doc, zones: zones.zones };
  const pasted = pasteFragment(base, { hosts, links: addition.links, layout: addition.layout }, offset, {
    keepAddresses: true,
  });
  return { doc: pasted.doc, hostIds: pasted.hostIds };
}
