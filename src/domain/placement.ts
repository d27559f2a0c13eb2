import type { Position } from './document';
import { type SpotGrid, spotGrid } from './spot-grid';

/** How close (centre to centre) another host may be before a spot counts as taken. */
export const CROWDED = 120;
/** How far a new host is set below and to the right of the hosts it belongs to. */
export const BESIDE = { x: 200, y: 120 } as const;
/** How far a new host moves down at a time while its spot is taken. */
export const STEP_DOWN = 140;

/** Positions filed for {@link freeSpot}'s question (anything within {@link CROWDED}?), made by {@link crowdGrid}. */
export type CrowdGrid = SpotGrid & { readonly reach: typeof CROWDED };

/**
 * The hosts' positions filed for {@link freeSpot}: make it once to place several hosts among many
 * (add each placed one to it), rather than have every call file the list again.
 *
 * @example crowdGrid(Object.values(layout))
 */
export function crowdGrid(positions: Iterable<Position>): CrowdGrid {
  return Object.assign(spotGrid(positions, CROWDED, CROWDED), { reach: CROWDED } as const);
}

/** Positions of the hosts on the canvas: as a list, or filed in a {@link CrowdGrid}. */
export type Taken = readonly Position[] | CrowdGrid;

/** The positions inside a box (one unit of margin on each side for rounding): a placement's reach. */
function inBox(
  taken: readonly Position[],
  minX: number,
  maxX: number,
  minY: number,
  maxY: number,
): Position[] {
  const out: Position[] = [];
  for (const p of taken)
    if (p.x > minX - 1 && p.x < maxX + 1 && p.y > minY - 1 && p.y < maxY + 1) out.push(p);
  return out;
}

/**
 * The first free spot at or below `start`: moved down by {@link STEP_DOWN} until no position in
 * `taken` lies within {@link CROWDED}; gives up after `maxSteps` and returns the last spot tried.
 * Each step looks only at the positions filed near it; a list is first cut to the column the steps
 * can reach, so a spot among 100,000 hosts takes one pass over them, not one per step.
 *
 * @param taken - positions of the hosts already on the canvas
 * @param start - where the host would go if the spot were free
 * @returns a position with whole-number coordinates
 * @example
 * freeSpot([{ x: 0, y: 0 }], { x: 0, y: 0 }); // { x: 0, y: 140 }
 */
export function freeSpot(taken: Taken, start: Position, maxSteps = 1000): Position {
  const x = Math.round(start.x);
  let y = Math.round(start.y);
  const grid = Array.isArray(taken)
    ? crowdGrid(inBox(taken, x - CROWDED, x + CROWDED, y - CROWDED, y + maxSteps * STEP_DOWN + CROWDED))
    : (taken as CrowdGrid);
  for (let step = 0; step < maxSteps; step += 1) {
    const at = y;
    if (!grid.some(x, at, (p) => Math.hypot(p.x - x, p.y - at) < CROWDED)) break;
    y += STEP_DOWN;
  }
  return { x, y };
}

/**
 * Where a host that belongs beside others goes: below and to the right of their centre
 * ({@link BESIDE}), then down to the first free spot.
 *
 * @param anchors - positions of the hosts it belongs to (at least one)
 * @param taken - positions of every host on the canvas (a {@link CrowdGrid} when placing several)
 * @example
 * besideHosts([{ x: 0, y: 0 }], [{ x: 0, y: 0 }]); // { x: 200, y: 120 }
 */
export function besideHosts(anchors: readonly Position[], taken: Taken): Position {
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

/** A new host's box (before React Flow measures it), and the gap kept around it when placing. */
export const HOST_BOX = { width: HOST_HALF.x * 2, height: HOST_HALF.y * 2 + 20 } as const;
export const HOST_GAP = 24;

/** True when a host at `a` and one at `b` (top-left corners) would overlap, gap included. */
export function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < HOST_BOX.width + HOST_GAP && Math.abs(a.y - b.y) < HOST_BOX.height + HOST_GAP;
}

/** How far apart the offsets {@link clearOffset} tries lie: half a host box with its gap. */
const OFFSET_STEP = {
  x: Math.round((HOST_BOX.width + HOST_GAP) / 2),
  y: Math.round((HOST_BOX.height + HOST_GAP) / 2),
} as const;

/**
 * The offsets {@link clearOffset} tries, in its order: on a grid of {@link OFFSET_STEP} around
 * `base`, ring by ring, nearest first; on a tie below before above, right before left (reading order).
 *
 * @example [...offsetsOutward({ x: 0, y: 0 }, 0)] // [{ x: 0, y: 0 }]
 */
export function* offsetsOutward(base: Position, maxRings: number): Generator<Position> {
  for (let ring = 0; ring <= maxRings; ring += 1) {
    const candidates: Position[] = [];
    for (let i = -ring; i <= ring; i += 1) {
      for (let j = -ring; j <= ring; j += 1) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        candidates.push({ x: base.x + i * OFFSET_STEP.x, y: base.y + j * OFFSET_STEP.y });
      }
    }
    const distance = (c: Position) => Math.hypot(c.x - base.x, c.y - base.y);
    candidates.sort((a, b) => distance(a) - distance(b) || b.y - a.y || b.x - a.x);
    yield* candidates;
  }
}

/**
 * The offset nearest to `start` that moves every position of `placed` clear of every position in
 * `taken` (no two host boxes overlap, a gap kept). Tried on a grid of half-host steps, ring by ring
 * around `start`, nearest first; after `maxRings` rings the last one tried is returned.
 *
 * @param taken - positions (top-left corners) of the hosts already on the canvas
 * @param placed - positions of the hosts being placed, before the offset
 * @param start - the offset wanted if nothing were in the way
 * @returns an offset with whole-number coordinates
 * @example
 * clearOffset([{ x: 0, y: 0 }], [{ x: 0, y: 0 }], { x: 0, y: 0 }); // { x: 0, y: 104 }: just below
 */
export function clearOffset(
  taken: readonly Position[],
  placed: readonly Position[],
  start: Position,
  maxRings = 60,
): Position {
  const { x: sx, y: sy } = OFFSET_STEP;
  const base = { x: Math.round(start.x), y: Math.round(start.y) };
  // Only positions within the rings' reach can be in the way, and of those only the ones filed near a spot.
  const reachX = HOST_BOX.width + HOST_GAP;
  const reachY = HOST_BOX.height + HOST_GAP;
  // The placed hosts' extent (a loop: a paste of many hosts is too large to spread into Math.min).
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of placed) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const box = inBox(
    taken,
    base.x + minX - maxRings * sx - reachX,
    base.x + maxX + maxRings * sx + reachX,
    base.y + minY - maxRings * sy - reachY,
    base.y + maxY + maxRings * sy + reachY,
  );
  const grid = spotGrid(box, reachX, reachY);
  const free = (o: Position) =>
    placed.every((p) => {
      const at = { x: p.x + o.x, y: p.y + o.y };
      return !grid.some(at.x, at.y, (t) => overlaps(at, t));
    });
  let last = base;
  for (const c of offsetsOutward(base, maxRings)) {
    if (free(c)) return c;
    last = c;
  }
  return last;
}

/**
 * Where a new host goes near a point (the centre of the view, say): centred on it when the spot is
 * free, else on the nearest free spot, so click-to-add never stacks hosts.
 *
 * @param taken - positions of the hosts already on the canvas
 * @param centre - the point the host's centre should be near
 * @returns the new host's top-left corner
 * @example
 * freeSpotNear([], { x: 84, y: 30 }); // { x: 0, y: 0 }
 */
export function freeSpotNear(taken: readonly Position[], centre: Position): Position {
  return clearOffset(taken, [{ x: 0, y: 0 }], { x: centre.x - HOST_HALF.x, y: centre.y - HOST_HALF.y });
}
