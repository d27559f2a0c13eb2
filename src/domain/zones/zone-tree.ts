/**
 * The zone tree: parents before children, depth, and the innermost zone at a point. Restore has
 * already broken every parent cycle, so every walk up ends at a root.
 */
import type { Box, Position, Zone } from '../document';

/**
 * Zones ordered parents first (React Flow needs a parent node before its children), keeping
 * document order among siblings.
 *
 * @param zones - the document's zones (parent chains without cycles)
 * @returns the same zones, each after its parent
 * @example
 * parentsFirst([{ id: 'b', name: 'B', parent: 'a' }, { id: 'a', name: 'A' }]).map((z) => z.id); // ['a', 'b']
 */
export function parentsFirst(zones: readonly Zone[]): Zone[] {
  const children = new Map<string | undefined, Zone[]>();
  const ids = new Set(zones.map((z) => z.id));
  for (const zone of zones) {
    const parent = zone.parent !== undefined && ids.has(zone.parent) ? zone.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(zone);
    children.set(parent, list);
  }
  const out: Zone[] = [];
  const stack = [...(children.get(undefined) ?? [])].reverse();
  while (stack.length > 0) {
    const zone = stack.pop() as Zone;
    out.push(zone);
    const below = children.get(zone.id);
    if (below) for (let i = below.length - 1; i >= 0; i -= 1) stack.push(below[i] as Zone);
  }
  return out;
}

/**
 * The ids of a zone and every zone nested in it.
 *
 * @param zones - the document's zones
 * @param id - the zone
 * @returns the zone's id and its descendants' ids
 * @example
 * zoneAndDescendants([{ id: 'a', name: 'A' }, { id: 'b', name: 'B', parent: 'a' }], 'a'); // Set {'a', 'b'}
 */
export function zoneAndDescendants(zones: readonly Zone[], id: string): Set<string> {
  const found = new Set([id]);
  for (const zone of parentsFirst(zones)) {
    if (zone.parent !== undefined && found.has(zone.parent)) found.add(zone.id);
  }
  return found;
}

/**
 * True when a point lies inside a box (borders included).
 *
 * @example
 * insideBox({ x: 5, y: 5 }, { x: 0, y: 0, width: 10, height: 10 }); // true
 */
export function insideBox(point: Position, box: Box): boolean {
  return (
    point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height
  );
}

/**
 * The innermost zone whose box holds a point: of the boxes that hold it, the deepest in the tree,
 * and between equals the smallest.
 *
 * @param point - a point in canvas coordinates (a host's centre)
 * @param zones - the zones, parents first (see {@link parentsFirst})
 * @param boxes - the box of each zone as drawn
 * @param skip - zones that cannot hold the point (a zone being dragged and its descendants)
 * @returns the zone id, or undefined outside every zone
 * @example
 * innermostZoneAt({ x: 5, y: 5 }, zones, boxes); // 'dmz'
 */
export function innermostZoneAt(
  point: Position,
  zones: readonly Zone[],
  boxes: ReadonlyMap<string, Box>,
  skip: ReadonlySet<string> = new Set(),
): string | undefined {
  const depth = new Map<string, number>();
  let best: string | undefined;
  let bestDepth = -1;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const zone of zones) {
    const d = zone.parent === undefined ? 0 : (depth.get(zone.parent) ?? 0) + 1;
    depth.set(zone.id, d);
    const box = boxes.get(zone.id);
    if (!box || skip.has(zone.id) || !insideBox(point, box)) continue;
    const area = box.width * box.height;
    if (d > bestDepth || (d === bestDepth && area < bestArea)) {
      best = zone.id;
      bestDepth = d;
      bestArea = area;
    }
  }
  return best;
}
