/**
 * Which hosts an edit changed, found by identity: the store replaces the objects it edits and
 * keeps the others, so a pass of pointer comparisons tells the canvas what to redo (issue 18).
 * Pure: no React.
 */
import type { Host, Position } from '@/domain/document';
import type { Size } from '@/store/store-types';

/** The document parts a host's drawing depends on. */
export interface HostState {
  readonly hosts: readonly Host[];
  readonly layout: Readonly<Record<string, Position>>;
  readonly measured: Readonly<Record<string, Size>>;
}

/**
 * The indexes of the hosts whose object, position or size differ between `before` and `after`, or
 * undefined when the hosts are not the same ids in the same order (then the caller starts afresh).
 *
 * @example
 * changedHosts({ hosts: [a, b], layout, measured }, { hosts: [a, b2], layout, measured }); // [1]
 */
export function changedHosts(before: HostState, after: HostState): number[] | undefined {
  const { hosts } = after;
  const old = before.hosts;
  if (hosts.length !== old.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < hosts.length; i += 1) {
    if (hosts[i] === old[i]) continue;
    if (hosts[i]!.id !== old[i]!.id) return undefined;
    changed.push(i);
  }
  const moved = before.layout !== after.layout;
  const sized = before.measured !== after.measured;
  if (!moved && !sized) return changed;
  const seen = new Set(changed);
  for (let i = 0; i < hosts.length; i += 1) {
    const id = hosts[i]!.id;
    if (seen.has(i)) continue;
    if (
      (moved && after.layout[id] !== before.layout[id]) ||
      (sized && after.measured[id] !== before.measured[id])
    )
      changed.push(i);
  }
  return changed;
}
