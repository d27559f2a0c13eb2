/**
 * Edits of zones: pure functions from a document to the next one, as the store's zone actions and
 * the canvas call them. Boxes are absolute; moving a zone carries its hosts and nested zones with
 * it, deleting a zone keeps its hosts (they move up to the parent zone).
 */
import { comparableName, freeName } from '../checks/host-names';
import type { Box, DocumentContent, Host, Position, Zone, ZoneKind } from '../document';
import { nextId } from '../edits/ids';
import { fitAround, hostBox, zoneBoxes } from './zone-frames';
import { DEFAULT_ZONE_KIND, zoneKindName } from './zone-kinds';
import { innermostZoneAt, parentsFirst, zoneAndDescendants } from './zone-tree';

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

/** What a new zone is made of; all but the box have defaults. */
export interface NewZone {
  readonly box: Box;
  readonly kind?: ZoneKind;
  /**
   * The wanted name (numbered when taken). The store gives the kind's name in the reader's
   * language; without one the zone takes the kind's English name.
   */
  readonly name?: string;
  readonly parent?: string;
}

/** A box on whole pixels, at least 1 × 1. */
export const roundBox = (b: Box): Box => ({
  x: Math.round(b.x),
  y: Math.round(b.y),
  width: Math.max(1, Math.round(b.width)),
  height: Math.max(1, Math.round(b.height)),
});

/**
 * A zone name no other zone has: the wanted name, or its kind's name, numbered when taken.
 *
 * @example
 * uniqueZoneName('DMZ', [{ id: 'z1', name: 'DMZ' }]); // 'DMZ 2'
 */
export function uniqueZoneName(wanted: string, zones: readonly Zone[]): string {
  return freeName(wanted.trim() || 'Zone', new Set(zones.map((z) => comparableName(z.name))));
}

/**
 * Adds an empty zone.
 *
 * @param doc - the document
 * @param spec - its box, and optionally kind, name and parent zone
 * @returns the new document and the new zone's id (`z1`, `z2`, …)
 * @example
 * const { doc: next, id } = addZone(doc, { box: { x: 0, y: 0, width: 400, height: 240 }, kind: 'dmz' });
 * next.zones.at(-1); // { id: 'z1', name: 'DMZ', kind: 'dmz', box: { … } }
 * addZone(doc, { box, kind: 'datacenter', name: zoneKindName('datacenter', 'de') }); // named 'Rechenzentrum'
 */
export function addZone<D extends DocumentContent>(doc: D, spec: NewZone): { doc: D; id: string } {
  const id = nextId(
    'z',
    doc.zones.map((z) => z.id),
  );
  const kind = spec.kind ?? DEFAULT_ZONE_KIND;
  const zone: Zone = {
    id,
    name: uniqueZoneName(spec.name ?? zoneKindName(kind), doc.zones),
    kind,
    ...(spec.parent !== undefined && doc.zones.some((z) => z.id === spec.parent)
      ? { parent: spec.parent }
      : {}),
    box: roundBox(spec.box),
  };
  return { id, doc: { ...doc, zones: [...doc.zones, zone] } };
}

/**
 * Draws a zone around hosts and puts them in it. The new zone nests in the zone all of them were
 * in, if they shared one.
 *
 * @param doc - the document
 * @param hostIds - the hosts to surround (ids that name no placed host are ignored)
 * @param sizes - measured host sizes
 * @param kind - the new zone's kind
 * @param name - the new zone's wanted name (the store's: the kind's name in the reader's language);
 *   the kind's English name when not given
 * @returns the new document and zone id, or undefined when no named host is placed
 * @example
 * zoneAroundHosts(doc, ['mp', 'dp'], measured)?.doc.hosts.find((h) => h.id === 'mp')?.zone; // 'z1'
 * zoneAroundHosts(doc, ['mp'], measured, 'dmz', 'DMZ')?.doc.zones.at(-1)?.name; // 'DMZ'
 */
export function zoneAroundHosts<D extends DocumentContent>(
  doc: D,
  hostIds: readonly string[],
  sizes: Sizes,
  kind?: ZoneKind,
  name?: string,
): { doc: D; id: string } | undefined {
  const wanted = new Set(hostIds);
  const chosen = doc.hosts.filter((h) => wanted.has(h.id) && doc.layout[h.id]);
  if (chosen.length === 0) return undefined;
  const boxes = chosen.map((h) => hostBox(h, doc.layout, sizes) as Box);
  const shared = chosen.every((h) => h.zone === chosen[0]?.zone) ? chosen[0]?.zone : undefined;
  const added = addZone(doc, {
    box: fitAround(boxes),
    ...(kind ? { kind } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(shared ? { parent: shared } : {}),
  });
  const hosts = added.doc.hosts.map((h) =>
    wanted.has(h.id) && doc.layout[h.id] ? { ...h, zone: added.id } : h,
  );
  return { id: added.id, doc: { ...added.doc, hosts } };
}

/**
 * Replaces one zone through `change` (rename, kind, colour, address ranges).
 *
 * @returns the new document; `doc` itself when the zone is missing or unchanged
 * @example
 * updateZone(doc, 'z1', (z) => ({ ...z, name: 'Perimeter' }));
 */
export function updateZone<D extends DocumentContent>(doc: D, id: string, change: (zone: Zone) => Zone): D {
  let changed = false;
  const zones = doc.zones.map((z) => {
    if (z.id !== id) return z;
    const next = change(z);
    if (next !== z) changed = true;
    return next;
  });
  return changed ? { ...doc, zones } : doc;
}

/**
 * Moves a zone's box to a new top-left corner and everything in it by the same distance: its
 * hosts and the zones nested in it (a nested zone without a box follows its hosts).
 *
 * @param doc - the document
 * @param id - the zone
 * @param to - the new top-left corner, absolute
 * @param sizes - measured host sizes (to fit a zone that had no box yet)
 * @returns the new document, or `doc` when the zone is missing or did not move
 * @example
 * moveZone(doc, 'z1', { x: 100, y: 0 }, {}); // its hosts shift by the same distance
 */
export function moveZone<D extends DocumentContent>(doc: D, id: string, to: Position, sizes: Sizes): D {
  const from = zoneBoxes(doc.zones, doc.hosts, doc.layout, sizes).get(id);
  if (!from) return doc;
  const dx = Math.round(to.x - from.x);
  const dy = Math.round(to.y - from.y);
  if (dx === 0 && dy === 0) return doc;
  const inside = zoneAndDescendants(doc.zones, id);
  const layout = { ...doc.layout };
  for (const host of doc.hosts) {
    const p = doc.layout[host.id];
    if (p && host.zone !== undefined && inside.has(host.zone)) layout[host.id] = { x: p.x + dx, y: p.y + dy };
  }
  const zones = doc.zones.map((z) => {
    if (z.id === id) return { ...z, box: { ...from, x: from.x + dx, y: from.y + dy } };
    if (!inside.has(z.id) || !z.box) return z;
    return { ...z, box: { ...z.box, x: z.box.x + dx, y: z.box.y + dy } };
  });
  return { ...doc, zones, layout };
}

/**
 * Puts hosts in the zone their centre lies in (the innermost one), or in none outside every zone:
 * what a drop after a drag, or a zone's new size, means.
 *
 * @param doc - the document
 * @param hostIds - the hosts to place
 * @param sizes - measured host sizes
 * @returns the new document; `doc` when no host changed zone
 * @example
 * assignZonesByPosition(doc, ['dp'], measured).hosts.find((h) => h.id === 'dp')?.zone; // 'z1'
 */
export function assignZonesByPosition<D extends DocumentContent>(
  doc: D,
  hostIds: Iterable<string>,
  sizes: Sizes,
): D {
  if (doc.zones.length === 0) return doc;
  const wanted = new Set(hostIds);
  const ordered = parentsFirst(doc.zones);
  const boxes = zoneBoxes(doc.zones, doc.hosts, doc.layout, sizes);
  let changed = false;
  const hosts = doc.hosts.map((host): Host => {
    const box = wanted.has(host.id) ? hostBox(host, doc.layout, sizes) : undefined;
    if (!box) return host;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const zone = innermostZoneAt(centre, ordered, boxes);
    if (zone === host.zone) return host;
    changed = true;
    if (zone === undefined) {
      const { zone: _old, ...rest } = host;
      return rest;
    }
    return { ...host, zone };
  });
  return changed ? { ...doc, hosts } : doc;
}

/**
 * Gives a zone a new box (a resize) and re-reads which hosts it holds: hosts whose centre left
 * it move to the zone around them, hosts whose centre it now covers join it.
 *
 * @returns the new document, or `doc` when the zone is missing
 * @example
 * resizeZone(doc, 'z1', { x: 0, y: 0, width: 600, height: 300 }, measured);
 */
export function resizeZone<D extends DocumentContent>(doc: D, id: string, box: Box, sizes: Sizes): D {
  const resized = updateZone(doc, id, (z) => ({ ...z, box: roundBox(box) }));
  if (resized === doc) return doc;
  return assignZonesByPosition(
    resized,
    resized.hosts.map((h) => h.id),
    sizes,
  );
}

/**
 * Deletes a zone; its hosts and nested zones move up to its parent zone (or none). Hosts stay.
 *
 * @returns the new document, or `doc` when the zone is missing
 * @example
 * deleteZone(doc, 'z1').hosts.find((h) => h.id === 'dp')?.zone; // undefined (or the parent's id)
 */
export function deleteZone<D extends DocumentContent>(doc: D, id: string): D {
  const zone = doc.zones.find((z) => z.id === id);
  if (!zone) return doc;
  const parent = zone.parent;
  const up = <T extends { zone?: string } | { parent?: string }>(item: T, key: 'zone' | 'parent'): T => {
    const { [key]: _gone, ...rest } = item as Record<string, unknown>;
    return (parent === undefined ? rest : { ...rest, [key]: parent }) as T;
  };
  return {
    ...doc,
    zones: doc.zones.flatMap((z) => (z.id === id ? [] : z.parent === id ? [up(z, 'parent')] : [z])),
    hosts: doc.hosts.map((h) => (h.zone === id ? up(h, 'zone') : h)),
  };
}
