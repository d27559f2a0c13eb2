import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '@/domain/document';
import {
  BESIDE,
  CROWDED,
  clearOffset,
  crowdGrid,
  freeSpot,
  offsetsOutward,
  overlaps,
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

// The offsets are tried in clearOffset's own order; each is checked against every position.
function clearOffsetByScan(
  taken: readonly Position[],
  placed: readonly Position[],
  start: Position,
): Position {
  const base = { x: Math.round(start.x), y: Math.round(start.y) };
  let last = base;
  for (const o of offsetsOutward(base, 60)) {
    if (placed.every((p) => !taken.some((t) => overlaps({ x: p.x + o.x, y: p.y + o.y }, t)))) return o;
    last = o;
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
