import type { Size } from '@/store/store-types';

/**
 * The measured host sizes as a map, for a pass over every host: only own entries count (a host
 * whose id is `constructor` finds no size on the object's prototype), and a miss is one hash
 * look-up, not a walk up a plain object's prototype chain. Opening a large file misses 100,000
 * times: the sizes held are the last diagram's.
 *
 * @param measured - sizes by host id, as the store holds them
 * @returns the same sizes by id
 * @example
 * measuredSizes({ a: { width: 180, height: 70 } }).get('a'); // { width: 180, height: 70 }
 */
export function measuredSizes(measured: Readonly<Record<string, Size>>): ReadonlyMap<string, Size> {
  return new Map(Object.entries(measured));
}
