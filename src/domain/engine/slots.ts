import type { Host } from '../document';
import { matrixOrder } from '../host-orders';
import { type HostReads, signature } from './host-reads';
import type { Kind, Slot } from './state';

/**
 * Each host's place in the matrix order (by name, numeric-aware, then id), signature and kind.
 * Sorts host positions by precomputed keys, so no wrapper object is made per host; alike hosts
 * keep one signature string between them.
 *
 * @param hosts - The document's hosts.
 * @param kinds - Host signatures numbered so far; new signatures are added.
 * @param reads - What the engine reads of hosts under the catalogue in use.
 * @param given - The hosts' places in matrix order, when the reader worked them out (host-orders.ts).
 * @returns Each host's slot, by id (looked up once asked), in matrix order and by place in `hosts`.
 * @example
 * const { slots } = slotHosts(document.hosts, new Map(), hostReads(catalogue));
 * slots.get('dp1')?.rank; // 0 when DP1 sorts first
 */
export function slotHosts(
  hosts: readonly Host[],
  kinds: Map<string, Kind>,
  reads: HostReads,
  given?: Int32Array,
): { slots: SlotsById; byRank: Slot[]; byPlace: Slot[] } {
  const order =
    given ??
    matrixOrder(
      hosts.map((host) => host.name),
      (place) => (hosts[place] as Host).id,
    );
  const byRank = new Array<Slot>(order.length);
  const byPlace = new Array<Slot>(order.length);
  const kindFor = kindsByObjects(kinds, reads);
  for (let i = 0; i < order.length; i += 1) {
    const place = order[i] as number;
    const host = hosts[place]!;
    const kind = kindFor(host);
    const slot: Slot = { host, rank: i, sig: kind.sig, kind: kind.number };
    byRank[i] = slot;
    byPlace[place] = slot;
  }
  return { slots: new SlotsById(byRank), byRank, byPlace };
}

/**
 * Slots by host id, the map made on the first look-up: a derivation whose reader placed the links'
 * ends (link-places.ts) looks up none, and 100,000 map entries cost an open some 50 ms; an edit
 * that looks one up pays for them then. A repeated id finds its last slot in matrix order.
 */
export class SlotsById {
  private byId: Map<string, Slot> | undefined;

  /** @param byRank - The slots in matrix order; their hosts' ids never change (a patch keeps ids). */
  constructor(private readonly byRank: readonly Slot[]) {}

  /**
   * The slot of a host.
   *
   * @param id - A host id.
   * @returns Its slot, or undefined for an id no host has.
   * @example
   * slotHosts(hosts, new Map(), reads).slots.get('dp1')?.rank;
   */
  get(id: string): Slot | undefined {
    let byId = this.byId;
    if (byId === undefined) {
      byId = new Map();
      for (let i = 0; i < this.byRank.length; i += 1) {
        const slot = this.byRank[i] as Slot;
        byId.set(slot.host.id, slot);
      }
      this.byId = byId;
    }
    return byId.get(id);
  }
}

/** At most this many roles lists are remembered: hosts that share none (built one by one) stay cheap. */
const SHARED_LISTS = 256;

/**
 * The kind of each host, its signature made once per roles list and options object it shares with
 * other hosts: a signature reads only those two, and the hosts of a file read off the page's thread
 * share them (parse-pack.ts unpacks each distinct list and object once), so 100,000 hosts make a
 * few signatures, not 100,000 strings.
 */
function kindsByObjects(kinds: Map<string, Kind>, reads: HostReads): (host: Host) => Kind {
  const byRoles = new Map<readonly string[], { readonly options: object; readonly kind: Kind }>();
  return (host) => {
    const known = byRoles.get(host.roles);
    if (known && known.options === host.options) return known.kind;
    const kind = kindOf(kinds, signature(host, reads));
    if (known || byRoles.size < SHARED_LISTS) byRoles.set(host.roles, { options: host.options, kind });
    return kind;
  };
}

/**
 * The kind of a host signature, numbering it when it is new.
 *
 * @param kinds - Host signatures numbered so far.
 * @param sig - A host signature.
 * @returns Its kind: equal signatures, the same kind (and the same string).
 * @example
 * kindOf(kinds, signature(host, reads)).number; // 0 for the first kind seen
 */
export function kindOf(kinds: Map<string, Kind>, sig: string): Kind {
  let kind = kinds.get(sig);
  if (kind === undefined) {
    kind = { sig, number: kinds.size };
    kinds.set(sig, kind);
  }
  return kind;
}
