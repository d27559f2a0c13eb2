import type { Host } from '../document';
import { checksNameKey, nameOrder } from '../host-orders';
import { IdNumbers } from './id-numbers';
import type { IdSet } from './link-notes';

/** Hosts in name order: the comparison, and lists kept sorted under keys as hosts come and go. */

/**
 * Compares two sort keys by code unit, as `Array.prototype.sort` would, without a locale.
 *
 * @example
 * compareKeys('dp01', 'mp01'); // -1
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders hosts by name (trimmed, case-insensitive), then id, as checks list them.
 *
 * @param a - One host.
 * @param b - The other host.
 * @returns A negative number when `a` comes first, positive when `b` does, 0 for the same id.
 * @example
 * [...hosts].sort(byName);
 */
export function byName(a: Host, b: Host): number {
  return compareKeys(nameKey(a), nameKey(b)) || compareKeys(a.id, b.id);
}

/** The key hosts are ordered by before their id: the name, trimmed and lower-cased. */
const nameKey = (host: Host) => checksNameKey(host.name);

/**
 * Hosts in {@link byName} order, each name's key made once (not twice per comparison).
 *
 * @param hosts - Hosts in any order (not changed).
 * @param given - Their places in name order, when the reader worked them out (host-orders.ts).
 * @returns A new list of them, in name order.
 * @example
 * sortedByName(document.hosts)[0]?.name;
 */
export function sortedByName(hosts: readonly Host[], given?: Int32Array): Host[] {
  const order =
    given ??
    nameOrder(
      hosts.map((host) => host.name),
      (place) => (hosts[place] as Host).id,
    );
  const sorted: Host[] = new Array(order.length);
  for (let i = 0; i < order.length; i += 1) sorted[i] = hosts[order[i] as number] as Host;
  return sorted;
}

/**
 * Host ids in name order: many picked from the hosts in name order, a few looked up and sorted.
 * A document with repeated host ids (a damaged file) is always scanned, which lists each host object.
 *
 * @param ids - The ids (an id of no host is left out).
 * @param hosts - The hosts in name order.
 * @param hostById - The same hosts by id.
 * @returns The ids of hosts, in name order.
 * @example
 * idsInNameOrder(new Set(['mp1', 'dp1']), ctx.hosts, ctx.hostById); // ['dp1', 'mp1']
 */
export function idsInNameOrder(
  ids: IdSet,
  hosts: readonly Host[],
  hostById: { readonly size: number; get(id: string): Host | undefined },
): string[] {
  if (ids.size * 16 > hosts.length || hostById.size !== hosts.length) {
    const order: string[] = [];
    for (let i = 0; i < hosts.length; i += 1) {
      const id = (hosts[i] as Host).id;
      if (ids.has(id)) order.push(id);
    }
    return order;
  }
  const few: Host[] = [];
  for (const id of ids.keys()) {
    const host = hostById.get(id);
    if (host) few.push(host);
  }
  return sortedByName(few).map((h) => h.id);
}

/**
 * The first host of a list in name order that is not `host` (so one of the first two).
 *
 * @example
 * firstBut(index.hostsWith('management-point'), host); // the first MP, or the second when host is it
 */
export function firstBut(list: readonly Host[], host: Host): Host | undefined {
  return list[0]?.id === host.id ? list[1] : list[0];
}

/**
 * Two lists in name order merged into one, `a`'s host first where two compare alike (as a stable
 * sort of `a` then `b` would order them).
 *
 * @param a - Hosts in name order.
 * @param b - Other hosts in name order.
 * @returns Both, in name order (`a` itself when `b` is empty).
 * @example
 * mergeByName(updatePoints, upstreams);
 */
export function mergeByName(a: readonly Host[], b: readonly Host[]): readonly Host[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Host[] = [];
  let j = 0;
  for (const host of a) {
    while (j < b.length && byName(b[j] as Host, host) < 0) out.push(b[j++] as Host);
    out.push(host);
  }
  while (j < b.length) out.push(b[j++] as Host);
  return out;
}

/** Where `host` is, or would go, in a list in name order (binary search). */
function place(list: readonly Host[], host: Host): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byName(list[mid]!, host) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Puts a host into a list kept in {@link byName} order, found by binary search.
 *
 * @param list - hosts in name order; changed in place
 * @param host - the host to add
 * @example
 * insertSorted(sites.get('P01')!, newMp);
 */
export function insertSorted(list: Host[], host: Host): void {
  list.splice(place(list, host), 0, host);
}

/**
 * Removes this very host object (found by its name and id) from a list in name order.
 *
 * @param list - hosts in name order; changed in place
 * @param host - the host object to take out (a host of another name is left alone)
 * @example
 * removeSorted(sites.get('P01')!, oldMp);
 */
export function removeSorted(list: Host[], host: Host): void {
  const i = place(list, host);
  if (list[i] === host) list.splice(i, 1);
  else {
    const j = list.indexOf(host);
    if (j >= 0) list.splice(j, 1);
  }
}

/** Lists of hosts in name order under a key, and the keys holding more than one host. */
export class Groups {
  readonly byKey = new Map<string, Host[]>();
  readonly shared = new Set<string>();

  add(key: string, host: Host, sorted: boolean): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [host]);
    else {
      if (sorted) insertSorted(list, host);
      else list.push(host);
      if (list.length === 2) this.shared.add(key);
    }
  }

  remove(key: string, host: Host): void {
    const list = this.byKey.get(key);
    if (!list) return;
    removeSorted(list, host);
    if (list.length < 2) this.shared.delete(key);
    if (list.length === 0) this.byKey.delete(key);
  }

  get(key: string): readonly Host[] {
    return this.byKey.get(key) ?? [];
  }
}

/**
 * Hosts under keys most of which only one host has (names, addresses): keys are numbered in an
 * `IdNumbers` table (no map entry per key) and a lone host is kept bare, so only a shared key
 * makes a list; the keys holding more than one host.
 */
export class SharedKeys {
  private readonly numbers: IdNumbers;
  private readonly byNumber: (Host | Host[] | undefined)[] = [];
  readonly shared = new Set<string>();

  /** @param expected - About how many keys there will be (a table grown step by step is hashed again each step). */
  constructor(expected = 32) {
    this.numbers = new IdNumbers(expected);
  }

  add(key: string, host: Host, sorted: boolean): void {
    const n = this.numbers.add(key);
    if (n === this.byNumber.length) this.byNumber.push(undefined);
    const there = this.byNumber[n];
    if (there === undefined) {
      this.byNumber[n] = host;
      return;
    }
    const list = Array.isArray(there) ? there : [there];
    if (sorted) insertSorted(list, host);
    else list.push(host);
    this.byNumber[n] = list;
    this.shared.add(key);
  }

  remove(key: string, host: Host): void {
    const n = this.numbers.find(key);
    const there = n < 0 ? undefined : this.byNumber[n];
    if (there === undefined) return;
    if (!Array.isArray(there)) {
      if (there === host) this.byNumber[n] = undefined;
      return;
    }
    removeSorted(there, host);
    if (there.length >= 2) return;
    this.shared.delete(key);
    this.byNumber[n] = there.length === 1 ? there[0] : undefined;
  }

  get(key: string): readonly Host[] {
    const n = this.numbers.find(key);
    const there = n < 0 ? undefined : this.byNumber[n];
    return there === undefined ? [] : Array.isArray(there) ? there : [there];
  }
}
