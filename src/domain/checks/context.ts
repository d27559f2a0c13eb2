import type { Catalogue, RoleId } from '../catalogue-types';
import type { Derivation } from '../derive';
import type { Host, Link, TopologyDocument } from '../document';

/** Role ids the checks name; each exists in data/catalogue/roles.json. */
export const ROLE = {
  siteServer: 'site-server',
  sql: 'sql-server',
  provider: 'sms-provider',
  managementPoint: 'management-point',
  distributionPoint: 'distribution-point',
  cloudDistributionPoint: 'cloud-distribution-point',
  updatePoint: 'software-update-point',
  wsusUpstream: 'wsus-upstream',
  internet: 'internet',
  console: 'console',
  client: 'client',
} as const satisfies Record<string, RoleId>;

/**
 * What every check reads, built once per run: hosts by id, who is linked to whom, site membership.
 * Lists are sorted by host name, then id, so every choice a check makes (which host a fix links
 * to) is deterministic.
 */
export class CheckContext {
  readonly hostById: ReadonlyMap<string, Host>;
  /** Hosts in name order. */
  readonly hosts: readonly Host[];
  /** The site every host without a site code belongs to, when the topology has exactly one site. */
  readonly defaultSite: string | undefined;
  private readonly adjacency = new Map<string, Set<string>>();
  /** Memos: checks ask the same questions for every host, and topologies reach 10,000 hosts. */
  private readonly byRole = new Map<RoleId, Host[]>();
  private readonly neighbourMemo = new Map<string, Host[]>();
  private linkMemo: ReadonlyMap<string, Link> | undefined;
  private readonly siteMemo = new Map<string, string | undefined>();
  /** Sites that have a site server (undefined: a site server without a site). */
  private readonly serverSites = new Set<string | undefined>();
  private readonly onceMemo = new Map<string, unknown>();

  constructor(
    readonly document: TopologyDocument,
    readonly catalogue: Catalogue,
    readonly derivation: Derivation,
  ) {
    this.hostById = new Map(document.hosts.map((h) => [h.id, h]));
    const key = new Map(document.hosts.map((h) => [h.id, h.name.trim().toLowerCase()]));
    this.hosts = [...document.hosts].sort(
      (a, b) => compareKeys(key.get(a.id), key.get(b.id)) || compareKeys(a.id, b.id),
    );
    for (const host of this.hosts) {
      for (const role of new Set(host.roles)) {
        const list = this.byRole.get(role);
        if (list) list.push(host);
        else this.byRole.set(role, [host]);
      }
    }
    for (const link of document.links) {
      if (!this.hostById.has(link.source) || !this.hostById.has(link.target)) continue;
      if (link.source === link.target) continue;
      this.neighbourSet(link.source).add(link.target);
      this.neighbourSet(link.target).add(link.source);
    }
    const codes = new Set(this.hosts.map((h) => siteCode(h.site)).filter((c) => c !== undefined));
    this.defaultSite = codes.size === 1 ? [...codes][0] : undefined;
    for (const host of this.hosts) this.siteMemo.set(host.id, siteCode(host.site) ?? this.defaultSite);
    for (const server of this.hostsWith(ROLE.siteServer)) this.serverSites.add(this.siteOf(server));
  }

  private neighbourSet(id: string): Set<string> {
    let set = this.adjacency.get(id);
    if (!set) {
      set = new Set();
      this.adjacency.set(id, set);
    }
    return set;
  }

  /** Hosts linked to `host`, in name order. */
  neighbours(host: Host): readonly Host[] {
    let list = this.neighbourMemo.get(host.id);
    if (!list) {
      list = [...(this.adjacency.get(host.id) ?? [])]
        .map((id) => this.hostById.get(id))
        .filter((h): h is Host => h !== undefined)
        .sort(byName);
      this.neighbourMemo.set(host.id, list);
    }
    return list;
  }

  /** Links by id. */
  get linkById(): ReadonlyMap<string, Link> {
    this.linkMemo ??= new Map(this.document.links.map((l) => [l.id, l]));
    return this.linkMemo;
  }

  /** True when a host linked to `host` passes `test`; no allocation, for checks run on every host. */
  hasNeighbour(host: Host, test: (neighbour: Host) => boolean): boolean {
    for (const id of this.adjacency.get(host.id) ?? []) {
      const neighbour = this.hostById.get(id);
      if (neighbour && test(neighbour)) return true;
    }
    return false;
  }

  linked(a: Host, b: Host): boolean {
    return this.adjacency.get(a.id)?.has(b.id) ?? false;
  }

  /** Hosts holding `role`, in name order. */
  hostsWith(role: RoleId): readonly Host[] {
    return this.byRole.get(role) ?? [];
  }

  /** The host's site code (trimmed, upper case), or the topology's only site, or undefined. */
  siteOf(host: Host): string | undefined {
    return this.siteMemo.has(host.id)
      ? this.siteMemo.get(host.id)
      : (siteCode(host.site) ?? this.defaultSite);
  }

  /** True when some site server belongs to the host's site (by the lenient rule of `sameSite`). */
  hasSiteServerFor(host: Host): boolean {
    const site = this.siteOf(host);
    if (site === undefined) return this.serverSites.size > 0;
    return this.serverSites.has(site) || this.serverSites.has(undefined);
  }

  /** True when both hosts are of one site, or one of them has no site to tell. */
  sameSite(a: Host, b: Host): boolean {
    const sa = this.siteOf(a);
    const sb = this.siteOf(b);
    return sa === undefined || sb === undefined || sa === sb;
  }

  /**
   * The host holding `role` that best belongs to the site of `host`: the first (by name) with the
   * same site, else the first whose site is unknown (or, when the host's site is unknown, any).
   */
  siteHostWith(host: Host, role: RoleId): Host | undefined {
    const site = this.siteOf(host);
    let lenient: Host | undefined;
    for (const candidate of this.hostsWith(role)) {
      if (candidate.id === host.id) continue;
      const other = this.siteOf(candidate);
      if (other === site) return candidate;
      if (lenient === undefined && (site === undefined || other === undefined)) lenient = candidate;
    }
    return lenient;
  }

  /** Site servers of `site` (undefined: site servers without a site). */
  siteServersOf(site: string | undefined): Host[] {
    return this.hostsWith(ROLE.siteServer).filter((h) => this.siteOf(h) === site);
  }

  /**
   * The host of a site's database: the site server itself when it holds SQL Server, else a SQL
   * Server host of the site linked to the site server, else any SQL Server host of the site.
   */
  databaseHostOf(site: string | undefined): Host | undefined {
    const servers = this.siteServersOf(site);
    const local = servers.find((s) => s.roles.includes(ROLE.sql));
    if (local) return local;
    const sqlHosts = this.hostsWith(ROLE.sql).filter((h) => this.siteOf(h) === site);
    return sqlHosts.find((h) => servers.some((s) => this.linked(s, h))) ?? sqlHosts[0];
  }

  /**
   * A value computed once per run under `key`: facts of the catalogue that checks ask for on every
   * finding, kept with the run rather than in a module-level cache.
   *
   * @param key - A name for the value, unique among the checks.
   * @param make - Computes the value on first use.
   * @returns The value `make` returned the first time.
   * @example
   * ctx.once('databaseRoles', () => databaseRoles(ctx.catalogue)).has('management-point'); // true
   */
  once<T>(key: string, make: () => T): T {
    if (!this.onceMemo.has(key)) this.onceMemo.set(key, make());
    return this.onceMemo.get(key) as T;
  }

  name(id: string): string {
    return this.hostById.get(id)?.name.trim() ?? id;
  }

  /** A role's name for running text: "management point", "SMS provider", "Microsoft Intune". */
  roleName(role: RoleId): string {
    const name = this.catalogue.roleById.get(role)?.name ?? role;
    const first = name.split(' ')[0] ?? '';
    return /^[A-Z][a-z]/.test(name) && !PROPER_WORDS.has(first)
      ? name[0]?.toLowerCase() + name.slice(1)
      : name;
  }

  /** A role's name with its article: "a management point", "an SMS provider", "the internet". */
  aRole(role: RoleId): string {
    const name = this.roleName(role);
    if (role === 'internet') return `the ${name}`;
    if (PRODUCT_ROLES.has(role)) return name;
    return /^([aeiou]|SMS|SQL)/i.test(name) ? `an ${name}` : `a ${name}`;
  }

  /** The roles of `host` among `roles`, as running text: "management point and SMS provider". */
  roleList(roles: readonly RoleId[]): string {
    return joinWords(roles.map((r) => this.roleName(r)));
  }

  /** A role's short badge text, for suggested host names. */
  abbr(role: RoleId): string {
    return this.catalogue.roleById.get(role)?.abbr ?? role.toUpperCase();
  }

  /** Anchors of the catalogue sections joining `from` to `to`. */
  sectionsBetween(from: RoleId, to: RoleId): string[] {
    return this.catalogue.sections
      .filter((s) => (s.from === from && s.to === to) || (s.bidirectional && s.from === to && s.to === from))
      .map((s) => s.anchor);
  }
}

/**
 * Words as running text.
 *
 * @param words - The words, in order.
 * @param conjunction - The word before the last one.
 * @returns `a`, `a and b`, `a, b and c` (or `or`); empty for none.
 * @example
 * joinWords(['MP', 'DP', 'SUP'], 'or'); // 'MP, DP or SUP'
 */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

/** Roles named after a product, which takes no article: "no link to Microsoft Intune". */
const PRODUCT_ROLES = new Set<RoleId>(['intune', 'exchange-online']);

/** First words of role names that stay capitalised in running text. */
const PROPER_WORDS = new Set(['Microsoft', 'Exchange', 'Configuration', 'Mac', 'Windows', 'SMS']);

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

/**
 * Orders hosts by name (trimmed, case-insensitive), then id, as checks list them.
 *
 * @param a - One host.
 * @param b - The other host.
 * @returns A negative number when `a` comes first, positive when `b` does, 0 for the same id.
 * @example
 * [...hosts].sort(byName);
 */
export function byName(a: Host, b: Host): number {
  return compareKeys(a.name.trim().toLowerCase(), b.name.trim().toLowerCase()) || compareKeys(a.id, b.id);
}

function compareKeys(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
