import type { Catalogue, RoleId } from '../catalogue-types';
import type { Derivation } from '../derive';
import type { Host, TopologyDocument } from '../document';
import { listParam, type MessageParam, message, roleParam } from '../message';
import type { KeptEmptyLinks } from './empty-links';
import { EstateIndex } from './estate-index';
import type { HostLookup } from './host-graph';
import { byName, firstBut } from './host-order';
import type { LinkNotes } from './link-notes';
import type { LinkLookup } from './link-table';
import { QuestionKeys } from './questions';
import { anchorsBetween, ROLE } from './roles';

export { holdsAny } from './roles';
export { ROLE };

/**
 * What a check of one host read beyond the host and its links, so the incremental checker knows
 * when to run it again: hosts it named or picked, and estate-wide questions it asked (answered
 * again after an edit by `CheckContext.answer`). `wide` marks a check that read another host's
 * links, which only a run of every host check keeps right.
 */
export interface CheckTrace {
  readonly owner: string;
  readonly hosts: Set<string>;
  readonly queries: string[]; // each once, first asked first (a set cleared per host makes a table)
  wide: boolean;
}

/**
 * What every check reads: hosts by id, who is linked to whom, site membership (an `EstateIndex`,
 * built once or patched by an edit), and per-run memos. Lists are sorted by host name, then id, so
 * every choice a check makes (which host a fix links to) is deterministic.
 */
export class CheckContext {
  /** Set by the incremental checker while it checks one host. */
  trace: CheckTrace | undefined;
  /** Set by the incremental checker, which keeps them per link; else the notes read the flows. */
  linkNotes: LinkNotes | undefined;
  /** PXE distribution points linked to clients in name order, as the incremental checker keeps them. */
  pxeServed: (() => readonly Host[]) | undefined;
  /** Empty-link findings with the objects they were made of, kept by the incremental checker. */
  kept: KeptEmptyLinks | undefined;
  private readonly neighbourMemo = new Map<string, Host[]>();
  private readonly questions = new QuestionKeys();
  private readonly databaseMemo = new Map<string | undefined, Host | undefined>();
  private readonly sectionMemo = new Map<RoleId, Map<RoleId, readonly string[]>>();
  private serverSiteMemo: ReadonlySet<string | undefined> | undefined;
  private topMemo: { server: Host | undefined } | undefined;

  /**
   * @param document - The topology.
   * @param catalogue - The catalogue in force.
   * @param derivation - The document's flows.
   * @param index - The document's index, when the caller keeps one patched.
   * @param memo - Facts of the catalogue kept across runs (see `once`).
   */
  constructor(
    readonly document: TopologyDocument,
    readonly catalogue: Catalogue,
    readonly derivation: Derivation,
    readonly index: EstateIndex = EstateIndex.of(document.hosts, document.links),
    private readonly memo = new Map<string, unknown>(),
  ) {}

  get hostById(): HostLookup {
    return this.index.hostById;
  }

  /** Hosts in name order. */
  get hosts(): readonly Host[] {
    return this.index.hosts;
  }

  /** Links by id. */
  get linkById(): LinkLookup {
    return this.index.linkById;
  }

  /** The site every host without a site code belongs to, when the topology has exactly one site. */
  get defaultSite(): string | undefined {
    return this.index.defaultSite;
  }

  /** Site codes in use, sorted. */
  get codes(): readonly string[] {
    return this.index.codes;
  }

  private adjacencyRead(host: Host): void {
    if (this.trace && this.trace.owner !== host.id) this.trace.wide = true;
  }

  private ask(key: string, hosts?: readonly (Host | undefined)[]): void {
    if (!this.trace) return;
    if (!this.trace.queries.includes(key)) this.trace.queries.push(key);
    // Asked as every host is checked: no list or iterator made per call.
    for (let i = 0; hosts && i < hosts.length; i += 1) if (hosts[i]) this.trace.hosts.add(hosts[i]!.id);
  }

  /** Hosts linked to `host`, in name order. */
  neighbours(host: Host): readonly Host[] {
    this.adjacencyRead(host);
    let list = this.neighbourMemo.get(host.id);
    if (!list) {
      list = this.index.graph.hostsLinkedTo(host.id).sort(byName);
      this.neighbourMemo.set(host.id, list);
    }
    return list;
  }

  /**
   * True when a host linked to `host` holds one of `roles` (and, with `sameSite`, is of its site
   * by the lenient rule of `sameSite`): no function made, for checks run on every host.
   */
  hasNeighbourHolding(host: Host, roles: readonly RoleId[], sameSite = false): boolean {
    this.adjacencyRead(host);
    return this.index.linkedToHolding(host, roles, sameSite);
  }

  linked(a: Host, b: Host): boolean {
    this.adjacencyRead(a);
    return this.index.linked(a.id, b.id);
  }

  /** Hosts holding `role`, in name order (a traced check depends on the first two only). */
  hostsWith(role: RoleId): readonly Host[] {
    const list = this.index.hostsWith(role);
    this.ask(this.questions.key('all', role));
    return list;
  }

  /** The host's site code (trimmed, upper case), or the topology's only site, or undefined. */
  siteOf(host: Host): string | undefined {
    return this.index.siteOf(host);
  }

  /** True when some host has an address typed (valid or not). */
  anyAddress(): boolean {
    this.ask('any-ip');
    return this.index.addressed > 0;
  }

  /** Sites that have a site server (undefined: a site server without a site). */
  get serverSites(): ReadonlySet<string | undefined> {
    this.serverSiteMemo ??= new Set(this.index.hostsWith(ROLE.siteServer).map((s) => this.siteOf(s)));
    return this.serverSiteMemo;
  }

  /** True when some site server belongs to the host's site (by the lenient rule of `sameSite`). */
  hasSiteServerFor(host: Host): boolean {
    const site = this.siteOf(host);
    this.ask('server-sites');
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
    const found =
      firstBut(this.index.hostsWithIn(role, site), host) ??
      firstBut(this.index.hostsWithIn(role, undefined), host) ??
      (site === undefined ? firstBut(this.index.hostsWith(role), host) : undefined);
    if (this.trace) {
      this.ask(this.questions.key('in', role, site ?? ''));
      this.ask(this.questions.key('in', role, ''));
      if (site === undefined) this.ask(this.questions.key('all', role));
    }
    return found;
  }

  /** Site servers of `site` (undefined: site servers without a site), in name order. */
  siteServersOf(site: string | undefined): readonly Host[] {
    const servers = this.index.hostsWithIn(ROLE.siteServer, site);
    this.ask(`servers|${site ?? ''}`, servers);
    return servers;
  }

  /** The site server of the top site, CAS before primaries before secondaries; first by name. */
  topSiteServer(): Host | undefined {
    this.topMemo ??= {
      server: [...this.index.hostsWith(ROLE.siteServer)].sort(
        (a, b) => SITE_RANK[a.options.siteType ?? 'primary'] - SITE_RANK[b.options.siteType ?? 'primary'],
      )[0],
    };
    const { server } = this.topMemo;
    this.ask('top-server', [server]);
    return server;
  }

  /**
   * The host of a site's database: the site server itself when it holds SQL Server, else a SQL
   * Server host of the site linked to the site server, else any SQL Server host of the site.
   */
  databaseHostOf(site: string | undefined): Host | undefined {
    if (!this.databaseMemo.has(site)) {
      const servers = this.index.hostsWithIn(ROLE.siteServer, site);
      const local = servers.find((s) => s.roles.includes(ROLE.sql));
      const sqlHosts = this.index.hostsWithIn(ROLE.sql, site);
      const linked = (s: Host, h: Host) => this.index.linked(s.id, h.id);
      this.databaseMemo.set(
        site,
        local ?? sqlHosts.find((h) => servers.some((s) => linked(s, h))) ?? sqlHosts[0],
      );
    }
    const host = this.databaseMemo.get(site);
    this.ask(`db|${site ?? ''}`, [host]);
    return host;
  }

  /** True when the site server holds SQL Server or is linked to a SQL Server host of its site. */
  hasSiteDatabase(server: Host): boolean {
    if (server.roles.includes(ROLE.sql)) return true;
    return this.hasNeighbourHolding(server, SQL, true);
  }

  /** Site servers of `site` without a site database (asked of other hosts than the one checked). */
  serversWithoutDatabase(site: string | undefined): readonly Host[] {
    const trace = this.trace;
    this.trace = undefined;
    const servers = this.index.hostsWithIn(ROLE.siteServer, site).filter((s) => !this.hasSiteDatabase(s));
    this.trace = trace;
    this.ask(`nodb|${site ?? ''}`, servers);
    return servers;
  }

  /**
   * A value computed once under `key`: facts of the catalogue that checks ask for on every
   * finding, kept with the context (and across runs by the incremental checker), never in a
   * module-level cache. Only facts of the catalogue belong here.
   *
   * @param key - A name for the value, unique among the checks.
   * @param make - Computes the value on first use (a function made once, not per call, for
   *   checks run on every host).
   * @returns The value `make` returned the first time.
   * @example
   * ctx.once('databaseRoles', () => databaseRoles(ctx.catalogue)).has('management-point'); // true
   */
  once<T>(key: string, make: (ctx: CheckContext) => T): T {
    let value = this.memo.get(key) as T | undefined;
    if (value === undefined && !this.memo.has(key)) {
      value = make(this);
      this.memo.set(key, value);
    }
    return value as T;
  }

  name(id: string): string {
    this.trace?.hosts.add(id);
    return this.hostById.get(id)?.name.trim() ?? id;
  }

  /** A role as a message value: "management point", "Verwaltungspunkt". */
  role(role: RoleId): MessageParam {
    return roleParam(role);
  }

  /**
   * A role with its article where the language has one: "a management point", "an SMS provider",
   * "the internet" (the English catalogue keys the article by role id; German names the role bare).
   */
  aRole(role: RoleId): MessageParam {
    return { message: message('checks:aRole', { role: roleParam(role), context: role }) };
  }

  /** Roles as running text: "management point and SMS provider". */
  roleList(roles: readonly RoleId[]): MessageParam {
    return listParam(roles.map(roleParam));
  }

  /** A role's short badge text, for suggested host names. */
  abbr(role: RoleId): string {
    return this.catalogue.roleById.get(role)?.abbr ?? role.toUpperCase();
  }

  /** Anchors of the catalogue sections joining `from` to `to`. */
  sectionsBetween(from: RoleId, to: RoleId): readonly string[] {
    // Once per pair of roles in a run (2,600 findings at 100k ask for one pair); shared, never changed.
    let anchors = this.sectionMemo.get(from)?.get(to);
    if (anchors === undefined) {
      anchors = anchorsBetween(this.catalogue, from, to);
      this.sectionMemo.set(from, (this.sectionMemo.get(from) ?? new Map()).set(to, anchors));
    }
    return anchors;
  }
}

const SITE_RANK = { cas: 0, primary: 1, secondary: 2 } as const;
const SQL: readonly RoleId[] = [ROLE.sql];
