import type { Position } from './document';

/**
 * Positions filed in cells a little wider and taller than a reach, so the positions within reach of
 * a point are found in the 3 × 3 cells around it, not by a walk over every host. A placement that
 * asks "is anything near here?" at each step costs the same at 100,000 hosts as at ten.
 */
export interface SpotGrid {
  /** Files one more position. */
  add(position: Position): void;
  /**
   * True when `near` holds for a filed position. Every position within the grid's reach of (x, y)
   * is tried (others may be: `near` decides).
   */
  some(x: number, y: number, near: (position: Position) => boolean): boolean;
}

/**
 * A grid of `positions` for questions that reach at most `reachX` across and `reachY` down from a
 * point. A cell is one unit wider than the reach, so a position nearer than the reach is never two
 * cells away, whatever the rounding of a division.
 *
 * @param positions - the positions to file (copied into cells; the list is not kept)
 * @param reachX - how far across a question reaches (exclusive)
 * @param reachY - how far down a question reaches (exclusive)
 * @example
 * const grid = spotGrid([{ x: 0, y: 0 }], 120, 120);
 * grid.some(100, 0, (p) => Math.abs(p.x - 100) < 120); // true
 */
export function spotGrid(positions: Iterable<Position>, reachX: number, reachY: number): SpotGrid {
  const width = reachX + 1;
  const height = reachY + 1;
  const columns = new Map<number, Map<number, Position[]>>();
  const add = (position: Position) => {
    const cx = Math.floor(position.x / width);
    const cy = Math.floor(position.y / height);
    let column = columns.get(cx);
    if (!column) {
      column = new Map();
      columns.set(cx, column);
    }
    const cell = column.get(cy);
    if (cell) cell.push(position);
    else column.set(cy, [position]);
  };
  for (const position of positions) add(position);
  return {
    add,
    some(x, y, near) {
      const cx = Math.floor(x / width);
      const cy = Math.floor(y / height);
      // Counted by offset: past 2^53 (or at ±Infinity) cx + 1 is cx, and a loop on it never ends.
      for (let di = -1; di <= 1; di += 1) {
        const column = columns.get(cx + di);
        if (!column) continue;
        for (let dj = -1; dj <= 1; dj += 1) {
          if (column.get(cy + dj)?.some(near)) return true;
        }
      }
      return false;
    },
  };
}
