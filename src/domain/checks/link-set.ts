import type { Link } from '../document';

/**
 * Link ids the link notes list (note 6's dynamic links, note 5's, the site installation links), and
 * them in document order as last listed. An edit toggles ids; `list` then drops the ids that left
 * and appends the links an edit added at the end of the document, and only when an id joined
 * elsewhere does the caller list the set again from the links (`relist`).
 */
export class LinkSet {
  readonly ids = new Set<string>();
  private listed: readonly string[] = [];
  /** Whether each id toggled since the last listing was in the set then. */
  private readonly before = new Map<string, boolean>();
  /** Set when the links moved: the order must be read from the links again. */
  private stale = false;

  /** Adds (`by` 1) or removes (`by` -1) a link id. */
  toggle(id: string, by: 1 | -1): void {
    if (!this.before.has(id)) this.before.set(id, this.ids.has(id));
    if (by > 0) this.ids.add(id);
    else this.ids.delete(id);
  }

  /** The ids as first filed, which the ledger files in document order. */
  settleAsFiled(): void {
    this.listed = [...this.ids];
    this.before.clear();
    this.stale = false;
  }

  /** Forgets the order (links moved). */
  invalidate(): void {
    this.stale = true;
  }

  /**
   * The ids in document order, patched where that is cheap.
   *
   * @param links - The document's links.
   * @param tail - Where the links the last edit appended start in `links` (its length for none).
   * @param placed - Ids of links the last edit added or replaced (their place may have changed).
   * @returns The ids in order, or undefined when the set must be listed from the links again.
   */
  list(links: readonly Link[], tail: number, placed: ReadonlySet<string>): readonly string[] | undefined {
    if (this.stale) return undefined;
    const gone = new Set<string>();
    const came = new Set<string>();
    for (const [id, was] of this.before) {
      const is = this.ids.has(id);
      if (was && (!is || placed.has(id))) gone.add(id);
      if (is && (!was || placed.has(id))) came.add(id);
    }
    this.before.clear();
    if (gone.size === 0 && came.size === 0) return this.listed;
    const kept = gone.size === 0 ? [...this.listed] : this.listed.filter((id) => !gone.has(id));
    let found = 0;
    for (let i = tail; i < links.length; i += 1) {
      const id = (links[i] as Link).id;
      if (came.has(id)) {
        kept.push(id);
        found += 1;
      }
    }
    if (found !== came.size) return undefined;
    this.listed = kept;
    return kept;
  }

  /** Records the order read from the links. */
  relist(order: readonly string[]): void {
    this.listed = order;
    this.before.clear();
    this.stale = false;
  }
}

/** Counts of ids: a host or section stays listed while some link still names it. */
export class Tally {
  readonly map = new Map<string, number>();
  /**
   * The ids in host name order, as last listed; dropped when an id comes or a member is renamed.
   * Ids that went since are in `gone` (an id that goes and comes back in one edit, as a host's
   * links are taken back and added again, leaves the order as it was).
   */
  order: string[] | undefined;
  readonly gone = new Set<string>();
  add(id: string, by: number): void {
    const n = (this.map.get(id) ?? 0) + by;
    if (n === 0) {
      this.map.delete(id);
      if (this.order) this.gone.add(id);
    } else {
      if (n === by && !this.gone.delete(id)) this.order = undefined;
      this.map.set(id, n);
    }
  }

  /** The order as last listed without the ids that went, or undefined when it must be listed again. */
  kept(): string[] | undefined {
    if (!this.order) {
      this.gone.clear();
      return undefined;
    }
    if (this.gone.size > 0) {
      this.order = this.order.filter((id) => !this.gone.has(id));
      this.gone.clear();
    }
    return this.order;
  }
}
