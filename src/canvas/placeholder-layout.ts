/**
 * The positions a placeholder's place depends on. A placeholder goes beside its hosts and then down
 * to a free spot (besideHosts in src/domain/placement.ts), and only positions in a placeholder's
 * column can crowd its spot, so the others are left out and the places stay the same: the grid
 * placeholderNodes files them in stays small, and moving a host elsewhere re-places nothing. Pure.
 */
import type { Host, Position } from '@/domain/document';
import { BESIDE, CROWDED } from '@/domain/placement';

/** What a placeholder's place is worked out from: the hosts it stands by. */
interface Placed {
  readonly sources: readonly string[];
}

/**
 * `layout` cut down to the placeholders' hosts and the positions near their columns.
 *
 * @param placeholders - the placeholders to be placed
 * @param layout - every host's position
 * @param column - the hosts and their positions in host order, when known for `layout`
 *   (layout-column.ts): the layout holds those hosts' ids only, and the walk reads the column
 * @returns a layout that gives placeholderNodes the same places, faster
 * @example
 * placeholderLayout([{ sources: ['a'] }], { a: { x: 0, y: 0 }, far: { x: 5000, y: 0 } }); // { a: { x: 0, y: 0 } }
 */
export function placeholderLayout(
  placeholders: readonly Placed[],
  layout: Readonly<Record<string, Position>>,
  column?: { readonly hosts: readonly Host[]; readonly xy: Float64Array },
): Readonly<Record<string, Position>> {
  if (placeholders.length === 0) return layout;
  const out: Record<string, Position> = {};
  const columns: number[] = [];
  for (const p of placeholders) {
    let x = 0;
    let n = 0;
    for (const id of p.sources) {
      const at = layout[id];
      if (!at) continue;
      out[id] = at;
      x += at.x;
      n += 1;
    }
    if (n > 0) columns.push(Math.round(x / n + BESIDE.x));
  }
  // No placeholder's host is placed (the last document's, as a large document's first paint is
  // drawn before its checks): no position can crowd a spot, and 100,000 keys need not be walked.
  if (columns.length === 0) return out;
  columns.sort((a, b) => a - b);
  // A position crowds a spot only when it is nearer than CROWDED across (one more for rounding).
  const near = (x: number) => {
    let lo = 0;
    let hi = columns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (columns[mid]! < x - CROWDED - 1) lo = mid + 1;
      else hi = mid;
    }
    return lo < columns.length && columns[lo]! <= x + CROWDED + 1;
  };
  if (column) {
    const { hosts, xy } = column;
    for (let i = 0; i < hosts.length; i += 1) {
      if (!near(xy[2 * i] as number)) continue;
      const id = (hosts[i] as Host).id;
      out[id] = layout[id] as Position;
    }
    return out;
  }
  for (const id in layout) {
    const at = layout[id]!;
    if (near(at.x)) out[id] = at;
  }
  return out;
}
