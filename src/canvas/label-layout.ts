/**
 * Where link labels go so that none overlaps a host or another label (issue 12). Pure and
 * deterministic: labels are placed in priority order, each at its preferred point on its link or
 * shifted along the link to the nearest free spot, and hidden when no spot is free (the full
 * text stays on hover and in the link inspector). A spatial grid keeps each test to the few boxes
 * nearby, so thousands of links cost milliseconds; it runs when the layout, the selection or the
 * zoom's label detail changes, never per frame.
 */
import { type Box, pointAt, type Segment } from './geometry';

/** A label to place: its link, where it would like to sit, its size and its priority. */
export interface LabelRequest {
  readonly id: string;
  /** The link as drawn, border to border, in flow coordinates. */
  readonly segment: Segment;
  /** The preferred spot along the segment, 0 at `from` and 1 at `to`. */
  readonly at: number;
  /** The label's size in flow coordinates (its scale included). */
  readonly width: number;
  readonly height: number;
  /** Higher is placed first (see {@link labelPriority}). */
  readonly priority: number;
}

/** Where a label sits along its link, or that it is hidden. */
export interface LabelPlace {
  readonly t: number;
  readonly hidden: boolean;
}

export interface LabelLayoutOptions {
  /** Free space kept between a label and anything else, in flow coordinates. */
  readonly gap?: number;
  /** How many shifts along the link to try each way before hiding the label. */
  readonly tries?: number;
  /** Only labels whose link crosses this box are placed (the rendered part of a large diagram). */
  readonly region?: Box;
}

const CELL = 256;
const DEFAULT_GAP = 2;
const DEFAULT_TRIES = 6;
/** A label never sits closer to a link's end than this share of the link. */
const END_MARGIN = 0.05;

/**
 * A label's rank: the selected link first, then links with findings, then links with more ports.
 *
 * @param selected - The link is selected.
 * @param finding - The checks report errors or warnings about the link.
 * @param ports - How many ports its label lists.
 * @returns A number; labels with larger numbers are placed first.
 * @example
 * labelPriority(false, true, 2) > labelPriority(false, false, 40); // true: findings outrank ports
 */
export function labelPriority(selected: boolean, finding: boolean, ports: number): number {
  return (selected ? 2_000_000 : 0) + (finding ? 1_000_000 : 0) + Math.min(ports, 999_999);
}

/** Boxes in square cells, so an overlap test looks at the boxes near it only. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  private key(cx: number, cy: number): number {
    // Cells from -2^20 to 2^20 on each axis: 268 million flow units at 256 a cell.
    return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  }

  private span(box: Box): [number, number, number, number] {
    return [
      Math.floor(box.x / CELL),
      Math.floor(box.y / CELL),
      Math.floor((box.x + box.width) / CELL),
      Math.floor((box.y + box.height) / CELL),
    ];
  }

  add(box: Box): void {
    const [x0, y0, x1, y1] = this.span(box);
    for (let cx = x0; cx <= x1; cx += 1)
      for (let cy = y0; cy <= y1; cy += 1) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(box);
        else this.cells.set(k, [box]);
      }
  }

  /** Some box comes closer to `box` than `gap`. */
  hits(box: Box, gap: number): boolean {
    const [x0, y0, x1, y1] = this.span(grow(box, gap));
    for (let cx = x0; cx <= x1; cx += 1)
      for (let cy = y0; cy <= y1; cy += 1) {
        const list = this.cells.get(this.key(cx, cy));
        if (list) for (const other of list) if (overlaps(box, other, gap)) return true;
      }
    return false;
  }
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/**
 * Two boxes come closer than `gap`.
 *
 * @param a - One box.
 * @param b - The other.
 * @param gap - Space that must stay free between them (0: only touching is allowed).
 * @returns True when they overlap or come closer than `gap`.
 * @example
 * overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 11, y: 0, width: 5, height: 5 }, 2); // true
 */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** The box of a label centred at `t` along its segment. */
export function labelBoxAt(label: LabelRequest, t: number): Box {
  const c = pointAt(label.segment, t);
  return { x: c.x - label.width / 2, y: c.y - label.height / 2, width: label.width, height: label.height };
}

function crosses(segment: Segment, region: Box): boolean {
  const x0 = Math.min(segment.from.x, segment.to.x);
  const y0 = Math.min(segment.from.y, segment.to.y);
  const box = {
    x: x0,
    y: y0,
    width: Math.max(segment.from.x, segment.to.x) - x0,
    height: Math.max(segment.from.y, segment.to.y) - y0,
  };
  return overlaps(box, region);
}

/**
 * The spots a label tries, nearest its preferred one first: shifts along the link of half the
 * label's extent in the link's direction, alternating towards `to` and towards `from`.
 */
function candidates(label: LabelRequest, tries: number): number[] {
  const { from, to } = label.segment;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return [label.at];
  const extent = (Math.abs(dx) * label.width + Math.abs(dy) * label.height) / length;
  const step = Math.max(extent / 2, 8) / length;
  const out = [label.at];
  for (let k = 1; k <= tries; k += 1) {
    for (const t of [label.at + k * step, label.at - k * step])
      if (t >= END_MARGIN && t <= 1 - END_MARGIN) out.push(t);
  }
  return out;
}

/**
 * Places link labels so that none overlaps a host or another label.
 *
 * @param labels - The labels, in any order (placement depends on priorities and ids, not order).
 * @param hosts - Host boxes in flow coordinates; labels keep clear of them.
 * @param options - Gap, tries per direction, and the region of the diagram to place labels in.
 * @returns The place of each label in the region: `t` along its link, or hidden.
 * @example
 * const places = layoutLabels(
 *   [{ id: 'l1', segment: { from: { x: 0, y: 0 }, to: { x: 200, y: 0 } }, at: 0.5, width: 60, height: 16, priority: 1 }],
 *   [{ x: 80, y: -20, width: 40, height: 40 }],
 * );
 * places.get('l1'); // { t: 0.8…, hidden: false }: shifted clear of the host in the middle
 */
export function layoutLabels(
  labels: readonly LabelRequest[],
  hosts: readonly Box[],
  options: LabelLayoutOptions = {},
): Map<string, LabelPlace> {
  const gap = options.gap ?? DEFAULT_GAP;
  const tries = options.tries ?? DEFAULT_TRIES;
  const { region } = options;
  const grid = new BoxGrid();
  for (const host of hosts) if (!region || overlaps(host, region)) grid.add(host);
  const order = (region ? labels.filter((l) => crosses(l.segment, region)) : [...labels]).sort(
    (a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const places = new Map<string, LabelPlace>();
  for (const label of order) {
    let placed: LabelPlace | undefined;
    for (const t of candidates(label, tries)) {
      const box = labelBoxAt(label, t);
      if (!grid.hits(box, gap)) {
        grid.add(box);
        placed = { t, hidden: false };
        break;
      }
    }
    places.set(label.id, placed ?? { t: label.at, hidden: true });
  }
  return places;
}

/** Text metrics of `.link-label` (edges.css): 10.5 px monospace, 1.35 line height, padding and border. */
const CHAR_WIDTH = 6.4;
const LINE_HEIGHT = 14.2;
const PAD_X = 14;
const PAD_Y = 6;
const BADGE_HEIGHT = 18;
const BADGE_WIDTH = 24;

/**
 * A label's size estimated from its text, without measuring the page (thousands of labels).
 *
 * @param lines - The label's lines as drawn.
 * @param badge - It carries a findings badge (a row of its own above the lines).
 * @param scale - The label's scale against the zoom.
 * @returns Width and height in flow coordinates.
 * @example
 * labelSize(['TCP 80 443'], false, 1); // { width: 78, height: 20.2 }
 */
export function labelSize(
  lines: readonly string[],
  badge: boolean,
  scale: number,
): { width: number; height: number } {
  const chars = lines.reduce((m, l) => Math.max(m, l.length), 0);
  const width = Math.max(chars * CHAR_WIDTH, badge ? BADGE_WIDTH : 0) + PAD_X;
  const height = lines.length * LINE_HEIGHT + (badge ? BADGE_HEIGHT : 0) + PAD_Y;
  return { width: width * scale, height: height * scale };
}
