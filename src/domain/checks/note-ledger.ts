import type { Catalogue } from '../catalogue-types';
import type { Link, Settings } from '../document';
import type { LinkFlows } from '../engine/link-flows';
import type { LinkView } from '../engine/result';
import type { EstateIndex } from './estate-index';
import { idsInNameOrder } from './host-order';
import { LinkFacts } from './link-facts';
import { directionOf, type IdSet, inLinkOrder, isRemoteSql, type LinkNotes } from './link-notes';
import { LinkSet, Tally } from './link-set';
import { type Part, samePart } from './note-part';

/**
 * The link notes (notes 5, 6, site installation ports) kept per link for the incremental checker,
 * for one catalogue and one settings object. A link's flows depend only on its two hosts (their
 * roles and options) and on whether it is the first link of its host pair, as in the engine; so
 * facts are kept per pair of host kinds (`LinkFacts`, read from the engine's flows when it is made)
 * and an edit re-reads only the links of the hosts it touched. Links and pairs: the `EstateIndex`.
 */
export class NoteLedger {
  private readonly facts: LinkFacts;
  private readonly parts = new Map<string, Part>();
  private dynamicCount = 0;
  private readonly dynamicHosts = new Tally();
  private readonly sections = new Tally();
  private readonly dynamicLinks = new LinkSet();
  private both = 0;
  private serverOnly = 0;
  private readonly directionHosts = new Tally();
  private readonly directionLinks = new LinkSet();
  private readonly installHosts = new Tally();
  private readonly installLinks = new LinkSet();
  /** Where the links the last edit appended start, and the ids of the links it added. */
  private tail = 0;
  private placed: ReadonlySet<string> = new Set();
  /** Link positions in the document, made on demand for pairs of hosts with several links. */
  private positions: Map<Link, number> | undefined;
  private links: readonly Link[];
  private building = true;
  /** Counts the changes to the notes since the ledger was made (a link's part, an order). */
  revision = 0;

  /**
   * @param catalogue - The catalogue in force.
   * @param settings - The document's settings; other settings need another ledger.
   * @param links - The document's links.
   * @param index - The document's index (hosts by id, links by host pair).
   * @param view - The engine's flows per link of the same document (its derivation under the same
   *   catalogue and settings), read in place of deriving each kind of link again; ignored unless
   *   it is of these links, settings and catalogue.
   */
  constructor(
    catalogue: Catalogue,
    readonly settings: Settings,
    links: readonly Link[],
    private readonly index: EstateIndex,
    view?: LinkView,
  ) {
    this.facts = new LinkFacts(catalogue, settings, index.hosts.length);
    this.links = links;
    const ends = index.endsOf(links);
    const flowsAt =
      view?.links === links && view.settings === settings && view.deriver.catalogue === catalogue
        ? view.flowsAt
        : undefined;
    for (let i = 0; i < links.length; i += 1)
      this.refresh(
        links[i] as Link,
        ends?.[2 * i],
        ends?.[2 * i + 1],
        flowsAt ? (flowsAt(i) ?? null) : undefined,
      );
    this.building = false;
    for (const set of this.linkSets()) set.settleAsFiled();
    this.tail = links.length;
  }

  /** True when `link` is the first link of its host pair in document order, as the engine counts. */
  private carries(link: Link, sa: number, sb: number): boolean {
    // Counted without making a list: most pairs have one link, and the ledger reads only links
    // the index holds, so a pair of one link is this link.
    const count = this.index.graph.countBetween(sa, sb);
    if (count < 2) return count === 1;
    const pair = this.index.linksBetween(link.source, link.target);
    if (!this.positions) {
      const positions = new Map<Link, number>();
      this.links.forEach((l, i) => {
        positions.set(l, i);
      });
      this.positions = positions;
    }
    const at = (l: Link) => this.positions?.get(l) ?? Number.POSITIVE_INFINITY;
    const mine = at(link);
    return pair.every((l) => l === link || at(l) > mine);
  }

  private apply(id: string, part: Part, by: 1 | -1): void {
    const { from, to, dynamic, direction, remote } = part;
    this.revision += 1;
    if (dynamic) {
      this.dynamicCount += by * dynamic.dynamic;
      this.dynamicHosts.add(from, by);
      this.dynamicHosts.add(to, by);
      for (const s of dynamic.sections) this.sections.add(s, by);
      this.toggle(this.dynamicLinks, id, by);
    }
    if (direction) {
      if (direction === 'both') this.both += by;
      else this.serverOnly += by;
      this.directionHosts.add(from, by);
      this.directionHosts.add(to, by);
      this.toggle(this.directionLinks, id, by);
    }
    if (remote) {
      this.installHosts.add(from, by);
      this.installHosts.add(to, by);
      this.toggle(this.installLinks, id, by);
    }
  }

  private toggle(set: LinkSet, id: string, by: 1 | -1): void {
    // While the constructor files every link once, ids only come: no change to remember.
    if (this.building) set.ids.add(id);
    else set.toggle(id, by);
  }

  private linkSets(): LinkSet[] {
    return [this.dynamicLinks, this.directionLinks, this.installLinks];
  }

  /** Takes back a link's part, if it had one. */
  private drop(link: Link): void {
    // While the constructor files every link once, no link has a part to take back.
    if (this.building) return;
    const old = this.parts.get(link.id);
    if (old?.link !== link) return;
    this.apply(link.id, old, -1);
    this.parts.delete(link.id);
  }

  /**
   * The link's part as it is now, if it has one; `carried` is what the engine derived for it, when
   * known: its flows, or null when it carries none of its own (an earlier link joins its pair).
   */
  private partOf(link: Link, knownA?: number, knownB?: number, carried?: LinkFlows | null): Part | undefined {
    if (link.source === link.target) return undefined;
    const { graph } = this.index;
    const sa = knownA ?? graph.slotOf(link.source);
    const sb = knownB ?? graph.slotOf(link.target);
    const a = sa === undefined ? undefined : graph.hostIn(sa);
    const b = sb === undefined ? undefined : graph.hostIn(sb);
    if (!a || !b || sa === undefined || sb === undefined) return undefined;
    const remote = isRemoteSql(a, b);
    // A link the engine says carries nothing of its own adds only what its hosts are.
    if (carried === null)
      return remote
        ? { link, from: a.id, to: b.id, dynamic: undefined, direction: undefined, remote }
        : undefined;
    const kind = this.facts.of(a, sa, b, sb, link, carried);
    if (kind === undefined) return undefined;
    const facts = carried !== undefined || this.carries(link, sa, sb) ? kind : undefined;
    const dynamic = facts && facts.dynamic > 0 ? facts : undefined;
    const direction = facts?.note5 === undefined ? undefined : directionOf(a, b, facts.note5);
    if (!dynamic && !direction && !remote) return undefined;
    return { link, from: a.id, to: b.id, dynamic, direction, remote };
  }

  /** Takes back a link's part and adds its part as it is now (nothing, when they are alike). */
  private refresh(link: Link, sa?: number, sb?: number, carried?: LinkFlows | null): void {
    const part = this.partOf(link, sa, sb, carried);
    const old = this.building ? undefined : this.parts.get(link.id);
    if (part && old && samePart(part, old)) {
      this.parts.set(link.id, part);
      return;
    }
    this.drop(link);
    if (!part) return;
    this.parts.set(link.id, part);
    this.apply(link.id, part, 1);
  }

  /**
   * Hosts of a tally in name order (the index's), listed once until the tally changes.
   *
   * @param ids - One of the id sets `notes()` hands out.
   * @returns The ids in host name order, or undefined for a set that is not this ledger's hosts.
   */
  private hostsInOrder(ids: IdSet): readonly string[] | undefined {
    const tally = [this.dynamicHosts, this.directionHosts, this.installHosts].find((t) => t.map === ids);
    if (!tally) return undefined;
    if (!tally.kept()) tally.order = idsInNameOrder(tally.map, this.index.hosts, this.index.hostById);
    return tally.order;
  }

  /**
   * Brings the ledger up to an edit; the index is already patched.
   *
   * @param edit - Links removed and added, ids of hosts replaced, added or removed, whether the
   *   links kept changed their order, and the document's links now.
   * @example
   * ledger.patch({ removed, added, hosts: changedIds, links: document.links, moved: false });
   */
  patch(edit: {
    removed: readonly Link[];
    added: readonly Link[];
    hosts: readonly string[];
    links: readonly Link[];
    moved: boolean;
    /** Ids of hosts whose name changed (or that came or went): the name order of their tallies. */
    renamed: readonly string[];
  }): void {
    for (const tally of [this.dynamicHosts, this.directionHosts, this.installHosts])
      if (edit.renamed.some((id) => tally.map.has(id))) {
        tally.order = undefined;
        this.revision += 1;
      }
    this.links = edit.links;
    this.positions = undefined;
    const dirty = new Set<Link>();
    const pairOf = (link: Link) => {
      for (const l of this.index.linksBetween(link.source, link.target)) dirty.add(l);
    };
    for (const link of edit.removed) {
      this.drop(link);
      pairOf(link);
    }
    for (const link of edit.added) {
      dirty.add(link);
      pairOf(link);
    }
    for (const id of edit.hosts) for (const link of this.index.linksOf(id)) dirty.add(link);
    const added = new Set(edit.added);
    let tail = edit.links.length;
    while (tail > 0 && added.has(edit.links[tail - 1] as Link)) tail -= 1;
    this.tail = tail;
    this.placed = new Set(edit.added.map((l) => l.id));
    if (edit.moved) {
      this.revision += 1;
      for (const set of this.linkSets()) set.invalidate();
      // Links moved: the first link of a pair may be another one now.
      for (const l of this.links) if (this.index.linksBetween(l.source, l.target).length > 1) dirty.add(l);
    }
    for (const link of dirty) this.refresh(link);
  }

  /**
   * The link notes as they stand.
   *
   * @returns What notes 5, 6 and the site installation ports read.
   * @example
   * ledger.notes().dynamic.count;
   */
  notes(): LinkNotes {
    // Sets an edit changed are patched; those it changed in the middle are listed again, in one
    // pass over the links.
    const sets = this.linkSets();
    const lists = sets.map((set) => set.list(this.links, this.tail, this.placed));
    const stale = sets.filter((_, i) => lists[i] === undefined);
    inLinkOrder(
      this.links,
      stale.map((set) => set.ids),
    ).forEach((list, i) => {
      stale[i]?.relist(list);
      lists[sets.indexOf(stale[i] as LinkSet)] = list;
    });
    this.tail = this.links.length;
    this.placed = new Set();
    const inOrder = (set: LinkSet) => lists[sets.indexOf(set)] ?? [];
    return {
      dynamic: {
        count: this.dynamicCount,
        hosts: this.dynamicHosts.map,
        links: inOrder(this.dynamicLinks),
        sections: this.sections.map,
      },
      direction: {
        both: this.both,
        serverOnly: this.serverOnly,
        hosts: this.directionHosts.map,
        links: inOrder(this.directionLinks),
      },
      install: { hosts: this.installHosts.map, links: inOrder(this.installLinks) },
      hostsInOrder: (ids) => this.hostsInOrder(ids),
    };
  }
}
