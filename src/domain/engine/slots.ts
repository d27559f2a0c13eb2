import type { Host } from '../document';
import { naturalKey } from '../natural-key';
import { type HostReads, signature } from './host-reads';
import type { Slot } from './state';

/**
 * Each host's place in the matrix order (by name, numeric-aware, then id), signature and kind.
 * Sorts host positions by precomputed keys, so no wrapper object is made per host.
 *
 * @param hosts - The document's hosts.
 * @param kinds - Host signatures numbered so far; new signatures are added.
 * @param reads - What the engine reads of hosts under the catalogue in use.
 * @returns Each host's slot, by id.
 * @example
 * const slots = slotHosts(document.hosts, new Map(), hostReads(catalogue));
 * slots.get('dp1')?.rank; // 0 when DP1 sorts first
 */
export function slotHosts(
  hosts: readonly Host[],
  kinds: Map<string, number>,
  reads: HostReads,
): Map<string, Slot> {
  const keys = hosts.map((host) => naturalKey(host.name));
  const order = keys.map((_, i) => i);
  order.sort((x, y) => {
    const kx = keys[x]!;
    const ky = keys[y]!;
    if (kx !== ky) return kx < ky ? -1 : 1;
    const ix = hosts[x]!.id;
    const iy = hosts[y]!.id;
    return ix < iy ? -1 : ix > iy ? 1 : 0;
  });
  const slots = new Map<string, Slot>();
  for (let i = 0; i < order.length; i += 1) {
    const host = hosts[order[i]!]!;
    const sig = signature(host, reads);
    slots.set(host.id, { host, rank: i, sig, kind: kindOf(kinds, sig) });
  }
  return slots;
}

/**
 * The number of a host signature, numbering it when it is new.
 *
 * @param kinds - Host signatures numbered so far.
 * @param sig - A host signature.
 * @returns Its number: equal signatures, equal numbers.
 * @example
 * kindOf(kinds, signature(host, reads)); // 0 for the first kind seen
 */
export function kindOf(kinds: Map<string, number>, sig: string): number {
  let kind = kinds.get(sig);
  if (kind === undefined) {
    kind = kinds.size;
    kinds.set(sig, kind);
  }
  return kind;
}
