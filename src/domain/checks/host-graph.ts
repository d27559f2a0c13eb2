import type { Host, Link } from '../document';
import { IdNumbers } from './id-numbers';
import { SlotLinks } from './slot-links';

/**
 * Hosts by id, as the checks read them: `get`, `has` and how many hosts have an id.
 */
export interface HostLookup {
  readonly size: number;
  get(id: string): Host | undefined;
  has(id: string): boolean;
}

const NO_LINKS: readonly Link[] = [];

/**
 * Hosts and links by number: every id a host or a link end names gets a number once (a slot), and
 * each slot keeps its host and its links (self-links left out) in plain arrays, with the slot at
 * each link's other end beside it. One table of ids (`IdNumbers`), no map per host, so a 100,000-host estate is
 * indexed with arrays, and an edit patches the slots it touches. Slots are never reused: an id
 * whose host went keeps its slot, empty, for the links that still name it.
 */
export class HostGraph implements HostLookup {
  private readonly slots: IdNumbers;
  /** By slot, made as long as the expected count (a large array grown by pushing is slow). */
  private readonly hostAt: (Host | undefined)[];
  private readonly lists = new SlotLinks();
  /** How many slots hold a host. */
  size = 0;
  /** Marks of the last `distinctOthers`, by slot, to list each neighbour once without a set. */
  private marks = new Int32Array(0);
  private mark = 0;

  /** @param expected - About how many ids hosts and link ends will name. */
  constructor(expected = 32) {
    this.slots = new IdNumbers(expected);
    this.hostAt = new Array(expected);
  }

  /** The slot of an id, undefined when no host or link named it. */
  slotOf(id: string): number | undefined {
    const slot = this.slots.find(id);
    return slot < 0 ? undefined : slot;
  }

  /** The slot of an id, given one when it has none. */
  slotFor(id: string): number {
    const slot = this.slots.add(id);
    if (slot >= this.hostAt.length) this.hostAt.push(undefined);
    return slot;
  }

  /** Files a host under its id (the last one filed wins, as a map would keep it). */
  setHost(host: Host): void {
    const slot = this.slotFor(host.id);
    if (this.hostAt[slot] === undefined) this.size += 1;
    this.hostAt[slot] = host;
  }

  /** Takes out this very host object, if it is the one filed under its id. */
  removeHost(host: Host): void {
    const slot = this.slotOf(host.id);
    if (slot === undefined || this.hostAt[slot] !== host) return;
    this.hostAt[slot] = undefined;
    this.size -= 1;
  }

  get(id: string): Host | undefined {
    const slot = this.slotOf(id);
    return slot === undefined ? undefined : this.hostAt[slot];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** The host in a slot. */
  hostIn(slot: number): Host | undefined {
    return this.hostAt[slot];
  }

  /** The id of a slot. */
  idOf(slot: number): string {
    return this.slots.ids[slot] as string;
  }

  /** Files a link under both its ends (a self-link under neither). */
  addLink(link: Link): void {
    if (link.source === link.target) return;
    this.addLinkAt(link, this.slotFor(link.source), this.slotFor(link.target));
  }

  /** Files a link (not a self-link) under the slots of its source and target. */
  addLinkAt(link: Link, source: number, target: number): void {
    this.lists.join(source, target, link);
    this.lists.join(target, source, link);
  }

  /**
   * Files a document's links at once, into a graph that has no links yet.
   *
   * @param links - The links.
   * @param ends - Source and target slot of link `i` at `2i` and `2i + 1` (from `slotFor`), -1
   *   for a self-link.
   */
  packLinks(links: readonly Link[], ends: Int32Array): void {
    this.lists.pack(links, ends, this.slots.count);
  }

  /** Takes a link object out of both its ends. */
  removeLink(link: Link): void {
    if (link.source === link.target) return;
    const a = this.slotOf(link.source);
    const b = this.slotOf(link.target);
    if (a !== undefined) this.lists.part(a, link);
    if (b !== undefined) this.lists.part(b, link);
  }

  /** The links of a slot but self-links, in the order added. */
  linksIn(slot: number): readonly Link[] {
    return this.lists.links(slot) ?? NO_LINKS;
  }

  /** How many links a slot has, self-links left out. */
  countIn(slot: number): number {
    return this.lists.count(slot);
  }

  /** The slot at the other end of a slot's `i`-th link (below `countIn(slot)`). */
  otherIn(slot: number, i: number): number {
    return this.lists.otherAt(slot, i);
  }

  /** How many links an id has, self-links left out. */
  countOf(id: string): number {
    const slot = this.slotOf(id);
    return slot === undefined ? 0 : this.lists.count(slot);
  }

  /** The links of an id but self-links, in the order added. */
  linksOf(id: string): readonly Link[] {
    const slot = this.slotOf(id);
    return slot === undefined ? NO_LINKS : this.linksIn(slot);
  }

  /**
   * The links between two ids (either way round), in the order they were added: the shorter of
   * the two ends' lists is read.
   */
  linksBetween(a: string, b: string): readonly Link[] {
    const sa = this.slotOf(a);
    const sb = this.slotOf(b);
    if (sa === undefined || sb === undefined) return NO_LINKS;
    const { lists } = this;
    const short = lists.count(sa) <= lists.count(sb);
    const from = short ? sa : sb;
    const to = short ? sb : sa;
    let out: Link[] | undefined;
    for (let i = 0, n = lists.count(from); i < n; i += 1) {
      if (lists.otherAt(from, i) !== to) continue;
      out ??= [];
      out.push(lists.linkAt(from, i));
    }
    return out ?? NO_LINKS;
  }

  /** How many links join two slots, read from the shorter of their lists. */
  countBetween(sa: number, sb: number): number {
    const { lists } = this;
    const short = lists.count(sa) <= lists.count(sb);
    const from = short ? sa : sb;
    const to = short ? sb : sa;
    let n = 0;
    for (let i = 0, end = lists.count(from); i < end; i += 1) if (lists.otherAt(from, i) === to) n += 1;
    return n;
  }

  /** True when some link joins the two ids. */
  linked(a: string, b: string): boolean {
    const sa = this.slotOf(a);
    const sb = this.slotOf(b);
    return sa !== undefined && sb !== undefined && this.countBetween(sa, sb) > 0;
  }

  /** The slots linked to a slot, each once, in the order their first link was added. */
  distinctOthers(slot: number): number[] {
    const { lists } = this;
    if (this.marks.length < this.slots.count) {
      this.marks = new Int32Array(Math.max(this.slots.count, this.marks.length * 2));
      this.mark = 0;
    }
    this.mark += 1;
    if (this.mark === 0x3fffffff) {
      this.marks.fill(0);
      this.mark = 1;
    }
    const out: number[] = [];
    for (let i = 0, n = lists.count(slot); i < n; i += 1) {
      const other = lists.otherAt(slot, i);
      if (this.marks[other] === this.mark) continue;
      this.marks[other] = this.mark;
      out.push(other);
    }
    return out;
  }

  /** The hosts linked to `id`, each once, in the order their first link was added. */
  hostsLinkedTo(id: string): Host[] {
    const slot = this.slotOf(id);
    const hosts: Host[] = [];
    for (const other of slot === undefined ? [] : this.distinctOthers(slot)) {
      const host = this.hostAt[other];
      if (host) hosts.push(host);
    }
    return hosts;
  }

  /** Ids linked to `id` (hosts or not), each once. */
  neighbourIds(id: string): string[] {
    const slot = this.slotOf(id);
    if (slot === undefined) return [];
    return this.distinctOthers(slot).map((s) => this.slots.ids[s] as string);
  }
}
