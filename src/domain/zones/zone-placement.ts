/**
 * Zone edits that place things: a host into a zone, boxes from a layout, a zone fitted to its
 * hosts, a zone nested where it was dropped. Pure functions from a document to the next one.
 */
import type { Box, DocumentContent, Position } from '../document';
import { firstFreeSpot } from './free-spot';
import { roundBox, updateZone } from './zone-edits';
import { fitAround, HOST_BOX, hostBox, zoneBoxes } from './zone-frames';
import { innermostZoneAt, parentsFirst, zoneAndDescendants } from './zone-tree';

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

/**
 * Puts one host in a zone and moves it inside the zone's box, to the first free spot on a grid
 * (the zone grows downwards when it is full): what accepting the zone an address offers does.
 *
 * @returns the new document, or `doc` when the host or zone is missing or it is already there
 * @example
 * moveHostIntoZone(doc, 'dp', 'z1', measured).hosts.find((h) => h.id === 'dp')?.zone; // 'z1'
 */
export function moveHostIntoZone<D extends DocumentContent>(
  doc: D,
  hostId: string,
  zoneId: string,
  sizes: Sizes,
): D {
  const host = doc.hosts.find((h) => h.id === hostId);
  const box = zoneBox(doc, zoneId, sizes);
  if (!host || !box || host.zone === zoneId) return doc;
  const spot = firstFreeSpot(box, { hosts: doc.hosts, layout: doc.layout, sizes, skip: hostId });
  const bottom = spot.y + HOST_BOX.height + 24;
  const grown = bottom > box.y + box.height ? { ...box, height: bottom - box.y } : box;
  const zones = doc.zones.map((z) =>
    z.id === zoneId && (grown !== box || !z.box) ? { ...z, box: grown } : z,
  );
  return {
    ...doc,
    zones,
    hosts: doc.hosts.map((h) => (h.id === hostId ? { ...h, zone: zoneId } : h)),
    layout: withPosition(doc.layout, hostId, spot),
  };
}

/**
 * A copy of a layout with one position set: equal to `{ ...layout, [id]: at }`, a third quicker
 * at 10,000 hosts (the spread copies a large record key by key on a slow path). A layout holding
 * a `__proto__` key or symbols, or an id `__proto__`, is copied by the spread.
 */
function withPosition(
  layout: Readonly<Record<string, Position>>,
  id: string,
  at: Position,
): Record<string, Position> {
  const odd =
    id === '__proto__' ||
    Object.hasOwn(layout, '__proto__') ||
    Object.getOwnPropertySymbols(layout).length > 0;
  if (odd) return { ...layout, [id]: at };
  const copy: Record<string, Position> = {};
  for (const key of Object.keys(layout)) copy[key] = layout[key] as Position;
  copy[id] = at;
  return copy;
}

/**
 * One zone's box as {@link zoneBoxes} gives it: a zone with a box of its own (and no other zone
 * of its id) has that box, without fitting every zone around its hosts.
 */
function zoneBox(doc: DocumentContent, id: string, sizes: Sizes): Box | undefined {
  const same = parentsFirst(doc.zones).filter((z) => z.id === id);
  const own = same.length === 1 ? same[0]?.box : undefined;
  return own ?? zoneBoxes(doc.zones, doc.hosts, doc.layout, sizes).get(id);
}

/**
 * Gives zones the boxes a layout computed (Tidy); zones not named keep theirs.
 *
 * @returns the new document, or `doc` when no box changed
 * @example
 * setZoneBoxes(doc, { z1: { x: 0, y: 0, width: 400, height: 200 } }).zones[0].box; // that box
 */
export function setZoneBoxes<D extends DocumentContent>(doc: D, boxes: Readonly<Record<string, Box>>): D {
  let changed = false;
  const zones = doc.zones.map((z) => {
    const box = Object.hasOwn(boxes, z.id) ? boxes[z.id] : undefined;
    if (!box || ![box.x, box.y, box.width, box.height].every(Number.isFinite)) return z;
    const next = roundBox(box);
    const old = z.box;
    if (old && old.x === next.x && old.y === next.y && old.width === next.width && old.height === next.height)
      return z;
    changed = true;
    return { ...z, box: next };
  });
  return changed ? { ...doc, zones } : doc;
}

/**
 * Fits a zone's box around its hosts and nested zones (with room for its title); a zone with
 * nothing inside keeps its box.
 *
 * @returns the new document, or `doc` when the zone is missing, empty or already fits
 * @example
 * fitZone(doc, 'z1', measured).zones[0].box; // the padded box around its hosts
 */
export function fitZone<D extends DocumentContent>(doc: D, id: string, sizes: Sizes): D {
  const boxes = zoneBoxes(doc.zones, doc.hosts, doc.layout, sizes);
  const inside = [
    ...doc.hosts.flatMap((h) =>
      h.zone === id ? [hostBox(h, doc.layout, sizes)].filter((b): b is Box => !!b) : [],
    ),
    ...doc.zones.flatMap((z) => (z.parent === id ? [boxes.get(z.id)].filter((b): b is Box => !!b) : [])),
  ];
  if (inside.length === 0) return doc;
  return setZoneBoxes(doc, { [id]: fitAround(inside) });
}

/**
 * Nests a zone in the zone its box's centre now lies in (or in none): what dropping a zone onto
 * another one means. A zone never nests in itself or in a zone nested in it.
 *
 * @returns the new document, or `doc` when the parent stays the same
 * @example
 * nestZoneByPosition(doc, 'z2', measured).zones.find((z) => z.id === 'z2')?.parent; // 'z1'
 */
export function nestZoneByPosition<D extends DocumentContent>(doc: D, id: string, sizes: Sizes): D {
  const boxes = zoneBoxes(doc.zones, doc.hosts, doc.layout, sizes);
  const box = boxes.get(id);
  if (!box) return doc;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const parent = innermostZoneAt(centre, parentsFirst(doc.zones), boxes, zoneAndDescendants(doc.zones, id));
  return updateZone(doc, id, (z) => {
    if (z.parent === parent) return z;
    const { parent: _old, ...rest } = z;
    return parent === undefined ? rest : { ...rest, parent };
  });
}
