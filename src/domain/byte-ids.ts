/**
 * The distinct ids read from a file's bytes, numbered in the order first seen (issue 18): the
 * helper numbers the ends of a 100,000-host file's 408,000 links while the reader still reads the
 * hosts, so that once the hosts' ids come it looks up each distinct end once (about 100,000), not
 * each end of each link (816,000). No string is made of an id: the table keeps a copy of each
 * distinct id's bytes, one after the other (776 KB for the 99,803 ids of a 61 MB file), which the
 * host table then reads.
 */
import { hashOf, MAX_PROBES, same } from './host-table';

/** A table at most this full is grown: runs of taken slots stay short. */
const FULL = 0.25;

/**
 * Ids in the bytes of one file, each numbered once.
 *
 * @example
 * const bytes = new TextEncoder().encode('a b a');
 * const ids = new ByteIds();
 * [ids.number(bytes, 0, 1), ids.number(bytes, 2, 1), ids.number(bytes, 4, 1)] // [0, 1, 0]
 */
export class ByteIds {
  /** How many distinct ids. */
  count = 0;
  /** The distinct ids' bytes, one after the other. */
  text = new Uint8Array(16 * 1024);
  /** Where id n's bytes start in `text`. */
  starts = new Int32Array(1024);
  /** How many bytes id n has. */
  lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Number + 1 of the id that hashes here, 0 for none (room for 16,384 ids before it grows). */
  private slots = new Int32Array(1 << 16);
  private readonly seed = (Math.random() * 0x100000000) >>> 0;

  /** How many bytes of `text` are taken. */
  private used = 0;

  /**
   * The number of the id of `length` bytes at `at` in `bytes`: the one it was given when first
   * seen, else the next. -1 when it was looked for in too many slots (a file made to make ids
   * collide).
   */
  number(bytes: Uint8Array, at: number, length: number): number {
    const hash = hashOf(bytes, at, length, this.seed);
    const { slots, lengths, starts, text } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (let probe = 0; probe < MAX_PROBES; probe += 1) {
      const held = slots[slot] as number;
      if (held === 0) return this.add(slot, bytes, at, length, hash);
      const n = held - 1;
      if (lengths[n] === length && same(text, starts[n] as number, bytes, at, length)) return n;
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private add(slot: number, bytes: Uint8Array, at: number, length: number, hash: number): number {
    const n = this.count;
    if (n === this.starts.length) {
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
      this.hashes = grown(this.hashes);
    }
    if (this.used + length > this.text.length) {
      const text = new Uint8Array(Math.max(this.text.length * 2, this.used + length));
      text.set(this.text.subarray(0, this.used));
      this.text = text;
    }
    // Byte by byte: a view made per id showed in the profile.
    const { text, used } = this;
    for (let k = 0; k < length; k += 1) text[used + k] = bytes[at + k] as number;
    this.starts[n] = this.used;
    this.used += length;
    this.lengths[n] = length;
    this.hashes[n] = hash;
    this.slots[slot] = n + 1;
    this.count = n + 1;
    if (this.count > this.slots.length * FULL) this.rehash();
    return n;
  }

  /** Twice the slots, each id where its hash puts it (the ids are distinct: no comparison needed). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let n = 0; n < this.count; n += 1) {
      let slot = (this.hashes[n] as number) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = n + 1;
    }
  }
}

/** The same numbers in twice the room. */
function grown(list: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(list.length * 2);
  out.set(list);
  return out;
}
