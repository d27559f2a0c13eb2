import type { Link } from '../document';

const NO_INTS = new Int32Array(0);

/**
 * The links of each slot (see `HostGraph`) and the slot at each link's other end, in the order
 * added. A document's links are filed in one go (`pack`) into three typed arrays (where each
 * slot's part starts, the other ends, the links' places in the document's list): no array per
 * slot, nothing for the garbage collector to copy. A slot an edit touches is unpacked into two
 * plain arrays of its own, which from then on hold its lists.
 */
export class SlotLinks {
  /** The unpacked lists, by slot. */
  private readonly linksAt: (Link[] | undefined)[] = [];
  private readonly othersAt: (number[] | undefined)[] = [];
  /** Slot `s`'s packed part is `start[s]` up to `start[s + 1]` (for `s` below `start.length - 1`). */
  private start = NO_INTS;
  private packedOthers = NO_INTS;
  private packedPlaces = NO_INTS;
  private packedFrom: readonly Link[] = [];

  /**
   * Files a document's links at once, before any other link is filed.
   *
   * @param links - The links: a document's list, never changed (the lists read it by place).
   * @param ends - Source and target slot of link `i` at `2i` and `2i + 1`; -1 for a link left
   *   out (a self-link).
   * @param slots - How many slots there are.
   */
  pack(links: readonly Link[], ends: Int32Array, slots: number): void {
    const start = new Int32Array(slots + 1);
    for (let i = 0; i < ends.length; i += 1) {
      const slot = ends[i] as number;
      if (slot >= 0) start[slot + 1] = (start[slot + 1] as number) + 1;
    }
    for (let s = 0; s < slots; s += 1) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
    const next = start.slice(0, slots);
    const total = start[slots] as number;
    const others = new Int32Array(total);
    const places = new Int32Array(total);
    for (let i = 0; i < links.length; i += 1) {
      const a = ends[2 * i] as number;
      const b = ends[2 * i + 1] as number;
      if (a < 0 || b < 0) continue;
      const at = next[a] as number;
      next[a] = at + 1;
      others[at] = b;
      places[at] = i;
      const bt = next[b] as number;
      next[b] = bt + 1;
      others[bt] = a;
      places[bt] = i;
    }
    this.start = start;
    this.packedOthers = others;
    this.packedPlaces = places;
    this.packedFrom = links;
  }

  /** Whether a slot's lists are its own arrays (or it has no packed part). */
  private packed(slot: number): boolean {
    return this.othersAt[slot] === undefined && slot < this.start.length - 1;
  }

  /** How many links a slot has (self-links left out). */
  count(slot: number): number {
    const own = this.othersAt[slot];
    if (own !== undefined) return own.length;
    return slot < this.start.length - 1 ? (this.start[slot + 1] as number) - (this.start[slot] as number) : 0;
  }

  /** The slot at the other end of a slot's `i`-th link. */
  otherAt(slot: number, i: number): number {
    const own = this.othersAt[slot];
    return own !== undefined
      ? (own[i] as number)
      : (this.packedOthers[(this.start[slot] as number) + i] as number);
  }

  /** A slot's `i`-th link. */
  linkAt(slot: number, i: number): Link {
    const own = this.linksAt[slot];
    if (own !== undefined) return own[i] as Link;
    return this.packedFrom[this.packedPlaces[(this.start[slot] as number) + i] as number] as Link;
  }

  /** A slot's links as an array of its own (unpacked first when packed). */
  links(slot: number): Link[] | undefined {
    if (this.packed(slot)) this.unpack(slot);
    return this.linksAt[slot];
  }

  /**
   * Makes the unpacked lists reach `slot` before it is written: by one push for the next slot,
   * else by setting their length (an array written far past its end is made a dictionary).
   */
  private ensure(slot: number): void {
    const { linksAt, othersAt } = this;
    if (slot < linksAt.length) return;
    if (slot === linksAt.length) {
      linksAt.push(undefined);
      othersAt.push(undefined);
    } else {
      linksAt.length = slot + 1;
      othersAt.length = slot + 1;
    }
  }

  private unpack(slot: number): void {
    const n = this.count(slot);
    const links: Link[] = [];
    const others: number[] = [];
    for (let i = 0; i < n; i += 1) {
      links.push(this.linkAt(slot, i));
      others.push(this.otherAt(slot, i));
    }
    this.ensure(slot);
    this.linksAt[slot] = links;
    this.othersAt[slot] = others;
  }

  /** Adds a link to a slot's lists, with the slot at its other end. */
  join(slot: number, other: number, link: Link): void {
    if (this.packed(slot)) this.unpack(slot);
    const links = this.linksAt[slot];
    if (links === undefined) {
      this.ensure(slot);
      this.linksAt[slot] = [link];
      this.othersAt[slot] = [other];
    } else {
      links.push(link);
      this.othersAt[slot]?.push(other);
    }
  }

  /** Takes a link object out of a slot's lists. */
  part(slot: number, link: Link): void {
    const links = this.links(slot);
    const i = links ? links.indexOf(link) : -1;
    if (!links || i < 0) return;
    links.splice(i, 1);
    this.othersAt[slot]?.splice(i, 1);
  }
}
