import type { Position } from './document';

/** How close (centre to centre) another host may be before a spot counts as taken. */
export const CROWDED = 120;
/** How far a new host is set below and to the right of the hosts it belongs to. */
export const BESIDE = { x: 200, y: 120 } as const;
/** How far a new host moves down at a time while its spot is taken. */
export const STEP_DOWN = 140;

/**
 * The first free spot at or below `start`: moved down by {@link STEP_DOWN} until no position in
 * `taken` lies within {@link CROWDED}; gives up after `maxSteps` and returns the last spot tried.
 *
 * @param taken - positions of the hosts already on the canvas
 * @param start - where the host would go if the spot were free
 * @returns a position with whole-number coordinates
 * @example
 * freeSpot([{ x: 0, y: 0 }], { x: 0, y: 0 }); // { x: 0, y: 140 }
 */
export function freeSpot(taken: readonly Position[], start: Position, maxSteps = 1000): Position {
  const x = Math.round(start.x);
  let y = Math.round(start.y);
  for (let step = 0; step < maxSteps; step += 1) {
    if (!taken.some((p) => Math.hypot(p.x - x, p.y - y) < CROWDED)) break;
    y += STEP_DOWN;
  }
  return { x, y };
}

/**
 * Where a host that belongs beside others goes: below and to the right of their centre
 * ({@link BESIDE}), then down to the first free spot.
 *
 * @param anchors - positions of the hosts it belongs to (at least one)
 * @param taken - positions of every host on the canvas
 * @example
 * besideHosts([{ x: 0, y: 0 }], [{ x: 0, y: 0 }]); // { x: 200, y: 120 }
 */
export function besideHosts(anchors: readonly Position[], taken: readonly Position[]): Position {
  let x = 0;
  let y = 0;
  for (const p of anchors) {
    x += p.x;
    y += p.y;
  }
  const n = Math.max(1, anchors.length);
  return freeSpot(taken, { x: x / n + BESIDE.x, y: y / n + BESIDE.y });
}

/** Half a new host's box: a host placed "at" a point has its centre there, not its corner. */
export const HOST_HALF = { x: 84, y: 30 } as const;
