/**
 * Align and distribute (issue 12, "as in draw.io"): new positions for a set of hosts from their
 * boxes. The functions only compute positions; `setPositions` makes them part of a document, so a
 * whole alignment is one undo step in the store.
 */
import type { Box, Position } from '../document';

/** Which edge or centre line the boxes share after an alignment. */
export type AlignKind = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';

/** The direction along which boxes are spread evenly. */
export type DistributeAxis = 'horizontal' | 'vertical';

/** Every alignment, in menu order: the three horizontal ones, then the three vertical ones. */
export const ALIGN_KINDS: readonly AlignKind[] = ['left', 'centre', 'right', 'top', 'middle', 'bottom'];

/** Both distributions, in menu order. */
export const DISTRIBUTE_AXES: readonly DistributeAxis[] = ['horizontal', 'vertical'];

/** A host's box on the canvas: its top-left corner (the layout position) and its size. */
export interface HostBox extends Box {
  readonly id: string;
}

/** Fewest boxes an alignment changes anything for. */
export const MIN_ALIGN = 2;
/** Fewest boxes a distribution changes anything for: the two outer ones stay where they are. */
export const MIN_DISTRIBUTE = 3;

/** A size for hosts the canvas has not measured yet (a host added off screen, say). */
export interface SizeLike {
  readonly width: number;
  readonly height: number;
}

/**
 * The boxes of the given hosts: their layout position and their measured size, or `fallback`
 * when unmeasured. Ids that name no host or have no position are left out; each id counts once.
 *
 * @param layout - the document's positions by host id
 * @param hostIds - the hosts to take, in order
 * @param sizes - measured sizes by host id
 * @param fallback - the size of a host without a measurement
 * @returns one box per placed host, in the order of `hostIds`
 * @example
 * hostBoxes({ a: { x: 0, y: 0 } }, ['a', 'gone'], {}, { width: 172, height: 64 });
 * // [{ id: 'a', x: 0, y: 0, width: 172, height: 64 }]
 */
export function hostBoxes(
  layout: Readonly<Record<string, Position>>,
  hostIds: readonly string[],
  sizes: Readonly<Record<string, SizeLike>>,
  fallback: SizeLike,
): HostBox[] {
  const seen = new Set<string>();
  const boxes: HostBox[] = [];
  for (const id of hostIds) {
    const p = Object.hasOwn(layout, id) ? layout[id] : undefined;
    if (!p || seen.has(id)) continue;
    seen.add(id);
    const size = (Object.hasOwn(sizes, id) ? sizes[id] : undefined) ?? fallback;
    boxes.push({ id, x: p.x, y: p.y, width: size.width, height: size.height });
  }
  return boxes;
}

/**
 * Aligns boxes on one edge or centre line. Edges go to the outermost box's edge (left to the
 * leftmost, bottom to the lowest), as in draw.io; centre lines go to the centre of the boxes'
 * bounding box, so the result does not depend on the order in which the hosts were picked,
 * which the canvas does not show.
 *
 * @param boxes - the boxes to align (fewer than {@link MIN_ALIGN}: nothing moves)
 * @param kind - the edge or centre line they share afterwards
 * @returns the new top-left corner of every box, by id
 * @example
 * alignBoxes(
 *   [{ id: 'a', x: 0, y: 0, width: 100, height: 50 }, { id: 'b', x: 300, y: 80, width: 200, height: 50 }],
 *   'right',
 * );
 * // { a: { x: 400, y: 0 }, b: { x: 300, y: 80 } }
 */
export function alignBoxes(boxes: readonly HostBox[], kind: AlignKind): Record<string, Position> {
  const out: Record<string, Position> = {};
  if (boxes.length < MIN_ALIGN) {
    for (const b of boxes) out[b.id] = { x: b.x, y: b.y };
    return out;
  }
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  for (const b of boxes) {
    const spot: Record<AlignKind, Position> = {
      left: { x: left, y: b.y },
      centre: { x: (left + right) / 2 - b.width / 2, y: b.y },
      right: { x: right - b.width, y: b.y },
      top: { x: b.x, y: top },
      middle: { x: b.x, y: (top + bottom) / 2 - b.height / 2 },
      bottom: { x: b.x, y: bottom - b.height },
    };
    out[b.id] = spot[kind];
  }
  return out;
}

/**
 * Spreads boxes evenly along an axis: the two outermost stay, and the centres of the others are
 * set at equal steps between theirs (draw.io's rule: it stays well defined when boxes of
 * different sizes overlap, where equal gaps could push a box past its neighbour). The order
 * along the axis is kept; boxes on the same centre keep the order they were given in.
 *
 * @param boxes - the boxes to spread (fewer than {@link MIN_DISTRIBUTE}: nothing moves)
 * @param axis - `horizontal` moves boxes left and right, `vertical` up and down
 * @returns the new top-left corner of every box, by id
 * @example
 * distributeBoxes(
 *   [
 *     { id: 'a', x: 0, y: 0, width: 100, height: 50 },
 *     { id: 'b', x: 120, y: 0, width: 100, height: 50 },
 *     { id: 'c', x: 400, y: 0, width: 100, height: 50 },
 *   ],
 *   'horizontal',
 * );
 * // { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 400, y: 0 } }
 */
export function distributeBoxes(boxes: readonly HostBox[], axis: DistributeAxis): Record<string, Position> {
  const out: Record<string, Position> = {};
  for (const b of boxes) out[b.id] = { x: b.x, y: b.y };
  if (boxes.length < MIN_DISTRIBUTE) return out;
  const centre = (b: HostBox) => (axis === 'horizontal' ? b.x + b.width / 2 : b.y + b.height / 2);
  // Array.prototype.sort is stable: boxes on the same centre keep their given order.
  const sorted = [...boxes].sort((a, b) => centre(a) - centre(b));
  const first = centre(sorted[0]!);
  const step = (centre(sorted.at(-1)!) - first) / (sorted.length - 1);
  sorted.forEach((b, i) => {
    if (i === 0 || i === sorted.length - 1) return;
    const c = first + step * i;
    out[b.id] = axis === 'horizontal' ? { x: c - b.width / 2, y: b.y } : { x: b.x, y: c - b.height / 2 };
  });
  return out;
}
