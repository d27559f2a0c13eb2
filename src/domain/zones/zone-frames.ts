/**
 * Where each zone is drawn. A zone keeps the box the user gave it (or Tidy did); a zone without
 * one (from an import, a hand-written file or an older release) is drawn around its hosts and its
 * child zones, with room for its title.
 */
import type { Box, Host, Position, Zone } from '../document';
import { parentsFirst } from './zone-tree';

/** Room around the hosts of a zone drawn to fit them, and above them for the zone's title. */
export const ZONE_PADDING = { side: 24, top: 44, bottom: 24 } as const;
/** Size of a zone drawn from the palette or the menu, before it is resized. */
export const NEW_ZONE_SIZE = { width: 360, height: 220 } as const;
/** Size of a zone with nothing in it and no box. */
export const EMPTY_ZONE_BOX = { width: 240, height: 140 } as const;
/** Size of a host box before it is measured (`.host-node` is 172 px wide). */
export const HOST_BOX = { width: 172, height: 64 } as const;

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

/**
 * The running bounds of boxes added one at a time, without keeping them: framing the hosts of a
 * 100,000-host estate made a box object per host (issue 18).
 */
export class Extent {
  private left = Number.POSITIVE_INFINITY;
  private top = Number.POSITIVE_INFINITY;
  private right = Number.NEGATIVE_INFINITY;
  private bottom = Number.NEGATIVE_INFINITY;

  /** Takes in the box at `x`, `y` of `width` × `height`. */
  add(x: number, y: number, width: number, height: number): void {
    if (x < this.left) this.left = x;
    if (y < this.top) this.top = y;
    if (x + width > this.right) this.right = x + width;
    if (y + height > this.bottom) this.bottom = y + height;
  }

  /** Takes in a host's box at `x`, `y`, of its measured or default size. */
  addSized(x: number, y: number, id: string, sizes: Sizes): void {
    const size = sizes[id] ?? HOST_BOX;
    this.add(x, y, size.width, size.height);
  }

  /** Takes in a host's box (its position and measured or default size); false when it has no position. */
  addHost(id: string, layout: Readonly<Record<string, Position>>, sizes: Sizes): boolean {
    const p = layout[id];
    if (!p) return false;
    this.addSized(p.x, p.y, id, sizes);
    return true;
  }

  /** The smallest box holding what was taken in, unpadded; undefined when nothing was. */
  box(): Box | undefined {
    const { left, top, right, bottom } = this;
    if (left > right) return undefined;
    return { x: left, y: top, width: right - left, height: bottom - top };
  }

  /** The smallest box holding what was taken in, padded for a zone's title (as {@link fitAround}). */
  fitted(): Box {
    const { left, top, right, bottom } = this;
    return {
      x: Math.round(left - ZONE_PADDING.side),
      y: Math.round(top - ZONE_PADDING.top),
      width: Math.round(right - left + 2 * ZONE_PADDING.side),
      height: Math.round(bottom - top + ZONE_PADDING.top + ZONE_PADDING.bottom),
    };
  }
}

/**
 * The smallest box holding the given boxes, padded for a zone's title.
 *
 * @param boxes - the boxes to hold (at least one)
 * @returns the padded box
 * @example
 * fitAround([{ x: 0, y: 0, width: 172, height: 64 }]); // { x: -24, y: -44, width: 220, height: 132 }
 */
export function fitAround(boxes: readonly Box[]): Box {
  const extent = new Extent();
  for (const b of boxes) extent.add(b.x, b.y, b.width, b.height);
  return extent.fitted();
}

/**
 * A host's box on the canvas: its position and its measured size (or the default size).
 *
 * @example
 * hostBox({ id: 'h1' }, { h1: { x: 10, y: 20 } }, {}); // { x: 10, y: 20, width: 172, height: 64 }
 */
export function hostBox(
  host: Pick<Host, 'id'>,
  layout: Readonly<Record<string, Position>>,
  sizes: Sizes,
): Box | undefined {
  const p = layout[host.id];
  if (!p) return undefined;
  const size = sizes[host.id] ?? HOST_BOX;
  return { x: p.x, y: p.y, width: size.width, height: size.height };
}

/**
 * The box of every zone: its own, or one fitted around its hosts and child zones (children are
 * fitted first); an empty zone without a box goes beside the drawing's right edge.
 *
 * @param zones - the document's zones
 * @param hosts - the document's hosts
 * @param layout - host positions
 * @param sizes - measured host sizes
 * @returns the box of each zone id
 * @example
 * zoneBoxes([{ id: 'z', name: 'DMZ' }], [{ id: 'h', name: 'A', zone: 'z', roles: [], options: {} }], { h: { x: 0, y: 0 } }, {});
 * // Map { 'z' => { x: -24, y: -44, width: 220, height: 132 } }
 */
export function zoneBoxes(
  zones: readonly Zone[],
  hosts: readonly Host[],
  layout: Readonly<Record<string, Position>>,
  sizes: Sizes,
): Map<string, Box> {
  const boxes = new Map<string, Box>();
  if (zones.length === 0) return boxes;
  // What each zone holds, as bounds (a zone is in the map once it holds something).
  const members = new Map<string, Extent>();
  const extentOf = (id: string) => {
    let extent = members.get(id);
    if (!extent) {
      extent = new Extent();
      members.set(id, extent);
    }
    return extent;
  };
  for (const host of hosts) {
    if (host.zone === undefined || !layout[host.id]) continue;
    extentOf(host.zone).addHost(host.id, layout, sizes);
  }
  const ordered = parentsFirst(zones);
  // Children first, so a parent without a box fits around its children's boxes too.
  const empty: Zone[] = [];
  for (let i = ordered.length - 1; i >= 0; i -= 1) {
    const zone = ordered[i] as Zone;
    const box = zone.box ?? members.get(zone.id)?.fitted();
    if (!box) {
      empty.push(zone);
      continue;
    }
    boxes.set(zone.id, box);
    if (zone.parent !== undefined) extentOf(zone.parent).add(box.x, box.y, box.width, box.height);
  }
  if (empty.length === 0) return boxes;
  let right = 0;
  let top = 0;
  for (const box of [...boxes.values(), ...Object.values(layout).map((p) => ({ ...p, ...HOST_BOX }))]) {
    right = Math.max(right, box.x + box.width);
    top = Math.min(top, box.y);
  }
  for (const zone of empty.reverse()) {
    const box = { x: right + 80, y: top, ...EMPTY_ZONE_BOX };
    boxes.set(zone.id, box);
    top += EMPTY_ZONE_BOX.height + 40;
  }
  return boxes;
}
