/** ELK result → what the canvas applies: absolute host positions, zone and site boxes. */
import type { Position } from '../document';
import { NODE_PREFIX } from './layout-graph';
import type { Box, LayoutNode, LayoutPlacement } from './layout-types';

/**
 * Reads a laid-out graph back. ELK gives each node's coordinates relative to its parent; this
 * adds the parents' offsets up, so every position and box is absolute.
 *
 * @param result - The graph `layoutGraph` made, as `elk.layout` returned it (with x, y, width, height).
 * @returns Top-left corner per host id, and a box per zone id and per site code, rounded to whole pixels.
 * @example
 * const { positions, zoneBoxes } = positionsFrom(await elk.layout(layoutGraph(document)));
 * positions.cas; // { x: 124, y: 88 }
 */
export function positionsFrom(result: LayoutNode): LayoutPlacement {
  const positions: Record<string, Position> = {};
  const zoneBoxes: Record<string, Box> = {};
  const siteBoxes: Record<string, Box> = {};
  const visit = (node: LayoutNode, dx: number, dy: number) => {
    const x = dx + (node.x ?? 0);
    const y = dy + (node.y ?? 0);
    const box: Box = {
      x: Math.round(x),
      y: Math.round(y),
      width: Math.round(node.width ?? 0),
      height: Math.round(node.height ?? 0),
    };
    if (node.id.startsWith(NODE_PREFIX.host)) {
      positions[node.id.slice(NODE_PREFIX.host.length)] = { x: box.x, y: box.y };
    } else if (node.id.startsWith(NODE_PREFIX.zone)) {
      zoneBoxes[node.id.slice(NODE_PREFIX.zone.length)] = box;
    } else if (node.id.startsWith(NODE_PREFIX.site)) {
      siteBoxes[node.id.slice(NODE_PREFIX.site.length)] = box;
    }
    for (const child of node.children ?? []) visit(child, x, y);
  };
  // The root's own offset is the graph's, not a box's: its children start at 0, 0.
  for (const child of result.children ?? []) visit(child, 0, 0);
  return { positions, zoneBoxes, siteBoxes };
}
