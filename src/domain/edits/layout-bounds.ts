import type { Position } from '../document';

/** The smallest box around a set of positions. */
export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * The bounding box of the positions in a layout. A loop rather than `Math.max(...)`: spreading
 * ten thousand positions into one call can overflow the stack.
 *
 * @param layout - positions by host id
 * @returns the box, or undefined when the layout is empty
 * @example
 * layoutBounds({ a: { x: 0, y: 10 }, b: { x: 300, y: -5 } }); // { minX: 0, minY: -5, maxX: 300, maxY: 10 }
 */
export function layoutBounds(layout: Readonly<Record<string, Position>>): Bounds | undefined {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let any = false;
  for (const p of Object.values(layout)) {
    any = true;
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return any ? { minX, minY, maxX, maxY } : undefined;
}
