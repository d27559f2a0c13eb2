import { LINK_ID_PREFIX, type Link } from '../document';
import { numberIn } from '../pair-set';
import { IdNumbers } from './id-numbers';

/** Links by id, as the checks read them. */
export interface LinkLookup {
  readonly size: number;
  get(id: string): Link | undefined;
}

/**
 * Links by id: the last link filed under an id wins, as a map would keep it, and `size` counts the
 * ids that have a link. An id the app makes (`l<n>`, n below about twice the expected count) is
 * filed at place n of an array; any other in an `IdNumbers` table. Numbering the 408,401 ids of a
 * 100,000-host estate in a hash table took about 100 ms of the checks' first run, mostly cache
 * misses on its 4 MB of buckets; reading the digits takes a few.
 */
export class LinkTable implements LinkLookup {
  /** `l<n>` at place n, for n below its length. */
  private readonly numbered: (Link | undefined)[];
  private readonly numbers: IdNumbers;
  private readonly linkAt: (Link | undefined)[] = [];
  size = 0;

  /** @param expected - About how many links will be filed. */
  constructor(expected = 32) {
    this.numbered = new Array(expected * 2 + 32);
    this.numbers = new IdNumbers(32);
  }

  /** Place in `numbered` (≥ 0), else -1 for a place in `linkAt`'s numbers. */
  private placeOf(id: string): number {
    const n = numberIn(id, LINK_ID_PREFIX);
    return n < this.numbered.length ? n : -1;
  }

  get(id: string): Link | undefined {
    const at = this.placeOf(id);
    if (at >= 0) return this.numbered[at];
    const n = this.numbers.find(id);
    return n < 0 ? undefined : this.linkAt[n];
  }

  /** Files a link under its id. */
  set(link: Link): void {
    const at = this.placeOf(link.id);
    const list = at >= 0 ? this.numbered : this.linkAt;
    const n = at >= 0 ? at : this.numbers.add(link.id);
    if (list[n] === undefined) this.size += 1;
    list[n] = link;
  }

  /** Takes out this very link object, if it is the one filed under its id. */
  remove(link: Link): void {
    const at = this.placeOf(link.id);
    const list = at >= 0 ? this.numbered : this.linkAt;
    const n = at >= 0 ? at : this.numbers.find(link.id);
    if (n < 0 || list[n] !== link) return;
    list[n] = undefined;
    this.size -= 1;
  }
}
