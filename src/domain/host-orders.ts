import { naturalKey } from './natural-key';

/**
 * The two orders a document's hosts are sorted in, as places in the host list (issue 18): the
 * matrix's (the engine's slots) and the checks' (their findings list hosts by name). Both sort by a
 * key made of the name, then by id; the reading worker can work them out from the ids and names
 * while the page waits for the links, so the page sorts 100,000 hosts neither time.
 */
export interface HostOrders {
  /** Places in matrix order: by {@link naturalKey} of the name, then id. */
  readonly matrix: Int32Array;
  /** Places in the checks' order: by the name trimmed and lower-cased, then id. */
  readonly names: Int32Array;
}

/** The checks' name key: the name, trimmed and lower-cased. */
export const checksNameKey = (name: string): string => name.trim().toLowerCase();

/**
 * Places 0..n-1 sorted by a key, then by id, comparing code units (as `<` does, no locale).
 *
 * @param keys - each place's key
 * @param idOf - the id at a place, read only when two keys are equal
 */
function sortedPlaces(keys: readonly string[], idOf: (place: number) => string): Int32Array {
  const order = keys.map((_, i) => i);
  order.sort((x, y) => {
    const kx = keys[x] as string;
    const ky = keys[y] as string;
    if (kx !== ky) return kx < ky ? -1 : 1;
    const ix = idOf(x);
    const iy = idOf(y);
    return ix < iy ? -1 : ix > iy ? 1 : 0;
  });
  return Int32Array.from(order);
}

/**
 * The matrix order of hosts.
 *
 * @param names - each host's name, in host order
 * @param idOf - the id of the host at a place
 * @returns the places in matrix order
 * @example
 * matrixOrder(['DP10', 'dp2'], (i) => ['a', 'b'][i]); // Int32Array [1, 0]
 */
export function matrixOrder(names: readonly string[], idOf: (place: number) => string): Int32Array {
  return sortedPlaces(names.map(naturalKey), idOf);
}

/**
 * The checks' order of hosts.
 *
 * @param names - each host's name, in host order
 * @param idOf - the id of the host at a place
 * @returns the places in name order
 * @example
 * nameOrder([' mp1', 'DP1'], (i) => ['a', 'b'][i]); // Int32Array [1, 0]
 */
export function nameOrder(names: readonly string[], idOf: (place: number) => string): Int32Array {
  return sortedPlaces(names.map(checksNameKey), idOf);
}

/**
 * Both orders of hosts given by their ids and names.
 *
 * @param ids - each host's id, in host order
 * @param names - each host's name, in the same order
 * @example
 * hostOrders(['a', 'b'], ['DP10', 'dp2']).matrix; // Int32Array [1, 0]
 */
export function hostOrders(ids: readonly string[], names: readonly string[]): HostOrders {
  const idOf = (place: number) => ids[place] as string;
  return { matrix: matrixOrder(names, idOf), names: nameOrder(names, idOf) };
}

/**
 * True when `order` can be an order of `count` places: as long, every place once. A check the
 * page can afford on orders that crossed a thread (a linear pass, no key made).
 *
 * @example
 * isPermutation(Int32Array.of(1, 0), 2); // true
 */
export function isPermutation(order: Int32Array, count: number): boolean {
  if (order.length !== count) return false;
  const seen = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const place = order[i] as number;
    if (place < 0 || place >= count || seen[place] === 1) return false;
    seen[place] = 1;
  }
  return true;
}
