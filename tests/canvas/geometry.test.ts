import {
  arrowHead,
  borderPoint,
  floatingSegment,
  offsetSegment,
  strokeOffsets,
  trimEnd,
} from '@/canvas/geometry';

const box = { x: 0, y: 0, width: 100, height: 50 };

describe('link geometry', () => {
  it.each([
    [
      { x: 500, y: 25 },
      { x: 100, y: 25 },
    ],
    [
      { x: -500, y: 25 },
      { x: 0, y: 25 },
    ],
    [
      { x: 50, y: 500 },
      { x: 50, y: 50 },
    ],
    [
      { x: 50, y: -500 },
      { x: 50, y: 0 },
    ],
  ])('leaves a box through its border towards %o', (toward, expected) => {
    expect(borderPoint(box, toward)).toEqual(expected);
  });

  it('runs a link from border to border, not centre to centre', () => {
    const s = floatingSegment(box, { x: 300, y: 0, width: 100, height: 50 }, 0);
    expect(s).toEqual({ from: { x: 100, y: 25 }, to: { x: 300, y: 25 } });
  });

  it('spreads parallel strokes evenly around the line', () => {
    expect(strokeOffsets(1, 4)).toEqual([0]);
    expect(strokeOffsets(3, 4)).toEqual([-4, 0, 4]);
    const moved = offsetSegment({ from: { x: 0, y: 0 }, to: { x: 10, y: 0 } }, 3);
    expect(moved).toEqual({ from: { x: 0, y: 3 }, to: { x: 10, y: 3 } });
  });

  it('puts an arrowhead tip on the end and shortens strokes to its base', () => {
    const s = { from: { x: 0, y: 0 }, to: { x: 100, y: 0 } };
    expect(arrowHead(s, 10, 5)).toBe('100,0 90,5 90,-5');
    expect(trimEnd(s, 8).to).toEqual({ x: 92, y: 0 });
  });
});
