/**
 * Big groups of like hosts in a site box (hundreds of distribution points, a site's clients) go in
 * a grid: one fixed-size node that ELK places as a whole, its hosts in rows and columns inside.
 * Layering hundreds of nodes cost ELK seconds and drew one row thousands of pixels wide; a grid
 * costs nothing and reads as "these are alike".
 */
import type { LayoutNode } from './layout-types';

/** A child of one graph with its band; `like` groups hosts of the same roles that may share a grid. */
export interface Member {
  readonly node: LayoutNode;
  readonly tier: number;
  readonly like?: string;
}

/** A band of a site box with this many hosts is busy: its groups of like hosts go in grids. */
export const BUSY_BAND = 16;
/**
 * The smallest group of like hosts of a busy band that is a grid (a site of ten hosts each of four
 * system roles is four small grids, not a row 8,000 px wide that took ELK 60 ms a site).
 */
export const GRID_MIN = 8;
/** Space between a grid's cells, as between any two nodes (`elk.spacing.nodeNode`). */
const GRID_GAP = 40;
/** ELK keeps a `fixed` node's children where they are and sizes it to them, without padding. */
const GRID_OPTIONS = { 'elk.algorithm': 'fixed', 'elk.padding': '[top=0,left=0,bottom=0,right=0]' };

/**
 * One grid node of hosts: cells as big as the biggest host, columns chosen so the grid is about
 * as wide as it is tall (grids sit side by side in their band, so a square keeps the box compact).
 *
 * @param id - The grid node's id.
 * @param hosts - The hosts, in the order their cells are filled (row by row).
 * @returns A node with `elk.algorithm: fixed`, its size set and each host at its cell.
 * @example
 * gridNode('grid:P01:1', dps).children![1]; // { id: 'host:dp2', x: 212, y: 0, width: 172, height: 64 }
 */
export function gridNode(id: string, hosts: readonly LayoutNode[]): LayoutNode {
  const cellWidth = Math.max(...hosts.map((h) => h.width ?? 0)) + GRID_GAP;
  const cellHeight = Math.max(...hosts.map((h) => h.height ?? 0)) + GRID_GAP;
  const columns = Math.max(1, Math.round(Math.sqrt((hosts.length * cellHeight) / cellWidth)));
  const rows = Math.ceil(hosts.length / columns);
  const children = hosts.map((h, i) => ({
    ...h,
    x: (i % columns) * cellWidth,
    y: Math.floor(i / columns) * cellHeight,
  }));
  return {
    id,
    width: Math.min(columns, hosts.length) * cellWidth - GRID_GAP,
    height: rows * cellHeight - GRID_GAP,
    layoutOptions: GRID_OPTIONS,
    children,
  };
}

/**
 * The members of one site box with every group of at least {@link GRID_MIN} like hosts in a band of
 * at least {@link BUSY_BAND} hosts replaced by one grid member in the place of the group's first host.
 *
 * @param members - The box's members; hosts carry `like` (their roles), boxes none.
 * @param prefix - Prefix of the grid ids (the box's id), so grids of different boxes never collide.
 * @returns The members and, per gridded host node id, the id of its grid.
 * @example
 * const { members, gridOf } = gridded(siteMembers, 'grid:P01:');
 */
export function gridded(
  members: readonly Member[],
  prefix: string,
): { members: Member[]; gridOf: ReadonlyMap<string, string> } {
  const groups = new Map<string, Member[]>();
  const bands = new Map<number, number>();
  for (const m of members) {
    if (m.like === undefined) continue;
    bands.set(m.tier, (bands.get(m.tier) ?? 0) + 1);
    const key = `${m.tier}\n${m.like}`;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const gridOf = new Map<string, string>();
  const firsts = new Map<Member, Member>();
  for (const group of groups.values()) {
    if (group.length < GRID_MIN || bands.get(group[0]!.tier)! < BUSY_BAND) continue;
    const id = `${prefix}${firsts.size}`;
    for (const m of group) gridOf.set(m.node.id, id);
    const nodes = group.map((m) => m.node);
    firsts.set(group[0]!, { node: gridNode(id, nodes), tier: group[0]!.tier });
  }
  const out: Member[] = [];
  for (const m of members) {
    const grid = firsts.get(m);
    if (grid) out.push(grid);
    else if (!gridOf.has(m.node.id)) out.push(m);
  }
  return { members: out, gridOf };
}
