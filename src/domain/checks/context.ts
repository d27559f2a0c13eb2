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
  private readonly linkByPair = new Map<string, Link>();

  constructor(
    readonly document: TopologyDocument,
    readonly catalogue: Catalogue,
    readonly derivation: Derivation,
  ) {
    this.hostById = new Map(document.hosts.map((h) => [h.id, h]));
    this.hosts = [...document.hosts].sort(byName);
    for (const link of document.links) {
      if (!this.hostById.has(link.source) || !this.hostById.has(link.target)) continue;
      if (link.source === link.target) continue;
      this.neighbourSet(link.source).add(link.target);
      this.neighbourSet(link.target).add(link.source);
      const key = pairKey(link.source, link.target);
      if (!this.linkByPair.has(key)) this.linkByPair.set(key, link);
    }
    const codes = new Set(this.hosts.map((h) => siteCode(h.site)).filter((c) => c !== undefined));
    this.defaultSite = codes.size === 1 ? [...codes][0] : undefined;
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
  neighbours(host: Host): Host[] {
    const ids = this.adjacency.get(host.id);
    if (!ids) return [];
    return [...ids]
      .map((id) => this.hostById.get(id))
      .filter((h): h is Host => h !== undefined)
      .sort(byName);
  }

  linked(a: Host, b: Host): boolean {
    return this.adjacency.get(a.id)?.has(b.id) ?? false;
  }

  linkBetween(a: Host, b: Host): Link | undefined {
    return this.linkByPair.get(pairKey(a.id, b.id));
  }

  /** Hosts holding `role`, in name order. */
  hostsWith(role: RoleId): Host[] {
    return this.hosts.filter((h) => h.roles.includes(role));
  }

  /** The host's site code (trimmed, upper case), or the topology's only site, or undefined. */
  siteOf(host: Host): string | undefined {
    return siteCode(host.site) ?? this.defaultSite;
  }

  /** True when both hosts are of one site, or one of them has no site to tell. */
  sameSite(a: Host, b: Host): boolean {
    const sa = this.siteOf(a);
    const sb = this.siteOf(b);
    return sa === undefined || sb === undefined || sa === sb;
  }

  /**
   * Hosts holding `role` that belong to the site of `host`: those with the same site code first,
   * then those whose site is unknown.
   */
  sameSiteWith(host: Host, role: RoleId): Host[] {
    const site = this.siteOf(host);
    const candidates = this.hostsWith(role).filter((h) => h.id !== host.id && this.sameSite(host, h));
    return [
      ...candidates.filter((h) => this.siteOf(h) === site),
      ...candidates.filter((h) => this.siteOf(h) !== site),
    ];
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
    if (/^(Microsoft|Exchange) [A-Z]/.test(name)) return name;
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

/** Words as running text: `a`, `a and b`, `a, b and c` (or `or`). */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

/** First words of role names that stay capitalised in running text. */
const PROPER_WORDS = new Set(['Microsoft', 'Exchange', 'Configuration', 'Mac', 'Windows', 'SMS']);

/** A site code as compared: trimmed and upper case; empty means none. */
export function siteCode(site: string | undefined): string | undefined {
  const code = site?.trim().toUpperCase();
  return code ? code : undefined;
}

export function byName(a: Host, b: Host): number {
  const x = a.name.trim().toLowerCase();
  const y = b.name.trim().toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** A suggested name for a new host: `P01-SQL01`, `NET01`. `applyFix` makes it unique. */
export function suggestName(ctx: CheckContext, role: RoleId, site: string | undefined): string {
  const kind = ctx.catalogue.roleById.get(role)?.kind;
  const prefix = site && kind === 'site-system' ? `${site}-` : '';
  return `${prefix}${ctx.abbr(role)}01`;
}

/**
 * The hosts a new host of `role` in `site` must be linked to so it does not raise findings of its
 * own: the site server (every site system talks to it, note 5) and the site database (roles that
 * read it). Both are looked up in the topology; missing ones are left out.
 */
export function supportingHosts(ctx: CheckContext, role: RoleId, site: string | undefined): string[] {
  const ids: string[] = [];
  // No site to go by (several sites, no site code): the top site's server, CAS before primaries.
  const server =
    site === undefined
      ? [...ctx.hostsWith(ROLE.siteServer)].sort(
          (a, b) => SITE_RANK[a.options.siteType ?? 'primary'] - SITE_RANK[b.options.siteType ?? 'primary'],
        )[0]
      : ctx.siteServersOf(site)[0];
  const serverSite = server ? ctx.siteOf(server) : site;
  if (server && siteSystemRoles(ctx.catalogue).has(role)) ids.push(server.id);
  if (databaseRoles(ctx.catalogue).has(role) || role === ROLE.siteServer) {
    const database = ctx.databaseHostOf(serverSite);
    if (database && !ids.includes(database.id)) ids.push(database.id);
  }
  return ids;
}

const SITE_RANK = { cas: 0, primary: 1, secondary: 2 } as const;

const databaseCache = new WeakMap<Catalogue, ReadonlySet<RoleId>>();
const siteSystemCache = new WeakMap<Catalogue, ReadonlySet<RoleId>>();

/**
 * Roles that talk to the site database: every role the catalogue has a `-- > SQL Server` rule from,
 * but SQL Server itself (its rule is site-to-site replication). Includes the site server.
 */
export function databaseRoles(catalogue: Catalogue): ReadonlySet<RoleId> {
  let roles = databaseCache.get(catalogue);
  if (!roles) {
    roles = new Set(
      catalogue.rules.filter((r) => r.to === ROLE.sql && r.from !== ROLE.sql).map((r) => r.from),
    );
    databaseCache.set(catalogue, roles);
  }
  return roles;
}

/**
 * Site system roles that need a link to their site server: roles of kind `site-system` (but the
 * site server and SQL Server) that share a catalogue rule with the site server in either direction.
 */
export function siteSystemRoles(catalogue: Catalogue): ReadonlySet<RoleId> {
  let roles = siteSystemCache.get(catalogue);
  if (!roles) {
    const set = new Set<RoleId>();
    for (const rule of catalogue.rules) {
      const other =
        rule.from === ROLE.siteServer ? rule.to : rule.to === ROLE.siteServer ? rule.from : undefined;
      if (other === undefined || other === ROLE.siteServer || other === ROLE.sql) continue;
      if (catalogue.roleById.get(other)?.kind === 'site-system') set.add(other);
    }
    roles = set;
    siteSystemCache.set(catalogue, roles);
  }
  return roles;
}
