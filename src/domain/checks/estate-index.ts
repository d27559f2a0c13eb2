import type { RoleId } from '../catalogue-types';
import type { Host, Link } from '../document';
import { checkIp, normaliseIp } from '../ip';
import { comparableName } from './host-names';
import { compareKeys, Groups, insertSorted, removeSorted } from './host-order';

/**
 * The lookups every check run needs (hosts in name order, hosts by role and by site, who is linked
 * to whom, which names and addresses are shared), built once and then patched by an edit, so
 * neither a run nor an edit scans every host for every host.
 */

/** The site a host belongs to, as a map key: `undefined` (no site to tell) is filed under ''. */
type SiteKey = string;
const NO_SITE: SiteKey = '';

/**
 * A site code as compared: trimmed and upper case; empty means none.
 *
 * @param site - A host's site code as typed.
 * @returns The comparable code, or undefined for none.
 * @example
 * siteCode(' p01 '); // 'P01'
 */
export function siteCode(site: string | undefined): string | undefined {
  const code = site?.trim().toUpperCase();
  return code ? code : undefined;
}

/** True when the host has an address typed, valid or not. */
const hasAddress = (host: Host) => host.ip !== undefined && host.ip.trim() !== '';

/** The key under which a host's valid address is shared; undefined for none or an invalid one. */
function ipKey(host: Host): string | undefined {
  const ip = host.ip;
  if (ip === undefined || ip.trim() === '' || checkIp(ip)) return undefined;
  return normaliseIp(ip);
}

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
  readonly hostById = new Map<string, Host>();
  /** Hosts in name order. */
  readonly hosts: Host[] = [];
  readonly linkById = new Map<string, Link>();
  /** The links between host ids, one or a list (self-links left out); ends may name missing hosts. */
  readonly adjacency = new Map<string, Map<string, Link | Link[]>>();
  /** Hosts holding each role, in name order. */
  private readonly roles = new Groups();
  /** Hosts holding each role by site (`role|site`), in name order. */
  private readonly roleSites = new Groups();
  private readonly roleSiteKeys = new Map<string, Map<string, string>>();
  readonly names = new Groups();
  readonly ips = new Groups();
  /** How many hosts carry each site code. */
  private readonly codeCount = new Map<string, number>();
  private codeKey = '';
  /** The site of every host without a site code when the topology has exactly one site. */
  defaultSite: string | undefined;
  /** Sorted site codes in use. */
  codes: readonly string[] = [];
  /** How many hosts have an address typed (valid or not). */
  addressed = 0;

  /**
   * The index of a document's hosts and links.
   *
   * @param hosts - The document's hosts.
   * @param links - The document's links.
   * @returns A new index.
   * @example
   * EstateIndex.of(document.hosts, document.links).hostsWith('client');
   */
  static of(hosts: readonly Host[], links: readonly Link[]): EstateIndex {
    const index = new EstateIndex();
    for (const host of hosts) index.countCode(ownSite(host), 1);
    index.settle();
    for (const host of hosts) index.hostById.set(host.id, host);
    // Sorted by keys made once per host, not twice per comparison.
    const keyed = hosts.map((host) => ({ key: host.name.trim().toLowerCase(), host }));
    keyed.sort((x, y) => compareKeys(x.key, y.key) || compareKeys(x.host.id, y.host.id));
    for (const { host } of keyed) index.hosts.push(host);
    for (const host of index.hosts) index.file(host, false);
    for (const link of links) index.addLink(link);
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
    host.roles.forEach((role, i) => {
      if (host.roles.indexOf(role) !== i) return;
      this.roles.add(role, host, sorted);
      this.roleSites.add(this.roleSite(role, site), host, sorted);
    });
    this.names.add(comparableName(host.name), host, sorted);
    const ip = ipKey(host);
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
    const ip = ipKey(host);
    if (ip !== undefined) this.ips.remove(ip, host);
    if (hasAddress(host)) this.addressed -= 1;
  }

  /** Adds a host (an edit); call `settle` when done. */
  addHost(host: Host): void {
    this.hostById.set(host.id, host);
    insertSorted(this.hosts, host);
    this.countCode(ownSite(host), 1);
    this.file(host, true);
  }

  /** Removes a host object that `addHost` or `of` filed (an edit); call `settle` when done. */
  removeHost(host: Host): void {
    if (this.hostById.get(host.id) === host) this.hostById.delete(host.id);
    removeSorted(this.hosts, host);
    this.countCode(ownSite(host), -1);
    this.unfile(host);
  }

  private join(a: string, b: string, link: Link): void {
    let row = this.adjacency.get(a);
    if (!row) {
      row = new Map();
      this.adjacency.set(a, row);
    }
    const there = row.get(b);
    if (there === undefined) row.set(b, link);
    else if (Array.isArray(there)) there.push(link);
    else row.set(b, [there, link]);
  }

  private part(a: string, b: string, link: Link): void {
    const row = this.adjacency.get(a);
    const there = row?.get(b);
    if (!row || there === undefined) return;
    if (!Array.isArray(there)) {
      if (there === link) row.delete(b);
      return;
    }
    const rest = there.filter((l) => l !== link);
    row.set(b, rest.length === 1 ? (rest[0] as Link) : rest);
  }

  addLink(link: Link): void {
    this.linkById.set(link.id, link);
    if (link.source === link.target) return;
    this.join(link.source, link.target, link);
    this.join(link.target, link.source, link);
  }

  removeLink(link: Link): void {
    if (this.linkById.get(link.id) === link) this.linkById.delete(link.id);
    if (link.source === link.target) return;
    this.part(link.source, link.target, link);
    this.part(link.target, link.source, link);
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
    const there = this.adjacency.get(a)?.get(b);
    return there === undefined ? [] : Array.isArray(there) ? there : [there];
  }

  /**
   * Every link of a host id but self-links.
   *
   * @param id - A host id (of a host or not).
   * @returns The links, pair by pair.
   * @example
   * for (const link of index.linksOf(host.id)) refresh(link);
   */
  *linksOf(id: string): Iterable<Link> {
    for (const there of this.adjacency.get(id)?.values() ?? []) {
      if (Array.isArray(there)) yield* there;
      else yield there;
    }
  }

  /** Ids linked to `id` (hosts or not). */
  neighbourIds(id: string): Iterable<string> {
    return this.adjacency.get(id)?.keys() ?? [];
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
