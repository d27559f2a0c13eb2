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
