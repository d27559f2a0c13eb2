import type { Host, Position } from '@/domain/document';
import { HOST_HALF } from '@/domain/placement';
import type { Size } from '@/store/store-types';

/** A host's box before React Flow has measured it: the size a new host is placed with. */
const UNMEASURED: Size = { width: HOST_HALF.x * 2, height: HOST_HALF.y * 2 };

/**
 * The host whose box holds `point` (flow coordinates), the top-most (last drawn) when boxes
 * overlap; null anywhere else. A drop adds a role only here: a pointer near a host, on its link
 * dot or on a label makes a new host instead (issue 12, "drawing without surprises").
 *
 * @param point - where the pointer is, in flow coordinates
 * @param hosts - the hosts in drawing order
 * @param layout - their positions (top-left corners)
 * @param measured - their measured sizes; an unmeasured host counts as a new host's size
 * @example
 * hostAt({ x: 10, y: 10 }, [mp], { mp: { x: 0, y: 0 } }, {}); // 'mp'
 */
export function hostAt(
  point: Position,
  hosts: readonly Host[],
  layout: Readonly<Record<string, Position>>,
  measured: Readonly<Record<string, Size>>,
): string | null {
  for (let i = hosts.length - 1; i >= 0; i -= 1) {
    const id = hosts[i]?.id;
    const p = id === undefined ? undefined : layout[id];
    if (!id || !p) continue;
    const size = measured[id] ?? UNMEASURED;
    if (point.x >= p.x && point.x <= p.x + size.width && point.y >= p.y && point.y <= p.y + size.height)
      return id;
  }
  return null;
}
