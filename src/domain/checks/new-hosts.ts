/** What a fix that adds a host needs: a name for it, and the hosts it must be linked to. */
import type { Catalogue, RoleId } from '../catalogue-types';
import type { Host } from '../document';
import { message } from '../message';
import { type CheckContext, ROLE } from './context';
import type { Fix, Ghost } from './finding';

/**
 * A suggested name for a new host; `applyFix` makes it unique.
 *
 * @param ctx - The run's context.
 * @param role - The role the new host holds.
 * @param site - The site it joins, if any.
 * @returns The role's badge text numbered 01, after the site code for site systems.
 * @example
 * suggestName(ctx, 'sql-server', 'P01'); // 'P01-SQL01'
 * suggestName(ctx, 'internet', undefined); // 'NET01'
 */
export function suggestName(ctx: CheckContext, role: RoleId, site: string | undefined): string {
  const kind = ctx.catalogue.roleById.get(role)?.kind;
  const prefix = site && kind === 'site-system' ? `${site}-` : '';
  return `${prefix}${ctx.abbr(role)}01`;
}

/**
 * The hosts a new host of `role` in `site` must be linked to so it does not raise findings of its
 * own: the site server (every site system talks to it, note 5) and the site database (roles that
 * read it). Both are looked up in the topology; missing ones are left out.
 *
 * @param ctx - The run's context.
 * @param role - The role the new host holds.
 * @param site - The site it joins; undefined picks the top site's server (CAS before primaries).
 * @returns Host ids, the site server first.
 * @example
 * supportingHosts(ctx, 'management-point', 'P01'); // [siteServerId, sqlHostId]
 */
export function supportingHosts(ctx: CheckContext, role: RoleId, site: string | undefined): string[] {
  const ids: string[] = [];
  // No site to go by (several sites, no site code): the top site's server, CAS before primaries.
  const server = site === undefined ? ctx.topSiteServer() : ctx.siteServersOf(site)[0];
  const serverSite = server ? ctx.siteOf(server) : site;
  if (server && ctx.once('siteSystemRoles', () => siteSystemRoles(ctx.catalogue)).has(role))
    ids.push(server.id);
  if (ctx.once('databaseRoles', () => databaseRoles(ctx.catalogue)).has(role) || role === ROLE.siteServer) {
    const database = ctx.databaseHostOf(serverSite);
    if (database && !ids.includes(database.id)) ids.push(database.id);
  }
  return ids;
}

/**
 * Roles that talk to the site database: every role the catalogue has a `-- > SQL Server` rule from,
 * but SQL Server itself (its rule is site-to-site replication). Includes the site server.
 *
 * @param catalogue - The catalogue in use.
 * @returns The role ids (a new set each call; a run keeps it with `ctx.once`).
 * @example
 * databaseRoles(catalogue).has('management-point'); // true
 */
export function databaseRoles(catalogue: Catalogue): ReadonlySet<RoleId> {
  return new Set(catalogue.rules.filter((r) => r.to === ROLE.sql && r.from !== ROLE.sql).map((r) => r.from));
}

/**
 * Site system roles that need a link to their site server: roles of kind `site-system` (but the
 * site server and SQL Server) that share a catalogue rule with the site server in either direction.
 *
 * @param catalogue - The catalogue in use.
 * @returns The role ids (a new set each call).
 * @example
 * siteSystemRoles(catalogue).has('distribution-point'); // true
 */
export function siteSystemRoles(catalogue: Catalogue): ReadonlySet<RoleId> {
  const roles = new Set<RoleId>();
  for (const rule of catalogue.rules) {
    const other =
      rule.from === ROLE.siteServer ? rule.to : rule.to === ROLE.siteServer ? rule.from : undefined;
    if (other === undefined || other === ROLE.siteServer || other === ROLE.sql) continue;
    if (catalogue.roleById.get(other)?.kind === 'site-system') roles.add(other);
  }
  return roles;
}

/**
 * The way to give `host` a peer of `role`: a link to `peer` (such a host of its site) when there
 * is one, else a new host of that role linked to `host` and to whatever the new
 * host needs itself (its site server, its site database).
 *
 * @param ctx - the checks' context
 * @param host - the host that lacks a peer
 * @param role - the role the peer must hold
 * @param peer - a host of that role in the host's site, if there is one
 * @returns what the finding concerns, its ghost on the canvas and its fix
 * @example
 * linkOrAdd(ctx, client, 'management-point', mp).fix.kind; // 'add-link'
 */
export function linkOrAdd(
  ctx: CheckContext,
  host: Host,
  role: RoleId,
  peer: Host | undefined,
): { ghost: Ghost; fix: Fix; hosts: string[] } {
  const name = ctx.name(host.id);
  if (peer) {
    return {
      hosts: [host.id, peer.id],
      ghost: { source: host.id, target: peer.id },
      fix: {
        kind: 'add-link',
        source: host.id,
        target: peer.id,
        label: message('checks:fix.link', { from: name, to: ctx.name(peer.id) }),
      },
    };
  }
  const site = ctx.siteOf(host);
  const linkTo = [host.id, ...supportingHosts(ctx, role, site).filter((id) => id !== host.id)];
  return {
    hosts: [host.id],
    ghost: { source: host.id, missingRole: role },
    fix: {
      kind: 'add-host',
      role,
      name: suggestName(ctx, role, site),
      ...(site ? { site } : {}),
      linkTo,
      label: message('checks:fix.addHost', { role: ctx.aRole(role), host: name }),
    },
  };
}
