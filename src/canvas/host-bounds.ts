/**
 * The box around all hosts, as the far layer fits and frames them (far-layer.tsx), kept across an
 * edit that moved no host on its edge. Pure: no React, no DOM.
 */
import type { Host, Position } from '@/domain/document';
import type { Size } from '@/store/store-types';
import { ORIGIN } from './canvas-elements';
import { changedHosts, type HostState } from './host-changes';
import { measuredSizes } from './measured-sizes';

/**
 * The box around all hosts (measured size, else `size`), or undefined when there are none. With
 * `xy` (the positions in host order, layout-column.ts) no position is looked up.
 *
 * @example
 * hostBounds([{ id: 'a', … }], { a: { x: 10, y: 20 } }, {}, { width: 172, height: 64 }); // { x: 10, y: 20, width: 172, height: 64 }
 */
export function hostBounds(
  hosts: readonly Host[],
  layout: Readonly<Record<string, Position>>,
  measured: Readonly<Record<string, Size>>,
  size: Size,
  xy?: Float64Array,
): { x: number; y: number; width: number; height: number } | undefined {
  if (hosts.length === 0) return undefined;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const sizes = measuredSizes(measured);
  for (let i = 0; i < hosts.length; i += 1) {
    const host = hosts[i]!;
    const p = xy ? undefined : (layout[host.id] ?? ORIGIN);
    const x = p ? p.x : xy![2 * i]!;
    const y = p ? p.y : xy![2 * i + 1]!;
    const s = sizes.get(host.id) ?? size;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + s.width);
    y1 = Math.max(y1, y + s.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A box around all hosts, and the state it was made from. */
export interface Bounds {
  readonly state: HostState;
  readonly box: { x: number; y: number; width: number; height: number } | undefined;
}

/**
 * {@link hostBounds}, kept from `previous` (the same box object) when every host an edit changed
 * was, and is, strictly inside the box: then no edge of it can have moved.
 */
export function boundsAfter(state: HostState, size: Size, previous?: Bounds): Bounds {
  const box = previous?.box;
  const changed = previous && box ? changedHosts(previous.state, state) : undefined;
  if (previous && box && changed) {
    const inside = (s: HostState, i: number) => {
      const id = s.hosts[i]!.id;
      const p = s.layout[id] ?? ORIGIN;
      const m = s.measured[id] ?? size;
      return (
        p.x > box.x && p.y > box.y && p.x + m.width < box.x + box.width && p.y + m.height < box.y + box.height
      );
    };
    if (changed.every((i) => inside(previous.state, i) && inside(state, i))) return { state, box };
  }
  return { state, box: hostBounds(state.hosts, state.layout, state.measured, size, state.xy) };
}
