/**
 * Tiers of the automatic layout: which band from top to bottom a host or a box belongs in. ELK's
 * partitioning keeps lower tiers in earlier (higher) layers; the numbers leave room between bands.
 */
import type { Catalogue } from '../catalogue-types';
import type { Host, SiteType } from '../document';

/** Internet and cloud peers: the top edge. */
export const TIER_EDGE = 0;
/** Site boxes and site servers by site type; a site of unknown type sits with the primaries. */
export const TIER_SITE: Readonly<Record<SiteType, number>> = { cas: 10, primary: 20, secondary: 30 };
/** Clients: the last band. */
export const TIER_CLIENTS = 90;
/** Zones without hosts: after everything else. */
export const TIER_EMPTY = 95;

/** Inside a site box: the site server (and its database and provider) first, then its systems, then clients. */
export const SITE_TIER = { server: 0, systems: 1, clients: 2 } as const;

/** What the layout needs to know of a host's roles. */
export interface HostKind {
  readonly siteServer: boolean;
  /**
   * A site server, or a host of the site's own servers only (SQL Server, SMS Provider): in a site
   * box it sits in the top band beside the site server, not with the site systems below (a CAS
   * with its database was two rows where one does).
   */
  readonly siteCore: boolean;
  /** Only client roles (client, console, mobile device): belongs with the clients at the bottom. */
  readonly client: boolean;
  /** An internet or cloud peer (external roles of the cloud group, no site system or client role). */
  readonly edge: boolean;
}

/**
 * Classifies a host by its roles as the catalogue describes them; unknown role ids count as
 * site systems (a newer catalogue's role is most likely one).
 *
 * @param host - The host to classify.
 * @param catalogue - Gives each role's kind and group.
 * @returns Whether the host is a site server, a client, or an internet or cloud peer.
 * @example
 * hostKind(makeHost('c', ['client']), catalogue); // { siteServer: false, siteCore: false, client: true, edge: false }
 */
export function hostKind(host: Host, catalogue: Catalogue): HostKind {
  const roles = host.roles.map((id) => catalogue.roleById.get(id));
  const known = roles.filter((r) => r !== undefined);
  const unknown = known.length < roles.length;
  const siteServer = host.roles.includes('site-server');
  const siteCore = siteServer || (known.length > 0 && !unknown && known.every((r) => r.group === 'site'));
  const client = known.length > 0 && !unknown && known.every((r) => r.kind === 'client');
  const edge =
    !unknown &&
    known.some((r) => r.kind === 'external' && r.group === 'cloud') &&
    known.every((r) => r.kind === 'external');
  return { siteServer, siteCore, client, edge };
}

/**
 * The type of each site code: the site type set on its site server, else one below the type of
 * the parent site its hosts name (a site below a CAS is a primary, below a primary a secondary).
 *
 * @param hosts - The document's hosts.
 * @returns Site type per site code; codes whose type cannot be told are absent.
 * @example
 * siteTypes([makeHost('p', ['site-server'], { site: 'P01', options: { parentSite: 'CAS' } })]);
 * // Map { 'P01' => 'primary' }
 */
export function siteTypes(hosts: readonly Host[]): ReadonlyMap<string, SiteType> {
  const types = new Map<string, SiteType>();
  const parents = new Map<string, string>();
  for (const h of hosts) {
    if (!h.site) continue;
    if (h.options.siteType && !types.has(h.site)) types.set(h.site, h.options.siteType);
    if (h.options.parentSite && !parents.has(h.site)) parents.set(h.site, h.options.parentSite);
  }
  for (const [site, parent] of parents) {
    if (types.has(site)) continue;
    const parentType = types.get(parent);
    // A site with a parent is at least a primary; one below a primary is a secondary.
    types.set(site, parentType === 'primary' || parentType === 'secondary' ? 'secondary' : 'primary');
  }
  return types;
}

/**
 * The tier of a site: its type's band, the primaries' band when the type is unknown.
 *
 * @param type - the site server's `siteType`
 * @example
 * siteTier('cas') < siteTier('primary'); // true: a CAS is laid out above its primaries
 */
export function siteTier(type: SiteType | undefined): number {
  return TIER_SITE[type ?? 'primary'];
}

/**
 * The tier of a host that sits directly in a zone or at the top level (not inside a site box).
 *
 * @param kind - The host's {@link HostKind}.
 * @param type - The type of the host's site, if it has one.
 * @param hasSite - Whether the host names a site code.
 * @returns Its band: peers first, site servers by site type, systems just below their site's
 *   servers, hosts of no site with the primaries, clients last.
 * @example
 * looseTier({ siteServer: true, siteCore: true, client: false, edge: false }, 'cas', true); // 10
 */
export function looseTier(kind: HostKind, type: SiteType | undefined, hasSite: boolean): number {
  if (kind.edge) return TIER_EDGE;
  if (kind.client) return TIER_CLIENTS;
  if (kind.siteServer) return siteTier(type);
  return hasSite ? siteTier(type) + 1 : TIER_SITE.primary;
}

/**
 * The tier of a host inside its site box: server, systems, clients.
 *
 * @param kind - the host's {@link HostKind}
 * @example
 * siteMemberTier({ siteServer: false, siteCore: true, client: false, edge: false }); // the top band of the box
 */
export function siteMemberTier(kind: HostKind): number {
  if (kind.siteCore) return SITE_TIER.server;
  return kind.client ? SITE_TIER.clients : SITE_TIER.systems;
}
