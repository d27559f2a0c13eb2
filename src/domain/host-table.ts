/**
 * The hosts' ids in a table of their bytes (issue 18): a host's place in the host list found from
 * the bytes of an id in a file, without making a string of it. Ids are ASCII (restore keeps no
 * other), so an id's bytes are its characters.
 */

import { LINE_BREAK } from './json-bytes';

/** Most slots one id is looked for in: a file made to make ids collide is left to the JSON path. */
export const MAX_PROBES = 128;

/** FNV-1a of `length` bytes from `at`, from `seed` (a table's own, so no file can aim at it). */
export function hashOf(bytes: Uint8Array, at: number, length: number, seed: number): number {
  let h = seed;
  for (let k = 0; k < length; k += 1) h = Math.imul(h ^ (bytes[at + k] as number), 0x01000193);
  return h >>> 0;
}

/** Whether `length` bytes from `a` in `x` are those from `b` in `y`. */
export function same(x: Uint8Array, a: number, y: Uint8Array, b: number, length: number): boolean {
  for (let k = 0; k < length; k += 1) if (x[a + k] !== y[b + k]) return false;
  return true;
}

/**
 * The places of the hosts by the bytes of their ids.
 *
 * @example
 * const table = HostTable.of('cas\ncas-sql')!;
 * table.find(new TextEncoder().encode('"cas-sql"'), 1, 7) // 1
 */
export class HostTable {
  private readonly bytes: Uint8Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  /** Place + 1 of the host whose id hashes here, 0 for none. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly seed = (Math.random() * 0x100000000) >>> 0;

  private constructor(
    ids: string,
    /** How many hosts. */
    readonly count: number,
  ) {
    this.bytes = new TextEncoder().encode(ids);
    this.starts = new Int32Array(count);
    this.lengths = new Int32Array(count);
    let size = 16;
    // At most a quarter full: runs of taken slots stay short (a few dozen at most for a million ids).
    while (size < count * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /**
   * The table of `ids`, one per line in host order, or undefined when one is there twice (or the
   * ids collide far more than chance would have them).
   *
   * @param ids - the hosts' ids (ASCII, as restore keeps them), one per line
   */
  static of(ids: string): HostTable | undefined {
    let count = ids === '' ? 0 : 1;
    for (let at = ids.indexOf('\n'); at >= 0; at = ids.indexOf('\n', at + 1)) count += 1;
    const table = new HostTable(ids, count);
    let start = 0;
    for (let place = 0; place < count; place += 1) {
      let stop = table.bytes.indexOf(LINE_BREAK, start);
      if (stop < 0) stop = table.bytes.length;
      if (table.find(table.bytes, start, stop - start, place + 1) !== -1) return undefined;
      table.starts[place] = start;
      table.lengths[place] = stop - start;
      start = stop + 1;
    }
    return table;
  }

  /**
   * The place of the host whose id is the `length` bytes at `at` of `bytes`, else -1; with
   * `add`, an id not found goes in as place `add - 1`. -2 when it was looked for in too many
   * slots (then nothing goes in).
   */
  find(bytes: Uint8Array, at: number, length: number, add = 0): number {
    let slot = hashOf(bytes, at, length, this.seed) & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe += 1) {
      const held = this.slots[slot] as number;
      if (held === 0) {
        if (add > 0) this.slots[slot] = add;
        return -1;
      }
      const place = held - 1;
      if (this.lengths[place] === length && same(this.bytes, this.starts[place] as number, bytes, at, length))
        return place;
      slot = (slot + 1) & this.mask;
    }
    return -2;
  }
}
