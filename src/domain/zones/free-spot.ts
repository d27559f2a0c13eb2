/**
 * The first free spot on a zone's placement grid: where a host moved into a zone goes. Each host
 * box marks the few grid cells it could clash with (found by arithmetic, then tested exactly), so
 * a move costs one pass over the hosts instead of one pass per cell tried.
 */
import type { Box, Host, Position } from '../document';
import { HOST_BOX, hostBox } from './zone-frames';

type Size = { readonly width: number; readonly height: number };
type Sizes = Readonly<Record<string, Size>>;

/** Cells of the placement grid tried before giving up (the last one is taken then). */
const CELLS = 10_000;
/** Beyond this the grid arithmetic is not trusted; the cells are then tried one by one. */
const FAR = 2 ** 40;

/** The placement grid of a zone's box: cell size, columns and the first cell's corner. */
interface Grid {
  readonly cellW: number;
  readonly cellH: number;
  readonly columns: number;
  readonly left: number;
  readonly top: number;
}

/** The hosts a spot keeps clear of, with their positions and sizes; `skip` is the one moved. */
interface Others {
  readonly hosts: readonly Host[];
  readonly layout: Readonly<Record<string, Position>>;
  readonly sizes: Sizes;
  readonly skip: string;
}

/**
 * The spot for a host moved into a zone: the first cell of the zone's grid (rows of host-sized
 * cells, left to right, from under the zone's title down) that no other host's box comes within
 * 8 px of, or the last cell tried when all are taken.
 *
 * @param box - the zone's box
 * @param others - the document's hosts, layout and measured sizes, and the id of the host moved
 * @returns the spot's top-left corner
 * @example
 * firstFreeSpot({ x: 0, y: 0, width: 440, height: 200 }, { hosts: [], layout: {}, sizes: {}, skip: 'h1' });
 * // { x: 24, y: 44 }
 */
export function firstFreeSpot(box: Box, others: Others): Position {
  const cellW = HOST_BOX.width + 24;
  const cellH = HOST_BOX.height + 32;
  const grid: Grid = {
    cellW,
    cellH,
    columns: Math.max(1, Math.floor((box.width - 48) / cellW)),
    left: box.x + 24,
    top: box.y + 44,
  };
  const trusted = Number.isFinite(grid.columns) && Math.abs(grid.left) < FAR && Math.abs(grid.top) < FAR;
  if (!trusted) return cellByCell(grid, others);
  const lastRow = Math.floor((CELLS - 1) / grid.columns);
  // The rows as deep as the zone first: hosts below them are then passed over by position alone.
  const zoneRows = Math.max(0, Math.ceil((box.height - 44) / cellH));
  const first = Number.isNaN(zoneRows) ? lastRow : Math.min(zoneRows, lastRow);
  let free = firstFree(grid, others, first);
  if (free === -1 && first < lastRow) free = firstFree(grid, others, lastRow);
  return spotOf(grid, free === -1 ? CELLS - 1 : free);
}

/**
 * The first cell in rows 0 to `lastRow` that no host clashes with, or -1. A host at or beyond the
 * last cell's right or bottom edge (less the 8 px) clashes with none of them, whatever its size.
 */
function firstFree(grid: Grid, others: Others, lastRow: number): number {
  const { hosts, layout, sizes, skip } = others;
  const cells = Math.min(CELLS, (lastRow + 1) * grid.columns);
  const right = grid.left + (Math.min(grid.columns, CELLS) - 1) * grid.cellW + grid.cellW - 8;
  const bottom = grid.top + lastRow * grid.cellH + grid.cellH - 8;
  const taken = new Uint8Array(cells);
  for (const h of hosts) {
    if (h.id === skip) continue;
    // What `hostBox` reads, without making a box for every host far from the grid.
    const p = layout[h.id];
    if (!p || p.x >= right || p.y >= bottom) continue;
    const size = sizes[h.id] ?? HOST_BOX;
    markClashes(grid, { x: p.x, y: p.y, width: size.width, height: size.height }, taken, lastRow);
  }
  return taken.indexOf(0);
}

/** The top-left corner of cell `i` (row by row), computed as the placement always has. */
function spotOf(grid: Grid, i: number): Position {
  return {
    x: grid.left + (i % grid.columns) * grid.cellW,
    y: grid.top + Math.floor(i / grid.columns) * grid.cellH,
  };
}

/** True when a host box comes within 8 px of the cell at `spot`. */
function clashes(grid: Grid, spot: Position, o: Box): boolean {
  return (
    o.x < spot.x + grid.cellW - 8 &&
    spot.x < o.x + o.width + 8 &&
    o.y < spot.y + grid.cellH - 8 &&
    spot.y < o.y + o.height + 8
  );
}

/**
 * Marks the cells (in rows up to `lastRow`) one host box clashes with. The columns and rows it
 * could reach come from dividing by the cell size (one more on each side for rounding); each of
 * those cells is then tested exactly.
 */
function markClashes(grid: Grid, o: Box, taken: Uint8Array, lastRow: number): void {
  const lastColumn = Math.min(grid.columns, CELLS) - 1;
  const c1 = Math.min(lastColumn, Math.ceil((o.x + o.width + 8 - grid.left) / grid.cellW) + 1);
  const r1 = Math.min(lastRow, Math.ceil((o.y + o.height + 8 - grid.top) / grid.cellH) + 1);
  const c0 = Math.max(0, Math.floor((o.x - grid.cellW + 8 - grid.left) / grid.cellW) - 1);
  const r0 = Math.max(0, Math.floor((o.y - grid.cellH + 8 - grid.top) / grid.cellH) - 1);
  // NaN bounds (a position or size that is not a number) never clash.
  if (!(c0 <= c1 && r0 <= r1)) return;
  for (let r = r0; r <= r1; r += 1) {
    for (let c = c0; c <= c1; c += 1) {
      const i = r * grid.columns + c;
      if (i >= taken.length) return;
      if (taken[i] === 0 && clashes(grid, spotOf(grid, i), o)) taken[i] = 1;
    }
  }
}

/** Tries the cells one by one against every box: for grids too far out to do arithmetic on. */
function cellByCell(grid: Grid, others: Others): Position {
  const boxes: Box[] = [];
  for (const h of others.hosts) {
    const b = h.id === others.skip ? undefined : hostBox(h, others.layout, others.sizes);
    if (b) boxes.push(b);
  }
  let spot = spotOf(grid, 0);
  for (let i = 0; i < CELLS; i += 1) {
    spot = spotOf(grid, i);
    if (!boxes.some((o) => clashes(grid, spot, o))) break;
  }
  return spot;
}
