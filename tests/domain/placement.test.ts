import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '@/domain/document';
import {
  BESIDE,
  CROWDED,
  clearOffset,
  crowdGrid,
  freeSpot,
  HOST_BOX,
  HOST_GAP,
  STEP_DOWN,
} from '@/domain/placement';
import { spotGrid } from '@/domain/spot-grid';

// The placements as they were before the grid: every spot compared with every position.
function freeSpotByScan(taken: readonly Position[], start: Position, maxSteps = 1000): Position {
  const x = Math.round(start.x);
  let y = Math.round(start.y);
  for (let step = 0; step < maxSteps; step += 1) {
    if (!taken.some((p) => Math.hypot(p.x - x, p.y - y) < CROWDED)) break;
    y += STEP_DOWN;
  }
  return { x, y };
}

const overlaps = (a: Position, b: Position) =>
  Math.abs(a.x - b.x) < HOST_BOX.width + HOST_GAP && Math.abs(a.y - b.y) < HOST_BOX.height + HOST_GAP;

function clearOffsetByScan(
  taken: readonly Position[],
  placed: readonly Position[],
  start: Position,
): Position {
  const sx = Math.round((HOST_BOX.width + HOST_GAP) / 2);
  const sy = Math.round((HOST_BOX.height + HOST_GAP) / 2);
  const base = { x: Math.round(start.x), y: Math.round(start.y) };
  const free = (o: Position) =>
    placed.every((p) => !taken.some((t) => overlaps({ x: p.x + o.x, y: p.y + o.y }, t)));
  let last = base;
  for (let ring = 0; ring <= 60; ring += 1) {
    const candidates: Position[] = [];
    for (let i = -ring; i <= ring; i += 1)
      for (let j = -ring; j <= ring; j += 1)
        if (Math.max(Math.abs(i), Math.abs(j)) === ring)
          candidates.push({ x: base.x + i * sx, y: base.y + j * sy });
    const distance = (c: Position) => Math.hypot(c.x - base.x, c.y - base.y);
    candidates.sort((a, b) => distance(a) - distance(b) || b.y - a.y || b.x - a.x);
    for (const c of candidates) {
      if (free(c)) return c;
      last = c;
    }
  }
  return last;
}

// Crowded estates: positions on a coarse lattice near the start, as a column of hosts is laid out,
// with some off it; coordinates up to the document limit (±1,000,000).
const coordinate = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map((n) => n * 140),
  fc.integer({ min: -2000, max: 2000 }),
  fc.double({ min: -1_000_000, max: 1_000_000, noNaN: true }),
);
const position = fc.record({ x: coordinate, y: coordinate });
const column = fc
  .tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 40 }))
  .map(([x, n]) => Array.from({ length: n }, (_, i) => ({ x: x + (i % 3), y: i * 130 - 300 })));
const layout = fc.tuple(fc.array(position, { maxLength: 60 }), column).map(([a, b]) => [...a, ...b]);

describe('placement among many hosts', () => {
  it('finds the same free spot as comparing with every position', () => {
    fc.assert(
      fc.property(layout, position, fc.boolean(), (taken, start, asGrid) => {
        const expected = freeSpotByScan(taken, start);
        expect(freeSpot(asGrid ? crowdGrid(taken) : taken, start)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('places several hosts in turn as the scan does, each one added to the grid', () => {
    fc.assert(
      fc.property(layout, fc.array(position, { minLength: 1, maxLength: 8 }), (taken, starts) => {
        const list = [...taken];
        const grid = crowdGrid(taken);
        for (const start of starts) {
          const expected = freeSpotByScan(list, start);
          const got = freeSpot(grid, start);
          expect(got).toEqual(expected);
          list.push(expected);
          grid.add(got);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same clear offset for a pasted group as the scan', () => {
    fc.assert(
      fc.property(
        layout,
        fc.array(
          fc.record({ x: fc.integer({ min: -300, max: 300 }), y: fc.integer({ min: -300, max: 300 }) }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        position,
        (taken, placed, start) => {
          expect(clearOffset(taken, placed, start)).toEqual(clearOffsetByScan(taken, placed, start));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('steps down a column of 100,000 hosts without comparing each step with all of them', () => {
    // A column 50 high under the start, the rest of the estate far to the right.
    const taken: Position[] = [];
    for (let i = 0; i < 50; i += 1) taken.push({ x: BESIDE.x, y: BESIDE.y + i * STEP_DOWN });
    for (let i = 0; i < 99_950; i += 1)
      taken.push({ x: 10_000 + (i % 300) * 240, y: Math.floor(i / 300) * 140 });
    let compared = 0;
    const grid = crowdGrid(taken);
    const counting = {
      ...grid,
      some: (x: number, y: number, near: (p: Position) => boolean) =>
        grid.some(x, y, (p) => {
          compared += 1;
          return near(p);
        }),
    };
    expect(freeSpot(counting, BESIDE)).toEqual({ x: BESIDE.x, y: BESIDE.y + 50 * STEP_DOWN });
    expect(compared).toBeLessThan(200);
  });
});

describe('spotGrid', () => {
  it('tries every position within reach, and answers for points off the number line', () => {
    const grid = spotGrid(
      [
        { x: 0, y: 0 },
        { x: 1_000_000, y: -1_000_000 },
        { x: Number.NaN, y: 0 },
      ],
      120,
      50,
    );
    const seen: Position[] = [];
    grid.some(119.9, 49.9, (p) => {
      seen.push(p);
      return false;
    });
    expect(seen).toEqual([{ x: 0, y: 0 }]);
    expect(grid.some(1_000_119, -1_000_049, (p) => p.x === 1_000_000)).toBe(true);
    expect(grid.some(Number.POSITIVE_INFINITY, 0, () => true)).toBe(false);
    expect(grid.some(Number.NaN, Number.NaN, (p) => Math.hypot(p.x, p.y) < 120)).toBe(false);
    expect(grid.some(2 ** 60, 0, () => true)).toBe(false);
  });
});
