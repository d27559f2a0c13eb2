/**
 * The top level and the zones of the layout graph, packed in rows: ELK lays out each site box (its
 * hosts' links decide much there), this puts the boxes, zones and loose hosts of one level in rows
 * by band. ELK's layering stacked every band, so a CAS with two primaries, a branch and a client
 * LAN came out a tall narrow column; here a band of zones that no link ties to the row above shares
 * that row, a wide band wraps, and each level takes the width that brings it nearest 16:9.
 */
import { NODE_PREFIX } from './layout-graph';
import type { LayoutNode, Size } from './layout-types';

/** The shape each packed level aims for: a landscape screen. */
export const ASPECT_RATIO = 16 / 9;
/** A level is not wrapped narrower than this (about a screen): three domain controllers stay one row. */
export const MIN_WRAP_WIDTH = 1280;

interface Spacing {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Between two nodes of a row, and between the rows a wide band wraps into. */
  readonly node: number;
  /** Between two bands. */
  readonly band: number;
}

/** A level's spacing, read from the ELK options the graph gives it, so the two never disagree. */
function spacing(node: LayoutNode): Spacing {
  const options = node.layoutOptions ?? {};
  const padding = (side: string) =>
    Number(new RegExp(`${side}=(\\d+(?:\\.\\d+)?)`).exec(options['elk.padding'] ?? '')?.[1] ?? 0);
  return {
    top: padding('top'),
    left: padding('left'),
    bottom: padding('bottom'),
    right: padding('right'),
    node: Number(options['elk.spacing.nodeNode'] ?? 40),
    band: Number(options['elk.layered.spacing.nodeNodeBetweenLayers'] ?? 56),
  };
}

const tierOf = (node: LayoutNode) => Number(node.layoutOptions?.['elk.partitioning.partition'] ?? 0);
const isZone = (node: LayoutNode) => node.id.startsWith(NODE_PREFIX.zone);
const sizeOf = (node: LayoutNode): Size => ({ width: node.width ?? 0, height: node.height ?? 0 });

/**
 * The rows of one level before wrapping: its children by band (partition), where the zones of a
 * band that no edge ties to a row of zones above join that row (a branch office beside the client LAN,
 * both below the datacenter they talk to). Hosts and site boxes keep their bands: a client stays
 * below its server even without a link, a peer on the top edge.
 */
function rowsOf(children: readonly LayoutNode[], linked: (a: string, b: string) => boolean): LayoutNode[][] {
  const bands = new Map<number, LayoutNode[]>();
  for (const child of children) {
    const band = bands.get(tierOf(child));
    if (band) band.push(child);
    else bands.set(tierOf(child), [child]);
  }
  const rows: LayoutNode[][] = [];
  for (const tier of [...bands.keys()].sort((a, b) => a - b)) {
    const band = bands.get(tier)!;
    const last = rows[rows.length - 1];
    const zonesAbove = last?.every(isZone) ?? false;
    const joins = (n: LayoutNode) => zonesAbove && isZone(n) && !last!.some((m) => linked(n.id, m.id));
    const joining = new Set(band.filter(joins));
    last?.push(...joining);
    const rest = band.filter((n) => !joining.has(n));
    if (rest.length > 0) rows.push(rest);
  }
  return rows;
}

interface Placed {
  readonly node: LayoutNode;
  readonly x: number;
  readonly y: number;
}

/**
 * Places the rows at one content width: each row's nodes ordered by where the nodes they link to
 * sit in the rows above (so a secondary comes below its primary), wrapped at `width`, top-aligned
 * and centred.
 */
function arrange(
  rows: readonly LayoutNode[][],
  width: number,
  gap: Spacing,
  neighbours: ReadonlyMap<string, readonly string[]>,
): { placed: Placed[]; width: number; height: number } {
  /** Centre x of each node placed so far, relative to the level's centre line. */
  const centres = new Map<string, number>();
  const lines: { nodes: LayoutNode[]; width: number; height: number }[] = [];
  const bandStarts = new Set<number>();
  for (const row of rows) {
    const key = (n: LayoutNode) => {
      const xs = (neighbours.get(n.id) ?? []).map((id) => centres.get(id)).filter((x) => x !== undefined);
      return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.POSITIVE_INFINITY;
    };
    const keys = new Map(row.map((n) => [n, key(n)]));
    // Stable: nodes with no neighbour above after the others; of equals, boxes before loose hosts
    // (a domain controller beside the primaries, not between them), else the graph's order.
    const loose = (n: LayoutNode) => (n.children ? 0 : 1);
    const ordered = [...row].sort((a, b) => keys.get(a)! - keys.get(b)! || loose(a) - loose(b));
    const start = lines.length;
    bandStarts.add(start);
    let line = { nodes: [] as LayoutNode[], width: 0, height: 0 };
    for (const n of ordered) {
      const { width: w, height: h } = sizeOf(n);
      if (line.nodes.length > 0 && line.width + gap.node + w > width) {
        lines.push(line);
        line = { nodes: [], width: 0, height: 0 };
      }
      line.width += (line.nodes.length > 0 ? gap.node : 0) + w;
      line.height = Math.max(line.height, h);
      line.nodes.push(n);
    }
    lines.push(line);
    // Centres of this band's lines, known before the next band is ordered.
    for (const l of lines.slice(start)) {
      let x = -l.width / 2;
      for (const n of l.nodes) {
        centres.set(n.id, x + sizeOf(n).width / 2);
        x += sizeOf(n).width + gap.node;
      }
    }
  }
  const contentWidth = Math.max(0, ...lines.map((l) => l.width));
  const placed: Placed[] = [];
  let y = 0;
  lines.forEach((l, i) => {
    if (i > 0) y += bandStarts.has(i) ? gap.band : gap.node;
    let x = (contentWidth - l.width) / 2;
    for (const n of l.nodes) {
      placed.push({ node: n, x, y });
      x += sizeOf(n).width + gap.node;
    }
    y += l.height;
  });
  return { placed, width: contentWidth, height: y };
}

/** One packed level: its children placed (relative to it) and its own size, padding included. */
function packLevel(level: LayoutNode, children: readonly LayoutNode[]): LayoutNode {
  const gap = spacing(level);
  const neighbours = new Map<string, string[]>();
  for (const e of level.edges ?? []) {
    const [a, b] = [e.sources[0], e.targets[0]];
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const rows = rowsOf(children, (a, b) => neighbours.get(a)?.includes(b) ?? false);
  const widest = Math.max(0, ...children.map((n) => sizeOf(n).width));
  const natural = Math.max(
    widest,
    ...rows.map((r) => r.reduce((sum, n) => sum + sizeOf(n).width, 0) + gap.node * (r.length - 1)),
  );
  // Narrower and narrower widths, a few percent apart, down to the widest child (and no narrower
  // than MIN_WRAP_WIDTH): the narrowest
  // whose drawing is still at least as wide as the aspect ratio wins. Each level aims for it
  // only from the wide side: a zone wrapped to 16:9 on its own made the whole drawing taller.
  const landscape = (a: ReturnType<typeof arrange>) =>
    a.width + gap.left + gap.right >= ASPECT_RATIO * (a.height + gap.top + gap.bottom);
  let best = arrange(rows, natural, gap, neighbours);
  const narrowest = Math.max(widest, MIN_WRAP_WIDTH);
  for (let w = natural / 1.1; w >= narrowest && landscape(best); w /= 1.1) {
    const next = arrange(rows, w, gap, neighbours);
    if (!landscape(next)) break;
    best = next;
  }
  return {
    ...level,
    width: best.width + gap.left + gap.right,
    height: best.height + gap.top + gap.bottom,
    children: best.placed.map(({ node, x, y }) => ({ ...node, x: x + gap.left, y: y + gap.top })),
  };
}

/**
 * The site boxes ELK lays out: every compound node that is not a zone, below the top level or a zone.
 *
 * @param graph - The graph `layoutGraph` made.
 * @returns The site box nodes, each to be laid out by ELK as a graph of its own.
 * @example
 * const results = await Promise.all(elkBoxes(graph).map((box) => elk.layout(box)));
 */
export function elkBoxes(graph: LayoutNode): LayoutNode[] {
  const boxes: LayoutNode[] = [];
  const visit = (level: LayoutNode) => {
    for (const child of level.children ?? []) {
      if (isZone(child)) visit(child);
      else if (child.children) boxes.push(child);
    }
  };
  visit(graph);
  return boxes;
}

/**
 * Packs the top level and every zone, inside out, around the site boxes ELK laid out.
 *
 * @param graph - The graph `layoutGraph` made.
 * @param laidOut - ELK's result per site box id (see {@link elkBoxes}), with its size and its children placed.
 * @returns The graph with x, y, width and height on every node, x and y relative to the parent, as
 *   `elk.layout` would return it; read it with `positionsFrom`.
 * @example
 * const laidOut = new Map(results.map((box) => [box.id, box]));
 * const placement = positionsFrom(packLayout(graph, laidOut));
 */
export function packLayout(graph: LayoutNode, laidOut: ReadonlyMap<string, LayoutNode>): LayoutNode {
  const pack = (level: LayoutNode): LayoutNode => {
    const children = (level.children ?? []).map((child) => {
      if (isZone(child) && child.children) return pack(child);
      const box = laidOut.get(child.id);
      // ELK's result as a graph of its own: its size and its children's places, the band from here.
      return box ? { ...child, width: box.width, height: box.height, children: box.children } : child;
    });
    return packLevel(level, children);
  };
  return { ...pack(graph), x: 0, y: 0 };
}
