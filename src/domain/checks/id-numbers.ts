/**
 * Ids numbered 0, 1, 2, … in the order first seen, found again by a hash of their char codes in
 * an open-addressing table of typed arrays: no map entry and no object per id, so numbering the
 * 408,408 link ids of a 100,000-host estate allocates a few arrays, not a growing `Map`. Numbers
 * are never taken back (an id gone from the document keeps its number).
 */
export class IdNumbers {
  /** The ids by number (made as long as the expected count: a large array grown by pushing is slow). */
  readonly ids: string[];
  /** How many ids have a number. */
  count = 0;
  /** Each number's hash, to grow the table without hashing again. */
  private hashes: Int32Array;
  /** Number + 1 per bucket; 0 is empty. */
  private table: Int32Array;
  private mask: number;

  /** @param expected - About how many ids will be numbered. */
  constructor(expected = 32) {
    const capacity = Math.max(32, expected);
    let size = 64;
    while (size < capacity * 2) size *= 2;
    this.ids = new Array<string>(capacity);
    this.hashes = new Int32Array(capacity);
    this.table = new Int32Array(size);
    this.mask = size - 1;
  }

  private static hash(id: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return h ^ (h >>> 15);
  }

  /**
   * The number of an id.
   *
   * @param id - An id.
   * @returns Its number, or -1 when it has none.
   * @example
   * numbers.find('l7'); // 6 when 'l7' was the seventh id added
   */
  find(id: string): number {
    const { table, mask, ids, hashes } = this;
    const h = IdNumbers.hash(id);
    let at = h & mask;
    for (;;) {
      const n = (table[at] as number) - 1;
      if (n < 0) return -1;
      // Hashes first: two ids of one hash are rare, two strings compared cost more.
      if (hashes[n] === h && ids[n] === id) return n;
      at = (at + 1) & mask;
    }
  }

  /**
   * The number of an id, given one when it has none.
   *
   * @param id - An id.
   * @returns Its number.
   * @example
   * numbers.add('mp01'); // 0 in a new table
   */
  add(id: string): number {
    const h = IdNumbers.hash(id);
    const { table, mask, ids, hashes } = this;
    let at = h & mask;
    for (;;) {
      const n = (table[at] as number) - 1;
      if (n < 0) break;
      if (hashes[n] === h && ids[n] === id) return n;
      at = (at + 1) & mask;
    }
    const n = this.count;
    this.count += 1;
    if (n < ids.length) ids[n] = id;
    else ids.push(id);
    if (n >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[n] = h;
    table[at] = n + 1;
    if ((n + 1) * 2 > table.length) this.grow();
    return n;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let n = 0; n < this.count; n += 1) {
      let at = (this.hashes[n] as number) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = n + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}
