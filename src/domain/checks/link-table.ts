import type { Link } from '../document';
import { IdNumbers } from './id-numbers';

/** Links by id, as the checks read them. */
export interface LinkLookup {
  readonly size: number;
  get(id: string): Link | undefined;
}

/**
 * Links by id, numbered in an `IdNumbers` table (no map entry per link): the last link filed
 * under an id wins, as a map would keep it, and `size` counts the ids that have a link.
 */
export class LinkTable implements LinkLookup {
  private readonly numbers: IdNumbers;
  private readonly linkAt: (Link | undefined)[];
  size = 0;

  /** @param expected - About how many links will be filed. */
  constructor(expected = 32) {
    this.numbers = new IdNumbers(expected);
    this.linkAt = new Array(expected);
  }

  get(id: string): Link | undefined {
    const n = this.numbers.find(id);
    return n < 0 ? undefined : this.linkAt[n];
  }

  /** Files a link under its id. */
  set(link: Link): void {
    const n = this.numbers.add(link.id);
    if (n >= this.linkAt.length) this.linkAt.push(undefined);
    if (this.linkAt[n] === undefined) this.size += 1;
    this.linkAt[n] = link;
  }

  /** Takes out this very link object, if it is the one filed under its id. */
  remove(link: Link): void {
    const n = this.numbers.find(link.id);
    if (n < 0 || this.linkAt[n] !== link) return;
    this.linkAt[n] = undefined;
    this.size -= 1;
  }
}
