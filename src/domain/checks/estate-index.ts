import type { RoleId } from '../catalogue-types';
import type { Host, Link } from '../document';
import { addressKey } from './address-key';
import { HostGraph, type HostLookup } from './host-graph';
import { comparableName } from './host-names';
import { Groups, insertSorted, removeSorted, SharedKeys, sortedByName } from './host-order';
import { linkSlots } from './link-slots';
import { type LinkLookup, LinkTable } from './link-table';
import { holdsAny } from './roles';
import { siteCode } from './site-code';

/**
 * The lookups every check run needs (hosts in name order, hosts by role and by site, who is linked
 * to whom, which names and addresses are shared), built once and then patched by an edit, so
 * neither a run nor an edit scans every host for every host.
 */

/** The site a host belongs to, as a map key: `undefined` (no site to tell) is filed under ''. */
type SiteKey = string;
const NO_SITE: SiteKey = '';

/** True when the host has an address typed, valid or not. */
const hasAddress = (host: Host) => host.ip !== undefined && host.ip.trim() !== '';

/** A host's site code as typed (normalised), before the topology's default site applies. */
function ownSite(host: Host): string | undefined {
  return siteCode(host.site);
}

/**
 * The patchable index of one document's hosts and links. Build it with `EstateIndex.of`; an edit
 * calls `removeHost`/`addHost`/`removeLink`/`addLink`, then `settle` says whether the default
 * site changed (every host's site may then read differently, and the caller builds anew).
 */
export class EstateIndex {
  /** Hosts and links by number (ids of link ends that name no host too). */
  readonly graph: HostGraph;
  readonly hostById: HostLookup;
  /** Hosts in name order. */
  readonly hosts: Host[];
  private readonly links: LinkTable;
  readonly linkById: LinkLookup;
  /** Hosts holding each role, in name order. */
  private readonly roles = new Groups();
  /** Hosts holding each role by site (`role|site`), in name order. */
  private readonly roleSites = new Groups();
  private readonly roleSiteKeys = new Map<string, Map<string, string>>();
  readonly names: SharedKeys;
  readonly ips: SharedKeys;
  /** How many hosts carry each site code. */
  private readonly codeCount = new Map<string, number>();
  private codeKey = '';
  /** The site of every host without a site code when the topology has exactly one site. */
  defaultSite: string | undefined;
  /** Sorted site codes in use. */
  codes: readonly string[] = [];
  /** How many hosts have an address typed (valid or not). */
  addressed = 0;
  /** The links `of` filed and the slots of their ends, by position (-1 for a self-link). */
  private built: { links: readonly Link[]; ends: Int32Array } | undefined;

  /**
   * The slots of the ends of the links this index was made of, read once while making it.
   *
   * @param links - A document's links.
   * @returns Source and target slot of link `i` at `2i` and `2i + 1` (-1 for a self-link), when
   *   `links` is the very list the index was made of; else undefined.
   */
  endsOf(links: readonly Link[]): Int32Array | undefined {
    return this.built?.links === links ? this.built.ends : undefined;
  }

  /**
   * @param hosts - The hosts in name order.
   * @param links - How many links to expect.
   */
  private constructor(hosts: Host[], links: number) {
    this.graph = new HostGraph(hosts.length + 16);
    this.hostById = this.graph;
    this.hosts = hosts;
    this.links = new LinkTable(links + 16);
    this.linkById = this.links;
    this.names = new SharedKeys(hosts.length + 16);
    this.ips = new SharedKeys(hosts.length + 16);
  }

  /**
   * The index of a document's hosts and links.
   *
   * @param hosts - The document's hosts.
   * @param links - The document's links.
   * @param places - Each link's source and target as places in `hosts` (link-places.ts), if known.
   * @param byName - The hosts' places in name order (host-orders.ts), if known.
   * @returns A new index.
   * @example
   * EstateIndex.of(document.hosts, document.links).hostsWith('client');
   */
  static of(
    hosts: readonly Host[],
    links: readonly Link[],
    places?: Int32Array,
    byName?: Int32Array,
  ): EstateIndex {
    const index = new EstateIndex(sortedByName(hosts, byName), links.length);
    // Indexed loops: each runs once, before it could be optimised, and an iterator step is garbage.
    for (let i = 0; i < hosts.length; i += 1) index.countCode(ownSite(hosts[i] as Host), 1);
    index.settle();
    for (let i = 0; i < hosts.length; i += 1) index.graph.setHost(hosts[i] as Host);
    for (let i = 0; i < index.hosts.length; i += 1) index.file(index.hosts[i] as Host, false);
    for (let i = 0; i < links.length; i += 1) index.links.set(links[i] as Link);
    const { graph } = index;
    // With every id once, host i has slot i: the places are the slots.
    const ends = linkSlots(graph, links, graph.size === hosts.length ? places : undefined);
    graph.packLinks(links, ends);
    index.built = { links, ends };
    return index;
  }

  private countCode(code: string | undefined, by: number): void {
    if (code === undefined) return;
    const n = (this.codeCount.get(code) ?? 0) + by;
    if (n === 0) this.codeCount.delete(code);
    else this.codeCount.set(code, n);
  }

  /**
   * Recomputes the site codes in use after hosts were added or removed.
   *
   * @returns Whether the set of codes changed (and with it perhaps the default site).
   * @example
   * if (index.settle()) index = EstateIndex.of(hosts, links);
   */
  settle(): boolean {
    const key = [...this.codeCount.keys()].sort().join('|');
    if (key === this.codeKey) return false;
    this.codeKey = key;
    this.codes = key === '' ? [] : key.split('|');
    this.defaultSite = this.codes.length === 1 ? this.codes[0] : undefined;
    return true;
  }

  /** The `role|site` key, made once per role and site. */
  private roleSite(role: string, site: string): string {
    let bySite = this.roleSiteKeys.get(role);
    if (!bySite) {
      bySite = new Map();
      this.roleSiteKeys.set(role, bySite);
    }
    let key = bySite.get(site);
    if (key === undefined) {
      key = `${role}|${site}`;
      bySite.set(site, key);
    }
    return key;
  }

  private file(host: Host, sorted: boolean): void {
    const site = this.siteOf(host) ?? NO_SITE;
    const { roles } = host;
    for (let i = 0; i < roles.length; i += 1) {
      const role = roles[i] as RoleId;
      if (roles.indexOf(role) !== i) continue;
      this.roles.add(role, host, sorted);
      this.roleSites.add(this.roleSite(role, site), host, sorted);
    }
    this.names.add(comparableName(host.name), host, sorted);
    const ip = addressKey(host);
    if (ip !== undefined) this.ips.add(ip, host, sorted);
    if (hasAddress(host)) this.addressed += 1;
  }

  private unfile(host: Host): void {
    const site = this.siteOf(host) ?? NO_SITE;
    for (const role of new Set(host.roles)) {
      this.roles.remove(role, host);
      this.roleSites.remove(this.roleSite(role, site), host);
    }
    this.names.remove(comparableName(host.name), host);
    const ip = addressKey(host);
    if (ip !== undefined) this.ips.remove(ip, host);
    if (hasAddress(host)) this.addressed -= 1;
  }

  /** Adds a host (an edit); call `settle` when done. */
  addHost(host: Host): void {
    this.graph.setHost(host);
    insertSorted(this.hosts, host);
    this.countCode(ownSite(host), 1);
    this.file(host, true);
  }

  /** Removes a host object that `addHost` or `of` filed (an edit); call `settle` when done. */
  removeHost(host: Host): void {
    this.graph.removeHost(host);
    removeSorted(this.hosts, host);
    this.countCode(ownSite(host), -1);
    this.unfile(host);
  }

  addLink(link: Link): void {
    this.links.set(link);
    this.graph.addLink(link);
  }

  removeLink(link: Link): void {
    this.links.remove(link);
    this.graph.removeLink(link);
  }

  /**
   * The links between two host ids (either way round), in the order they were added.
   *
   * @param a - One host id.
   * @param b - The other.
   * @returns The links; empty when none.
   * @example
   * index.linksBetween('mp', 'sql').length; // 1
   */
  linksBetween(a: string, b: string): readonly Link[] {
    return this.graph.linksBetween(a, b);
  }

  /**
   * Every link of a host id but self-links.
   *
   * @param id - A host id (of a host or not).
   * @returns The links, in the order added.
   * @example
   * for (const link of index.linksOf(host.id)) refresh(link);
   */
  linksOf(id: string): readonly Link[] {
    return this.graph.linksOf(id);
  }

  /** Ids linked to `id` (hosts or not), each once. */
  neighbourIds(id: string): readonly string[] {
    return this.graph.neighbourIds(id);
  }

  /** True when a link joins the two ids. */
  linked(a: string, b: string): boolean {
    return this.graph.linked(a, b);
  }

  /**
   * True when a host linked to `host` holds one of `roles` and, with `sameSite`, is of its site
   * or one of the two has no site to tell: a loop over slots, no function made.
   */
  linkedToHolding(host: Host, roles: readonly RoleId[], sameSite: boolean): boolean {
    const { graph } = this;
    const slot = graph.slotOf(host.id);
    if (slot === undefined) return false;
    const site = sameSite ? this.siteOf(host) : undefined;
    for (let i = 0, n = graph.countIn(slot); i < n; i += 1) {
      const neighbour = graph.hostIn(graph.otherIn(slot, i));
      if (!neighbour || !holdsAny(neighbour, roles)) continue;
      if (site === undefined) return true;
      const there = this.siteOf(neighbour);
      if (there === undefined || there === site) return true;
    }
    return false;
  }

  /** The host's site code, or the topology's only site, or undefined. */
  siteOf(host: Host): string | undefined {
    return ownSite(host) ?? this.defaultSite;
  }

  /** Hosts holding `role`, in name order. */
  hostsWith(role: RoleId): readonly Host[] {
    return this.roles.get(role);
  }

  /** Hosts holding `role` whose site is `site` (undefined: no site to tell), in name order. */
  hostsWithIn(role: RoleId, site: string | undefined): readonly Host[] {
    return this.roleSites.get(this.roleSite(role, site ?? NO_SITE));
  }
}
