import {
  ALIGN_KINDS,
  type AlignKind,
  alignBoxes,
  distributeBoxes,
  type HostBox,
  hostBoxes,
} from '@/domain/edits/align';

const box = (id: string, x: number, y: number, width = 100, height = 50): HostBox => ({
  id,
  x,
  y,
  width,
  height,
});

// Three boxes of different sizes: a (0,0 100x50), b (300,80 200x40), c (120,200 60x100).
const three = [box('a', 0, 0), box('b', 300, 80, 200, 40), box('c', 120, 200, 60, 100)];

describe('aligning boxes', () => {
  it.each<[AlignKind, Record<string, { x: number; y: number }>]>([
    ['left', { a: { x: 0, y: 0 }, b: { x: 0, y: 80 }, c: { x: 0, y: 200 } }],
    // The bounding box runs from 0 to 500: its centre line is at 250.
    ['centre', { a: { x: 200, y: 0 }, b: { x: 150, y: 80 }, c: { x: 220, y: 200 } }],
    ['right', { a: { x: 400, y: 0 }, b: { x: 300, y: 80 }, c: { x: 440, y: 200 } }],
    ['top', { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 120, y: 0 } }],
    // From 0 to 300: the middle line is at 150.
    ['middle', { a: { x: 0, y: 125 }, b: { x: 300, y: 130 }, c: { x: 120, y: 100 } }],
    ['bottom', { a: { x: 0, y: 250 }, b: { x: 300, y: 260 }, c: { x: 120, y: 200 } }],
  ])('aligns %s', (kind, expected) => {
    expect(alignBoxes(three, kind)).toEqual(expected);
  });

  it('puts every box on the same line, whatever order the boxes come in', () => {
    for (const kind of ALIGN_KINDS) {
      const forward = alignBoxes(three, kind);
      expect(alignBoxes([...three].reverse(), kind)).toEqual(forward);
    }
    const centred = alignBoxes(three, 'centre');
    const centres = three.map((b) => (centred[b.id]?.x ?? Number.NaN) + b.width / 2);
    expect(new Set(centres)).toEqual(new Set([250]));
  });

  it('moves nothing for a single box', () => {
    expect(alignBoxes([box('a', 10, 20)], 'right')).toEqual({ a: { x: 10, y: 20 } });
    expect(alignBoxes([], 'left')).toEqual({});
  });
});

describe('distributing boxes', () => {
  it('keeps the outer boxes and puts the centres of the others at equal steps', () => {
    const next = distributeBoxes([box('a', 0, 0), box('b', 120, 10), box('c', 400, 20)], 'horizontal');
    expect(next).toEqual({ a: { x: 0, y: 0 }, b: { x: 200, y: 10 }, c: { x: 400, y: 20 } });
  });

  it('orders by position along the axis, not by the order given, and spreads boxes of any size', () => {
    const next = distributeBoxes(
      [
        box('low', 0, 600, 100, 100),
        box('top', 0, 0, 100, 20),
        box('mid', 50, 100, 100, 60),
        box('m2', 0, 90),
      ],
      'vertical',
    );
    // Centres: top 10, low 650, so the steps are 10, 223.3…, 436.6…, 650; x never changes.
    expect(next.top).toEqual({ x: 0, y: 0 });
    expect(next.low).toEqual({ x: 0, y: 600 });
    expect(next.m2?.y).toBeCloseTo(10 + 640 / 3 - 25);
    expect(next.mid?.y).toBeCloseTo(10 + (2 * 640) / 3 - 30);
    expect(next.mid?.x).toBe(50);
  });

  it('keeps the given order of boxes on the same centre', () => {
    const next = distributeBoxes(
      [box('a', 0, 0), box('b', 0, 0), box('c', 0, 0), box('d', 300, 0)],
      'horizontal',
    );
    expect(next).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 100, y: 0 },
      c: { x: 200, y: 0 },
      d: { x: 300, y: 0 },
    });
  });

  it('moves nothing for fewer than three boxes', () => {
    const two = [box('a', 0, 0), box('b', 500, 40)];
    expect(distributeBoxes(two, 'horizontal')).toEqual({ a: { x: 0, y: 0 }, b: { x: 500, y: 40 } });
  });
});

describe('host boxes', () => {
  it('takes positions from the layout and sizes as measured, or the fallback size', () => {
    const boxes = hostBoxes(
      { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } },
      ['b', 'a', 'gone', 'b'],
      { b: { width: 180, height: 70 } },
      { width: 172, height: 64 },
    );
    expect(boxes).toEqual([
      { id: 'b', x: 3, y: 4, width: 180, height: 70 },
      { id: 'a', x: 1, y: 2, width: 172, height: 64 },
    ]);
  });

  it('does not read inherited names as host ids', () => {
    expect(hostBoxes({}, ['constructor', 'toString'], {}, { width: 1, height: 1 })).toEqual([]);
  });
});
