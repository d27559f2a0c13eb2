/** Plane geometry for links drawn between host boxes (floating ends, parallel strokes, arrowheads). */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Segment {
  readonly from: Point;
  readonly to: Point;
}

/** A host's box from its anchor handle (top centre of the host) and its measured size. */
export function boxAt(
  x: number,
  y: number,
  size: { readonly width: number; readonly height: number } | undefined,
): Box | undefined {
  if (!size || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  return { x: x - size.width / 2, y, width: size.width, height: size.height };
}

export function center(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where the ray from the centre of `box` towards `toward` leaves the box, pushed out by `gap`. */
export function borderPoint(box: Box, toward: Point, gap = 0): Point {
  const c = center(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const hw = box.width / 2 + gap;
  const hh = box.height / 2 + gap;
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : hw / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : hh / Math.abs(dy),
  );
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/** The visible part of the line between two boxes' centres: from border to border. */
export function floatingSegment(a: Box, b: Box, gap = 3): Segment {
  return { from: borderPoint(a, center(b), gap), to: borderPoint(b, center(a), gap) };
}

/** The segment moved sideways by `offset` (positive is to the left of the direction of travel). */
export function offsetSegment(segment: Segment, offset: number): Segment {
  const dx = segment.to.x - segment.from.x;
  const dy = segment.to.y - segment.from.y;
  const length = Math.hypot(dx, dy) || 1;
  const nx = (-dy / length) * offset;
  const ny = (dx / length) * offset;
  return {
    from: { x: segment.from.x + nx, y: segment.from.y + ny },
    to: { x: segment.to.x + nx, y: segment.to.y + ny },
  };
}

/** Sideways offsets of `count` parallel strokes `spacing` apart, centred on the line. */
export function strokeOffsets(count: number, spacing: number): number[] {
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * spacing);
}

/** The segment shortened at its end by `by` (so a stroke stops at the base of an arrowhead). */
export function trimEnd(segment: Segment, by: number): Segment {
  const dx = segment.to.x - segment.from.x;
  const dy = segment.to.y - segment.from.y;
  const length = Math.hypot(dx, dy);
  if (length <= by) return { from: segment.from, to: segment.from };
  const k = (length - by) / length;
  return { from: segment.from, to: { x: segment.from.x + dx * k, y: segment.from.y + dy * k } };
}

export function reverse(segment: Segment): Segment {
  return { from: segment.to, to: segment.from };
}

/** Points of an arrowhead whose tip is at `segment.to`, as an SVG polygon `points` value. */
export function arrowHead(segment: Segment, length: number, halfWidth: number): string {
  const dx = segment.to.x - segment.from.x;
  const dy = segment.to.y - segment.from.y;
  const d = Math.hypot(dx, dy) || 1;
  const ux = dx / d;
  const uy = dy / d;
  const tip = segment.to;
  const baseX = tip.x - ux * length;
  const baseY = tip.y - uy * length;
  const f = (n: number) => Math.round(n * 10) / 10;
  return [
    `${f(tip.x)},${f(tip.y)}`,
    `${f(baseX - uy * halfWidth)},${f(baseY + ux * halfWidth)}`,
    `${f(baseX + uy * halfWidth)},${f(baseY - ux * halfWidth)}`,
  ].join(' ');
}

/** The point at `t` (0 = from, 1 = to) along the segment. */
export function pointAt(segment: Segment, t: number): Point {
  return {
    x: segment.from.x + (segment.to.x - segment.from.x) * t,
    y: segment.from.y + (segment.to.y - segment.from.y) * t,
  };
}

export function pathOf(segment: Segment): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  return `M ${f(segment.from.x)} ${f(segment.from.y)} L ${f(segment.to.x)} ${f(segment.to.y)}`;
}
