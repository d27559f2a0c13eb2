/**
 * A set of non-negative integers below 2^53 (host-pair numbers), open addressing on a typed array:
 * tens of thousands of entries cost one flat buffer instead of a hash table of boxed entries.
 *
 * @example
 * const pairs = new PairSet(links.length);
 * pairs.add(rankA * hosts + rankB); // true the first time, false for a repeat
 */
export class PairSet {
  private slots: Float64Array;
  /** 32 minus log2 of the capacity: the hash's top bits pick the slot. */
  private shift: number;
  private count = 0;

  constructor(expected = 16) {
    let bits = 4;
    while (2 ** bits < expected * 2) bits += 1;
    this.slots = new Float64Array(2 ** bits);
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.count;
  }

  /** Adds `pair`; returns false when it was there already. */
  add(pair: number): boolean {
    // Stored as pair + 1, so 0 marks an empty slot.
    const key = pair + 1;
    const mask = this.slots.length - 1;
    let i = hash(pair) >>> this.shift;
    for (;;) {
      const at = this.slots[i]!;
      if (at === 0) break;
      if (at === key) return false;
      i = (i + 1) & mask;
    }
    this.slots[i] = key;
    this.count += 1;
    if (this.count * 2 > this.slots.length) this.grow();
    return true;
  }

  has(pair: number): boolean {
    const key = pair + 1;
    const mask = this.slots.length - 1;
    let i = hash(pair) >>> this.shift;
    for (;;) {
      const at = this.slots[i]!;
      if (at === 0) return false;
      if (at === key) return true;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.shift -= 1;
    this.count = 0;
    for (const key of old) if (key !== 0) this.add(key - 1);
  }
}

/** Fibonacci hashing of the integer's low and high 32 bits: the top bits of the result are well spread. */
function hash(n: number): number {
  const low = n >>> 0;
  const high = (n / 4294967296) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 0;
}

/** Most digits of a numbered id kept as a number: below 2^53, so every such number is exact. */
const MAX_DIGITS = 15;

/**
 * A set of ids where those of the form `<prefix><n>` (a whole number as `String(n)` writes it,
 * such as `l408408`) are kept as numbers, up to a few times the expected count as bits, and only
 * the others as strings: the 408,000 link ids of a 100,000-host file cost 100 KB of bits, not a
 * hash table of strings.
 *
 * @example
 * const ids = new NumberedIdSet('l', links.length);
 * ids.add('l7'); // true the first time, false for a repeat
 * ids.hasNumber(7); // true: 'l7' is in the set
 */
export class NumberedIdSet {
  /** Bit n says whether `<prefix><n>` is in the set, for n below `bits.length * 32`. */
  private readonly bits: Uint32Array;
  /** Larger numbers. */
  private readonly large = new PairSet();
  private readonly other = new Set<string>();

  constructor(
    private readonly prefix: string,
    expected = 16,
  ) {
    this.bits = new Uint32Array(Math.ceil((expected * 4 + 32) / 32));
  }

  /** Adds `id`; returns false when it was there already. */
  add(id: string): boolean {
    const n = numberIn(id, this.prefix);
    if (n >= 0) return this.addNumber(n);
    if (this.other.has(id)) return false;
    this.other.add(id);
    return true;
  }

  has(id: string): boolean {
    const n = numberIn(id, this.prefix);
    return n >= 0 ? this.hasNumber(n) : this.other.has(id);
  }

  /** Whether `<prefix><n>` is in the set, without making the id (n a whole number below 2^53). */
  hasNumber(n: number): boolean {
    if (n >= this.bits.length * 32) return this.large.has(n);
    return (this.bits[n >>> 5]! & (1 << (n & 31))) !== 0;
  }

  /** Adds `<prefix><n>` without making the id (n a whole number below 2^53); false when it was there. */
  addNumber(n: number): boolean {
    if (n >= this.bits.length * 32) return this.large.add(n);
    const word = n >>> 5;
    const bit = 1 << (n & 31);
    const was = this.bits[word]!;
    if ((was & bit) !== 0) return false;
    this.bits[word] = was | bit;
    return true;
  }
}

/**
 * The n of `<prefix><n>` written as `String(n)` writes it (no sign, no leading zero), else -1.
 *
 * @example
 * numberIn('l42', 'l'); // 42
 * numberIn('l042', 'l'); // -1
 */
export function numberIn(id: string, prefix: string): number {
  const start = prefix.length;
  const digits = id.length - start;
  if (digits < 1 || digits > MAX_DIGITS || !id.startsWith(prefix)) return -1;
  if (digits > 1 && id.charCodeAt(start) === 48) return -1;
  let n = 0;
  for (let i = start; i < id.length; i += 1) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * {@link numberIn} of the id that is the `length` bytes at `at` of `bytes` (an ASCII id, as a file
 * holds it), without making its string. The same rule as `numberIn`, read from bytes: kept beside
 * it, and a test holds the two to the same answers.
 *
 * @example numberInBytes(new TextEncoder().encode('"l42"'), 1, 3, 'l'); // 42
 */
export function numberInBytes(bytes: Uint8Array, at: number, length: number, prefix: string): number {
  const start = prefix.length;
  const digits = length - start;
  if (digits < 1 || digits > MAX_DIGITS) return -1;
  for (let i = 0; i < start; i += 1) if (bytes[at + i] !== prefix.charCodeAt(i)) return -1;
  if (digits > 1 && bytes[at + start] === 48) return -1;
  let n = 0;
  for (let i = start; i < length; i += 1) {
    const c = (bytes[at + i] as number) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Whether two of the pairs join the same two numbers (either way round), told in a few passes over
 * flat arrays: each pair filed under its smaller number, then each number's pairs marked off.
 * Numbers below `count` (dense, as `ByteIds` gives them): for 408,000 pairs of 100,000 numbers, a
 * few ms where a set of pair numbers, 8 MB read at random, took tens.
 *
 * @param ends - pair i is `ends[2i]` and `ends[2i + 1]`, each a number below `count`
 * @param count - how many numbers there are
 * @returns true when some pair comes twice
 * @example hasRepeatedPair(Int32Array.of(0, 1, 1, 0), 2) // true
 */
export function hasRepeatedPair(ends: Int32Array, count: number): boolean {
  const pairs = ends.length >> 1;
  // Where each number's pairs start among `others`, once filed by their smaller number.
  const from = new Int32Array(count + 1);
  for (let i = 0; i < ends.length; i += 2) {
    const low = Math.min(ends[i] as number, ends[i + 1] as number) + 1;
    from[low] = (from[low] as number) + 1;
  }
  for (let n = 0; n < count; n += 1) from[n + 1] = (from[n + 1] as number) + (from[n] as number);
  const next = from.slice(0, count);
  const others = new Int32Array(pairs);
  for (let i = 0; i < ends.length; i += 2) {
    const a = ends[i] as number;
    const b = ends[i + 1] as number;
    const low = a < b ? a : b;
    const at = next[low] as number;
    others[at] = a < b ? b : a;
    next[low] = at + 1;
  }
  // The last number that filed each number as its other end.
  const seen = new Int32Array(count).fill(-1);
  for (let n = 0; n < count; n += 1) {
    for (let j = from[n] as number; j < (from[n + 1] as number); j += 1) {
      const other = others[j] as number;
      if (seen[other] === n) return true;
      seen[other] = n;
    }
  }
  return false;
}
