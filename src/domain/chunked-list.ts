/** Entries per chunk (a power of two: a position's chunk is a shift away). */
const BITS = 10;
const SIZE = 1 << BITS;

/**
 * A list that is never changed, only made anew with some entries replaced or appended. The entries
 * sit in chunks of 1,024 that versions share: a new version copies the chunk list and the chunks
 * it writes to, not every entry. At 400,000 entries an edit of a few copies some 400 chunk
 * references and a few chunks, where a plain array would copy 400,000 references.
 */
export class ChunkedList<T> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    /** How many entries. */
    readonly length: number,
  ) {}

  /**
   * A list of `length` entries, each made by `make`.
   *
   * @param length - How many entries.
   * @param make - The entry at a position.
   * @returns The list.
   * @example
   * ChunkedList.from(3, (i) => i * 2).at(2); // 4
   */
  static from<T>(length: number, make: (i: number) => T): ChunkedList<T> {
    const chunks: T[][] = [];
    for (let start = 0; start < length; start += SIZE) {
      const chunk = new Array<T>(Math.min(SIZE, length - start));
      for (let k = 0; k < chunk.length; k += 1) chunk[k] = make(start + k);
      chunks.push(chunk);
    }
    return new ChunkedList(chunks, length);
  }

  /**
   * The entry at position `i`.
   *
   * @param i - A position.
   * @returns The entry, or undefined outside the list.
   * @example
   * list.at(0);
   */
  at(i: number): T | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    return this.chunks[i >>> BITS]![i & (SIZE - 1)];
  }

  /**
   * A new version, `length` long, with the entries at `positions` made by `make`; every other
   * entry is this list's. Positions past this list's end must all be among `positions`.
   *
   * @param length - The new version's length (at least this one's).
   * @param positions - The positions to make anew (in any order; repeats are made once more).
   * @param make - The entry at a position.
   * @returns The new version; this one is left as it was.
   * @example
   * const next = list.with(list.length + 1, [4, list.length], make);
   */
  with(length: number, positions: Iterable<number>, make: (i: number) => T): ChunkedList<T> {
    if (length < this.length) throw new RangeError(`a list of ${this.length} cannot shrink to ${length}`);
    const chunks = this.chunks.slice() as T[][];
    const own = new Set<number>();
    for (const i of positions) {
      if (!(i >= 0 && i < length)) throw new RangeError(`position ${i} outside a list of ${length}`);
      const c = i >>> BITS;
      if (!own.has(c)) {
        own.add(c);
        const was = chunks[c] ?? [];
        const size = Math.min(SIZE, length - c * SIZE);
        const chunk = new Array<T>(size);
        for (let k = 0; k < was.length; k += 1) chunk[k] = was[k]!;
        chunks[c] = chunk;
      }
      chunks[c]![i & (SIZE - 1)] = make(i);
    }
    return new ChunkedList(chunks, length);
  }

  /** Every entry, in order. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }
}
