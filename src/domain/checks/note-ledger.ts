import type { Catalogue } from '../catalogue-types';
import type { Host, Link, Settings } from '../document';
import { createDeriver, type Deriver } from '../engine/deriver';
import type { EstateIndex } from './estate-index';
import { directionOf, flowFacts, inLinkOrder, isRemoteSql, type LinkNotes } from './link-notes';

type Facts = ReturnType<typeof flowFacts>;

/** What one link adds to the link notes. */
interface Part {
  readonly link: Link;
  readonly ends: readonly string[];
  readonly dynamic: Facts | undefined;
  readonly direction: 'both' | 'server' | undefined;
  readonly remote: boolean;
}

/** Counts of ids: a host or section stays listed while some link still names it. */
class Tally {
  readonly map = new Map<string, number>();
  add(id: string, by: number): void {
    const n = (this.map.get(id) ?? 0) + by;
    if (n === 0) this.map.delete(id);
    else this.map.set(id, n);
  }
}

function pairKey(link: Link): string {
  return link.source < link.target
    ? `${link.source}\u0000${link.target}`
    : `${link.target}\u0000${link.source}`;
}

/**
 * The link notes (notes 5, 6, site installation ports) kept per link for the incremental checker,
 * for one catalogue and one settings object. A link's flows depend only on its two hosts (their
 * roles and options) and on whether it is the first link of its host pair, as in the engine; so
 * each link's facts come from a derivation of that link alone, memoised by the two hosts' roles
 * and options, and an edit re-reads only the links of the hosts it touched.
 */
export class NoteLedger {
  private readonly deriver: Deriver;
  private readonly facts = new Map<string, Facts>();
  private readonly parts = new Map<string, Part>();
  private readonly linksOf = new Map<string, Set<Link>>();
  private readonly pairs = new Map<string, Link[]>();
  private readonly order = new Map<Link, number>();
  private next = 0;
  private dynamicCount = 0;
  private readonly dynamicHosts = new Tally();
  private readonly sections = new Tally();
  private readonly dynamicLinks = new Set<string>();
  private both = 0;
  private serverOnly = 0;
  private readonly directionHosts = new Tally();
  private readonly directionLinks = new Set<string>();
  private readonly installHosts = new Tally();
  private readonly installLinks = new Set<string>();
  /** Each set's links in document order as last listed; undefined once the set or the order changed. */
  private readonly ordered = new Map<Set<string>, string[]>();

  /**
   * @param catalogue - The catalogue in force.
   * @param settings - The document's settings; other settings need another ledger.
   * @param links - The document's links.
   * @param index - The document's index (hosts by id).
   */
  constructor(
    catalogue: Catalogue,
    readonly settings: Settings,
    links: readonly Link[],
    index: EstateIndex,
  ) {
    this.deriver = createDeriver(catalogue);
    for (const link of links) this.register(link);
    for (const link of links) this.refresh(link, index);
  }

  private register(link: Link): void {
    this.order.set(link, this.next++);
    for (const id of [link.source, link.target]) {
      const set = this.linksOf.get(id);
      if (set) set.add(link);
      else this.linksOf.set(id, new Set([link]));
    }
    if (link.source === link.target) return;
    const key = pairKey(link);
    const list = this.pairs.get(key);
    if (list) list.push(link);
    else this.pairs.set(key, [link]);
  }

  private unregister(link: Link): void {
    this.order.delete(link);
    for (const id of [link.source, link.target]) this.linksOf.get(id)?.delete(link);
    if (link.source === link.target) return;
    const key = pairKey(link);
    const list = this.pairs.get(key)?.filter((l) => l !== link) ?? [];
    if (list.length > 0) this.pairs.set(key, list);
    else this.pairs.delete(key);
  }

  /** The facts of a link between these hosts, derived once per pair of roles and options. */
  private factsOf(a: Host, b: Host, link: Link): Facts {
    const key = JSON.stringify([a.roles, a.options, b.roles, b.options]);
    let facts = this.facts.get(key);
    if (!facts) {
      const input = { hosts: [a, b], links: [link], settings: this.settings };
      facts = flowFacts(this.deriver.derive(input).flows);
      this.facts.set(key, facts);
    }
    return facts;
  }

  /** True when `link` is the first link of its host pair in document order, as the engine counts. */
  private carries(link: Link): boolean {
    const list = this.pairs.get(pairKey(link)) ?? [];
    if (list.length === 1) return true;
    const mine = this.order.get(link) ?? 0;
    return list.every((l) => l === link || (this.order.get(l) ?? 0) > mine);
  }

  private apply(id: string, part: Part, by: 1 | -1): void {
    const { ends, dynamic, direction, remote } = part;
    if (dynamic) {
      this.dynamicCount += by * dynamic.dynamic;
      for (const h of ends) this.dynamicHosts.add(h, by);
      for (const s of dynamic.sections) this.sections.add(s, by);
      this.toggle(this.dynamicLinks, id, by);
    }
    if (direction) {
      if (direction === 'both') this.both += by;
      else this.serverOnly += by;
      for (const h of ends) this.directionHosts.add(h, by);
      this.toggle(this.directionLinks, id, by);
    }
    if (remote) {
      for (const h of ends) this.installHosts.add(h, by);
      this.toggle(this.installLinks, id, by);
    }
  }

  private toggle(set: Set<string>, id: string, by: 1 | -1): void {
    if (by > 0) set.add(id);
    else set.delete(id);
    this.ordered.delete(set);
  }

  /** A set's links in document order: sorted by their numbers when few, else picked from the links. */
  private inOrder(set: Set<string>, links: readonly Link[]): string[] {
    let list = this.ordered.get(set);
    if (!list) {
      if (set.size * 16 > links.length) list = inLinkOrder(links, [set])[0] ?? [];
      else {
        const at = (id: string) => {
          const link = this.parts.get(id)?.link;
          return link ? (this.order.get(link) ?? 0) : 0;
        };
        list = [...set].sort((a, b) => at(a) - at(b));
      }
      this.ordered.set(set, list);
    }
    return list;
  }

  /** Takes back a link's part and adds its part as it is now (none when the link is gone). */
  private refresh(link: Link, index: EstateIndex): void {
    const old = this.parts.get(link.id);
    if (old) {
      this.apply(link.id, old, -1);
      this.parts.delete(link.id);
    }
    if (!this.order.has(link)) return;
    const a = index.hostById.get(link.source);
    const b = index.hostById.get(link.target);
    if (!a || !b) return;
    const remote = isRemoteSql(a, b);
    const facts = a.id !== b.id && this.carries(link) ? this.factsOf(a, b, link) : undefined;
    const part: Part = {
      link,
      ends: [a.id, b.id],
      dynamic: facts && facts.dynamic > 0 ? facts : undefined,
      direction: facts?.note5 === undefined ? undefined : directionOf(a, b, facts.note5),
      remote,
    };
    if (!part.dynamic && !part.direction && !remote) return;
    this.parts.set(link.id, part);
    this.apply(link.id, part, 1);
  }

  /**
   * Brings the ledger up to an edit.
   *
   * @param edit - Links removed and added, ids of hosts replaced, added or removed, and whether
   *   the links' order may have changed otherwise; `links` are the document's links now.
   * @param index - The document's index, already patched.
   * @example
   * ledger.patch({ removed, added, hosts: changedIds, links: document.links, moved: false }, index);
   */
  patch(
    edit: {
      removed: readonly Link[];
      added: readonly Link[];
      hosts: readonly string[];
      links: readonly Link[];
      moved: boolean;
    },
    index: EstateIndex,
  ): void {
    const dirty = new Set<Link>();
    const siblings = (link: Link) => {
      for (const l of this.pairs.get(pairKey(link)) ?? []) dirty.add(l);
    };
    for (const link of edit.removed) {
      siblings(link);
      this.unregister(link);
      this.refresh(link, index);
      dirty.delete(link);
    }
    const appended = edit.added.every((l, i) => edit.links[edit.links.length - edit.added.length + i] === l);
    for (const link of edit.added) this.register(link);
    if (edit.moved || !appended) {
      // Links inserted or moved: number them again in document order, and re-read every pair.
      this.next = 0;
      for (const link of edit.links) this.order.set(link, this.next++);
      for (const list of this.pairs.values()) if (list.length > 1) for (const l of list) dirty.add(l);
      this.ordered.clear();
    }
    for (const link of edit.added) {
      dirty.add(link);
      siblings(link);
    }
    for (const id of edit.hosts) {
      for (const link of this.linksOf.get(id) ?? []) {
        dirty.add(link);
        siblings(link);
      }
    }
    for (const link of dirty) this.refresh(link, index);
  }

  /**
   * The link notes as they stand.
   *
   * @param links - The document's links (for document order).
   * @returns What notes 5, 6 and the site installation ports read.
   * @example
   * ledger.notes(document.links).dynamic.count;
   */
  notes(links: readonly Link[]): LinkNotes {
    const dynamic = this.inOrder(this.dynamicLinks, links);
    const direction = this.inOrder(this.directionLinks, links);
    const install = this.inOrder(this.installLinks, links);
    return {
      dynamic: {
        count: this.dynamicCount,
        hosts: this.dynamicHosts.map,
        links: dynamic,
        sections: this.sections.map,
      },
      direction: {
        both: this.both,
        serverOnly: this.serverOnly,
        hosts: this.directionHosts.map,
        links: direction,
      },
      install: { hosts: this.installHosts.map, links: install },
    };
  }
}
